import { QueryClient } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import type { ComponentType } from 'react'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test, vi } from 'vitest'
import { accountQueries } from '../api/runtime-manager/account.ts'
import { serverQueries } from '../api/runtime-manager/servers.ts'
import { paths } from '../lib/paths.ts'
import { expectConsoleError } from '../test/console-errors.ts'
import { setupTestBackend, signInAs } from '../test/demo-server.ts'
import { renderApp } from '../test/render-app.tsx'
import { textContent } from '../test/text-content.ts'
import { detailRoute } from './detail-route.tsx'

const demo = setupTestBackend()

/** Every GET the backend receives, by path. */
function watchGets() {
  const seen: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') seen.push(new URL(request.url).pathname)
  })
  return seen
}

test('an unknown server goes to the route error element: the shell stays, with the page’s words and the API’s answer', async () => {
  expectConsoleError(/Server 424242 was not found/)
  const { scope } = await signInAs('Administrator')
  renderApp(paths.server(scope.envId, 424242))
  expect(await screen.findByRole('heading', { name: 'Server not found' })).toBeInTheDocument()
  expect(screen.getAllByRole('navigation', { name: 'Sections' }).length).toBeGreaterThan(0)
  expect(
    screen.getByText(
      textContent('There is no server 424242 in Production. It may have been unregistered.'),
    ),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent(/The backend answered.*404/)
  expect(screen.getByRole('link', { name: 'Back to servers' })).toHaveAttribute(
    'href',
    paths.servers(scope.envId),
  )
})

test('an application id that is not a number is not found without asking the backend', async () => {
  const { scope } = await signInAs('Administrator')
  const seen = watchGets()
  renderApp(`${paths.applications(scope.envId)}/not-a-number`)
  expect(await screen.findByRole('heading', { name: 'Application not found' })).toBeInTheDocument()
  expect(
    screen.getByText(
      textContent('There is no application not-a-number in Production. It may have been deleted.'),
    ),
  ).toBeInTheDocument()
  expect(seen.filter((p) => p.includes('/applications/'))).toEqual([])
})

test('a first read that fails is shown by the route with the API’s message, and Retry loads the page', async () => {
  expectConsoleError(/Upstream is restarting/)
  const { scope } = await signInAs('Administrator')
  const server = demo.backend.db.servers.all()[0]
  if (!server) throw new Error('the seed has no server')
  demo.server.use(
    http.get(
      '*/hybrid/api/v1/servers/:id',
      () => HttpResponse.json({ message: 'Upstream is restarting' }, { status: 503 }),
      { once: true },
    ),
  )
  const { user } = renderApp(paths.server(scope.envId, server.id))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Could not load this server')
  expect(alert).toHaveTextContent('Upstream is restarting')
  expect(screen.getAllByRole('navigation', { name: 'Sections' }).length).toBeGreaterThan(0)
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await screen.findByRole('heading', { name: new RegExp(server.name) })).toBeInTheDocument()
  expect(screen.queryByText('Could not load this server')).toBeNull()
})

test('the loader starts the page’s read while the page’s code is still loading', async () => {
  const { scope } = await signInAs('Administrator')
  const queryClient = new QueryClient()
  // The account is known, as after the shell's first load.
  await queryClient.fetchQuery(accountQueries.me())
  await queryClient.fetchQuery(accountQueries.environments(scope.orgId))
  const server = demo.backend.db.servers.all()[0]
  if (!server) throw new Error('the seed has no server')
  let release: (page: ComponentType) => void = () => undefined
  const code = new Promise<ComponentType>((resolve) => (release = resolve))
  const router = createMemoryRouter(
    [
      {
        path: 'env/:envId',
        children: [
          detailRoute(queryClient, {
            path: 'servers/:serverId',
            area: 'servers',
            lazy: () => code,
            load: ({ scope: at }) =>
              at && queryClient.prefetchQuery(serverQueries.detail(at, server.id)),
            errors: {
              notLoaded: 'shell.routes.server.notLoaded',
              notFound: () => ({ title: '', sentence: '', back: { to: '/', label: '' } }),
            },
          }),
        ],
      },
    ],
    { initialEntries: [paths.server(scope.envId, server.id)] },
  )
  render(<RouterProvider router={router} />)
  const key = serverQueries.detail(scope, server.id).queryKey
  // The page's module has not arrived, and its data is already read.
  await vi.waitFor(() => expect(queryClient.getQueryData(key)?.id).toBe(server.id))
  release(() => <h1>Server page</h1>)
  expect(await screen.findByRole('heading', { name: 'Server page' })).toBeInTheDocument()
})
