import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'
import { textContent } from '../../test/text-content.ts'

const demo = setupTestBackend()

test('an unknown group goes to the route’s not-found view: the shell stays, with the kind’s words and the answer', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const { scope } = await signInAs('Administrator')
  renderApp(paths.serverGroup(scope.envId, 424242))
  expect(await screen.findByRole('heading', { name: 'Server group not found' })).toBeInTheDocument()
  expect(screen.getAllByRole('navigation', { name: 'Sections' }).length).toBeGreaterThan(0)
  expect(
    screen.getByText(
      textContent('There is no server group 424242 in Production. It may have been deleted.'),
    ),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent(/The backend answered.*404/)
  expect(screen.getByRole('link', { name: 'Back to server groups' })).toHaveAttribute(
    'href',
    paths.serverGroups(scope.envId),
  )
})

test('a cluster id that is not a number is not found without asking the backend', async () => {
  const { scope } = await signInAs('Administrator')
  const asked: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    asked.push(new URL(request.url).pathname)
  })
  renderApp(`${paths.clusters(scope.envId)}/not-a-number`)
  expect(await screen.findByRole('heading', { name: 'Cluster not found' })).toBeInTheDocument()
  expect(
    screen.getByText(
      textContent('There is no cluster not-a-number in Production. It may have been deleted.'),
    ),
  ).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Back to clusters' })).toHaveAttribute(
    'href',
    paths.clusters(scope.envId),
  )
  // Nothing was asked, so there is no answer to show.
  expect(screen.queryByRole('alert')).toBeNull()
  expect(asked.filter((p) => p.includes('/clusters/'))).toEqual([])
})

test('a cluster’s first read that fails is shown by the route with the API’s message, and Retry loads it', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const { scope } = await signInAs('Administrator')
  const cluster = demo.backend.db.clusters.all().find((c) => c.envId === scope.envId)
  if (!cluster) throw new Error('the seed has no cluster')
  demo.server.use(
    http.get(
      '*/hybrid/api/v1/clusters/:id',
      () => HttpResponse.json({ message: 'Upstream is restarting' }, { status: 503 }),
      { once: true },
    ),
  )
  const { user } = renderApp(paths.cluster(scope.envId, cluster.id))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Could not load this cluster')
  expect(alert).toHaveTextContent('Upstream is restarting')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await screen.findByRole('heading', { name: new RegExp(cluster.name) })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: 'Overview' })).toBeInTheDocument()
  expect(screen.queryByText('Could not load this cluster')).toBeNull()
})

test('create: a failed submit focuses the name, then the server picker, marked invalid with its reason', async () => {
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.clusters(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Create cluster' }))
  const dialog = await screen.findByRole('dialog', { name: 'Create a cluster' })
  const filter = await within(dialog).findByRole('searchbox', { name: 'Filter: Servers' })
  await user.click(within(dialog).getByRole('button', { name: 'Create cluster' }))
  expect(within(dialog).getByLabelText('Cluster name')).toHaveFocus()

  await user.type(within(dialog).getByLabelText('Cluster name'), 'focus-cluster')
  await user.click(within(dialog).getByRole('button', { name: 'Create cluster' }))
  const picker = within(dialog).getByRole('group', { name: 'Servers' })
  expect(picker).toHaveAttribute('aria-invalid', 'true')
  expect(picker).toHaveAccessibleDescription('Choose at least one server for the cluster.')
  // The picker cannot take focus itself: its first control, the filter, does.
  expect(filter).toHaveFocus()
  expect(within(dialog).getByLabelText('Cluster name')).toHaveValue('focus-cluster')
}, 30_000)
