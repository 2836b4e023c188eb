import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { ListStates, type ListQueryState } from './list-states.tsx'

const loaded: ListQueryState = {
  isPending: false,
  isError: false,
  isFetching: false,
  error: null,
  data: {},
  refetch: () => Promise.resolve(),
}

function show(query: Partial<ListQueryState>, counts: { total: number; shown: number }) {
  const onClear = vi.fn<() => void>()
  render(
    <ListStates
      query={{ ...loaded, ...query }}
      nouns={['server', 'servers']}
      empty={<p>None yet</p>}
      onClear={onClear}
      {...counts}
    >
      <table aria-label="Servers" />
    </ListStates>,
  )
  return { onClear }
}

test('loading says what is loading', () => {
  show({ isPending: true, data: undefined }, { total: 0, shown: 0 })
  expect(screen.getByRole('status')).toHaveTextContent('Loading servers…')
})

test('loading shows skeleton rows where the table will be, not a lone spinner', () => {
  show({ isPending: true, data: undefined }, { total: 0, shown: 0 })
  const status = screen.getByRole('status')
  expect(status.querySelectorAll('.skeleton-row')).toHaveLength(8)
  expect(status.querySelector('.spinner')).toBeNull()
  expect(screen.queryByRole('table')).toBeNull()
})

test('a failure before any answer shows the error and a retry that refetches', async () => {
  const refetch = vi.fn<() => Promise<void>>(() => Promise.resolve())
  const error = new Error('Backend down')
  show({ isError: true, data: undefined, error, refetch }, { total: 0, shown: 0 })
  expect(screen.getByText('Could not load servers')).toBeInTheDocument()
  expect(screen.getByText(/Backend down/)).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: /retry/i }))
  expect(refetch).toHaveBeenCalled()
})

test('a failed refetch keeps the table', () => {
  show({ isError: true, error: new Error('x') }, { total: 2, shown: 2 })
  expect(screen.getByRole('table', { name: 'Servers' })).toBeInTheDocument()
})

test('none at all shows the empty state instead of the table', () => {
  show({}, { total: 0, shown: 0 })
  expect(screen.getByText('None yet')).toBeInTheDocument()
  expect(screen.queryByRole('table')).toBeNull()
})

test('filters that hide every row say so and clear', async () => {
  const { onClear } = show({}, { total: 3, shown: 0 })
  expect(
    screen.getByRole('heading', { name: 'No servers match these filters' }),
  ).toBeInTheDocument()
  await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }))
  expect(onClear).toHaveBeenCalled()
})
