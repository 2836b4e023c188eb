import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../lib/paths.ts'
import { setupTestBackend, signInAs } from '../test/demo-server.ts'
import { locationOf, renderApp } from '../test/render-app.tsx'
import { rememberEnvironment } from './account.ts'

const demo = setupTestBackend()

test('a failed start keeps the navigation, says it retries, and recovers without Retry', async () => {
  const { scope } = await signInAs('Operator')
  // The identity read fails twice (a gateway in trouble), then the backend is back.
  demo.backend.faults.set({
    rules: [{ matching: 'GET /accounts/api/me', effect: 'fail-502', times: 2 }],
  })
  renderApp(paths.servers(scope.envId))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent(/Could not load your organization.*HTTP 502/)
  expect(screen.getByText('The console tries again by itself', { exact: false })).toBeVisible()
  const nav = screen.getByRole('navigation', { name: 'Sections' })
  expect(within(nav).getByRole('link', { name: 'Applications' })).toBeInTheDocument()
  expect(screen.getByText(`Environment ${scope.envId} · unavailable, retrying`)).toBeVisible()

  // No click: the console reads again with backoff (2 s, then 4 s) and carries on.
  expect(
    await screen.findByRole('combobox', { name: 'Environment' }, { timeout: 10_000 }),
  ).toBeInTheDocument()
  expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
  expect(screen.queryByText(/Could not load your organization/)).not.toBeInTheDocument()
}, 15_000)

test('at the console home, a failed start opens the environment used last with its shell', async () => {
  const { scope } = await signInAs('Operator')
  rememberEnvironment(scope.envId)
  demo.backend.faults.set({
    rules: [{ matching: 'GET /accounts/api/me', effect: 'fail-503', times: 1 }],
  })
  const { router } = renderApp(paths.home())
  expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
  expect(locationOf(router)).toBe(paths.servers(scope.envId))
  expect(
    await screen.findByRole('table', { name: 'Servers' }, { timeout: 10_000 }),
  ).toBeInTheDocument()
}, 15_000)

test('while the start fails, Retry stays offered next to the automatic recovery', async () => {
  const { scope } = await signInAs('Operator')
  demo.backend.faults.set({ failMatching: 'GET /accounts/api/me' })
  renderApp(paths.servers(scope.envId))
  expect(await screen.findByRole('alert')).toHaveTextContent('HTTP 500')
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
})

test('pressing a list’s link starts its read before the click, and the page uses that read', async () => {
  const { scope } = await signInAs('Operator')
  const { router } = renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  const reads: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') reads.push(new URL(request.url).pathname)
  })
  const listReads = () => reads.filter((p) => p === '/hybrid/api/v1/applications')
  const nav = screen.getByRole('navigation', { name: 'Sections' })
  const link = within(nav).getByRole('link', { name: 'Applications' })

  // A finger's press may start a scroll, and a press with Ctrl opens another tab: no read.
  fireEvent.pointerDown(link, { button: 0, pointerType: 'touch' })
  fireEvent.pointerDown(link, { button: 0, pointerType: 'mouse', ctrlKey: true })
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(listReads()).toEqual([])

  fireEvent.pointerDown(link, { button: 0, pointerType: 'mouse' })
  await waitFor(() => expect(listReads()).toHaveLength(1))
  expect(locationOf(router)).toBe(paths.servers(scope.envId))

  fireEvent.click(link)
  expect(await screen.findByRole('table', { name: 'Applications' })).toBeInTheDocument()
  expect(locationOf(router)).toBe(paths.applications(scope.envId))
  expect(listReads()).toHaveLength(1)
})

test('pressing Server groups or Clusters starts that list’s read too, and their pages use it', async () => {
  const { scope } = await signInAs('Operator')
  renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  const reads: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') reads.push(new URL(request.url).pathname)
  })
  const nav = screen.getByRole('navigation', { name: 'Sections' })
  for (const [name, path, table] of [
    ['Server groups', '/hybrid/api/v1/serverGroups', 'Server groups'],
    ['Clusters', '/hybrid/api/v1/clusters', 'Clusters'],
  ] as const) {
    const link = within(nav).getByRole('link', { name })
    fireEvent.pointerDown(link, { button: 0, pointerType: 'mouse' })
    await waitFor(() => expect(reads.filter((p) => p === path)).toHaveLength(1))
    fireEvent.click(link)
    expect(await screen.findByRole('table', { name: table })).toBeInTheDocument()
    expect(reads.filter((p) => p === path)).toHaveLength(1)
  }
})
