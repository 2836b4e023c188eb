import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { expect, test } from 'vitest'
import {
  createPageCommandRegistry,
  PageCommandsProvider,
  usePageCommands,
  useRegisteredCommands,
  type PageCommand,
} from './page-commands.tsx'

const command = (id: string, label = id): PageCommand => ({ id, label, run: () => undefined })

test('the registry holds each owner’s latest commands and forgets an owner that leaves', () => {
  const registry = createPageCommandRegistry()
  let changes = 0
  registry.subscribe(() => changes++)
  const offA = registry.register('a', [command('stop')])
  registry.register('b', [command('deploy')])
  expect(registry.list().map((c) => c.id)).toEqual(['stop', 'deploy'])
  const offA2 = registry.register('a', [command('start')])
  expect(registry.list().map((c) => c.id)).toEqual(['start', 'deploy'])
  // A stale unregistration (of commands already replaced) leaves the new ones.
  offA()
  expect(registry.list().map((c) => c.id)).toEqual(['start', 'deploy'])
  offA2()
  expect(registry.list().map((c) => c.id)).toEqual(['deploy'])
  expect(changes).toBe(4)
})

function Page({ name }: { name: string }) {
  usePageCommands([command('stop', `Stop ${name}`)])
  return null
}

function Labels() {
  return (
    <p>
      {useRegisteredCommands()
        .map((c) => c.label)
        .join(', ') || 'none'}
    </p>
  )
}

function Harness() {
  const [registry] = useState(createPageCommandRegistry)
  const [page, setPage] = useState<string | null>('orders-api')
  return (
    <PageCommandsProvider registry={registry}>
      {page && <Page name={page} />}
      <Labels />
      <button type="button" onClick={() => setPage('billing')}>
        rename
      </button>
      <button type="button" onClick={() => setPage(null)}>
        leave
      </button>
    </PageCommandsProvider>
  )
}

test('a page’s commands are registered while it is mounted and follow its renders', () => {
  render(<Harness />)
  expect(screen.getByText('Stop orders-api')).toBeInTheDocument()
  act(() => screen.getByRole('button', { name: 'rename' }).click())
  expect(screen.getByText('Stop billing')).toBeInTheDocument()
  act(() => screen.getByRole('button', { name: 'leave' }).click())
  expect(screen.getByText('none')).toBeInTheDocument()
})

test('outside a provider the hook does nothing and the palette sees no commands', () => {
  render(
    <>
      <Page name="orders-api" />
      <Labels />
    </>,
  )
  expect(screen.getByText('none')).toBeInTheDocument()
})
