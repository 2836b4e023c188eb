import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

function startedApp(envId: string) {
  const app = demo.backend.db.applications
    .all()
    .find((a) => a.envId === envId && a.desiredStatus === 'STARTED')
  if (!app) throw new Error('no started application')
  return app
}

async function openPalette(user: ReturnType<typeof renderApp>['user']) {
  await user.keyboard('{Control>}k{/Control}')
  return screen.findByRole('combobox', { name: 'Search or run a command' })
}

test('the application page’s actions run from the palette through the page’s own handlers', async () => {
  const { scope } = await signInAs('Operator')
  const app = startedApp(scope.envId)
  const { user } = renderApp(paths.application(scope.envId, app.id))
  await screen.findByRole('heading', { name: new RegExp(app.name) })
  const input = await openPalette(user)
  await user.type(input, `stop ${app.name}`)
  const stop = await screen.findByRole('option', { name: new RegExp(`^Stop ${app.name}…`) })
  expect(stop).not.toHaveAttribute('aria-disabled', 'true')
  // The one that cannot run says why, as the disabled button does.
  await user.clear(input)
  await user.type(input, `start ${app.name}`)
  expect(
    await screen.findByRole('option', { name: new RegExp(`^Start ${app.name}`) }),
  ).toHaveAttribute('aria-disabled', 'true')
  expect(screen.getByRole('option', { name: /already started/ })).toBeInTheDocument()
  await user.clear(input)
  await user.type(input, `stop ${app.name}`)
  await screen.findByRole('option', { name: new RegExp(`^Stop ${app.name}`) })
  await user.keyboard('{Enter}')
  // The Stop button's own confirmation, then the change.
  const confirm = await screen.findByRole('dialog', { name: `Stop ${app.name}?` })
  expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STARTED')
  await user.click(within(confirm).getByRole('button', { name: 'Stop' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  await waitFor(() =>
    expect(demo.backend.db.applications.get(app.id)?.desiredStatus).toBe('STOPPED'),
  )
})

test('a monitor sees the page’s commands disabled with the missing scope', async () => {
  const { scope } = await signInAs('Monitor')
  const app = startedApp(scope.envId)
  const { user } = renderApp(paths.application(scope.envId, app.id))
  await screen.findByRole('heading', { name: new RegExp(app.name) })
  await openPalette(user)
  const page = await screen.findByRole('group', { name: 'On this page' })
  const options = within(page).getAllByRole('option')
  expect(options.length).toBeGreaterThan(0)
  for (const option of options) expect(option).toHaveAttribute('aria-disabled', 'true')
  expect(within(page).getByRole('option', { name: /^Delete .*Requires the/ })).toBeInTheDocument()
})

test('an application is found by name from the loaded list and opened', async () => {
  const { scope } = await signInAs('Operator')
  const app = startedApp(scope.envId)
  const { user, router } = renderApp(paths.applications(scope.envId))
  await screen.findByRole('table', { name: 'Applications' })
  const input = await openPalette(user)
  await user.type(input, app.name)
  const group = await screen.findByRole('group', { name: /^Applications/ })
  expect(within(group).getAllByRole('option')[0]).toHaveAccessibleName(new RegExp(`^${app.name}`))
  await user.keyboard('{Enter}')
  await waitFor(() => expect(locationOf(router)).toBe(paths.application(scope.envId, app.id)))
})

test('a list not loaded yet is read once the operator types, with a loading line', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.activity(scope.envId))
  await screen.findByRole('heading', { name: 'Activity' })
  const input = await openPalette(user)
  // Nothing typed: no list is read.
  expect(screen.queryByRole('group', { name: /^Servers/ })).not.toBeInTheDocument()
  const server = demo.backend.db.servers.all().find((s) => s.envId === scope.envId)
  if (!server) throw new Error('no server')
  demo.backend.faults.set({ latencyMs: 1000 })
  await user.type(input, server.name.slice(0, 1))
  expect(await screen.findByText('Looking through servers…')).toBeInTheDocument()
  await user.type(input, server.name.slice(1))
  const group = await screen.findByRole('group', { name: /^Servers/ })
  expect(within(group).getAllByRole('option')[0]).toHaveAccessibleName(
    new RegExp(`^${server.name}`),
  )
})

test('g then a letter goes to an area, / focuses the filter, and g typed in the filter stays there', async () => {
  const { scope } = await signInAs('Operator')
  const { user, router } = renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  await user.keyboard('/')
  const filter = screen.getByRole('searchbox', { name: 'Filter servers' })
  expect(filter).toHaveFocus()
  expect(filter).toHaveAttribute('aria-keyshortcuts', '/')
  await user.keyboard('ga')
  expect(filter).toHaveValue('ga')
  expect(locationOf(router)).toMatch(/\/servers/)
  filter.blur()
  await user.keyboard('ga')
  await waitFor(() => expect(locationOf(router)).toBe(paths.applications(scope.envId)))
})

test('? shows every shortcut and Escape puts focus back', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  const button = screen.getByRole('button', { name: 'Search or run a command' })
  expect(button).toHaveAttribute('aria-keyshortcuts', 'Meta+K Control+K')
  await user.keyboard('?')
  const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
  expect(within(sheet).getByText('Go to Applications')).toBeInTheDocument()
  // No shortcut acts behind a dialog.
  await user.keyboard('?')
  expect(screen.getAllByRole('dialog')).toHaveLength(1)
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
})

test('the palette returns focus to the button that opened it', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  const button = screen.getByRole('button', { name: 'Search or run a command' })
  await user.click(button)
  await screen.findByRole('combobox', { name: 'Search or run a command' })
  await user.keyboard('{Escape}')
  await waitFor(() => expect(button).toHaveFocus())
})
