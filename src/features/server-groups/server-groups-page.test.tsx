import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

function seededGroupWithApps(envId: string) {
  const db = demo.backend.db
  const group = db.groups
    .all()
    .find((g) => g.envId === envId && db.applications.all().some((a) => a.targetId === g.id))
  if (!group) throw new Error('no seeded group with applications')
  return {
    group,
    apps: db.applications.all().filter((a) => a.targetId === group.id),
    lone: db.servers
      .all()
      .find((s) => s.envId === envId && s.status === 'RUNNING' && !db.membershipOf(s.id)),
  }
}

test('lists groups with their roll-up; the status facet comes from the URL', async () => {
  const { scope } = await signInAs('Administrator')
  renderApp(paths.serverGroups(scope.envId, 'status=RUNNING'))
  const table = await screen.findByRole('table', { name: 'Server groups' })
  expect(screen.getByRole('button', { name: /All running/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const badges = within(table).getAllByText(/^\d+ of \d+ running$/)
  expect(badges.length).toBeGreaterThan(0)
  for (const badge of badges) {
    const [running, total] = (badge.textContent ?? '').match(/\d+/g) ?? []
    expect(running).toBe(total)
  }
})

test('create: errors for an empty form; grouped servers shown but not selectable, with the reason', async () => {
  const { scope } = await signInAs('Administrator')
  const { user, router } = renderApp(paths.serverGroups(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Create server group' }))
  const dialog = await screen.findByRole('dialog', { name: 'Create a server group' })
  await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
  expect(within(dialog).getByLabelText('Group name')).toHaveAccessibleDescription('Enter a name.')
  expect(within(dialog).getByText('Choose at least one server for the group.')).toBeInTheDocument()

  const { group, lone } = seededGroupWithApps(scope.envId)
  const member = demo.backend.db.servers.get(group.serverIds[0] ?? -1)
  if (!member || !lone) throw new Error('seed lacks servers')
  const filter = within(dialog).getByRole('searchbox', { name: 'Filter: Servers' })
  await user.type(filter, member.name)
  const grouped = within(dialog).getByRole('checkbox', { name: new RegExp(member.name) })
  expect(grouped).toBeDisabled()
  expect(grouped).toHaveAccessibleDescription(`Already in server group '${group.name}'`)

  await user.clear(filter)
  await user.type(filter, lone.name)
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(lone.name) }))
  await user.type(within(dialog).getByLabelText('Group name'), group.name.toUpperCase())
  await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
  expect(within(dialog).getByLabelText('Group name')).toHaveAccessibleDescription(
    `'${group.name}' is already the name of a server group or cluster in this environment.`,
  )

  await user.clear(within(dialog).getByLabelText('Group name'))
  await user.type(within(dialog).getByLabelText('Group name'), 'checkout-group')
  await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
  expect(await screen.findByRole('heading', { name: /checkout-group/ })).toBeInTheDocument()
  expect(locationOf(router)).toMatch(/\/server-groups\/\d+$/)
  const members = screen.getByRole('table', { name: 'Servers of checkout-group' })
  expect(within(members).getByRole('link', { name: lone.name })).toBeInTheDocument()
}, 30_000)

test('adding a server says which applications it gets, then shows them on it', async () => {
  const { scope } = await signInAs('Administrator')
  const { group, apps, lone } = seededGroupWithApps(scope.envId)
  if (!lone) throw new Error('no lone server')
  const { user } = renderApp(paths.serverGroup(scope.envId, group.id))
  await user.click(await screen.findByRole('button', { name: 'Add server…' }))
  const dialog = await screen.findByRole('dialog', { name: `Add a server to ${group.name}` })
  await user.type(within(dialog).getByRole('searchbox'), lone.name)
  await user.click(within(dialog).getByRole('radio', { name: new RegExp(lone.name) }))
  expect(
    await within(dialog).findByText(
      new RegExp(`The group’s ${apps.length} applications? will be deployed to ${lone.name}`),
    ),
  ).toBeInTheDocument()
  expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
    `/serverGroups/${group.id}/servers/${lone.id}`,
  )
  await user.click(within(dialog).getByRole('button', { name: 'Add to group' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  const members = screen.getByRole('table', { name: `Servers of ${group.name}` })
  expect(within(members).getByRole('link', { name: lone.name })).toBeInTheDocument()
  const matrix = await screen.findByRole('table', { name: `Applications on ${group.name}` })
  await waitFor(() =>
    expect(within(matrix).getByRole('columnheader', { name: lone.name })).toBeInTheDocument(),
  )
  expect(within(matrix).getAllByText('Deploying').length).toBeGreaterThanOrEqual(apps.length)
})

test('Monitor sees add, remove and delete disabled with the missing scope', async () => {
  const { scope } = await signInAs('Monitor')
  const { group } = seededGroupWithApps(scope.envId)
  const { user } = renderApp(paths.serverGroup(scope.envId, group.id))
  for (const name of ['Add server…', 'Delete group…']) {
    const button = await screen.findByRole('button', { name })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAccessibleDescription(/Requires the 'Manage Servers' scope/)
  }
  const remove = screen.getAllByRole('button', { name: /^Remove .* from the group$/ })
  expect(remove.length).toBe(group.serverIds.length)
  for (const button of remove) expect(button).toHaveAttribute('aria-disabled', 'true')
  await user.click(screen.getByRole('button', { name: 'Delete group…' }))
  expect(screen.queryByRole('dialog')).toBeNull()
})
