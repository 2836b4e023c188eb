import { textContent } from '../../test/text-content.ts'
import { isolateText } from '../../lib/isolate-text.ts'
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
    `'${isolateText(group.name)}' is already the name of a server group or cluster in this environment.`,
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
  const dialog = await screen.findByRole('dialog', { name: `Add servers to ${group.name}` })
  await user.type(await within(dialog).findByRole('searchbox'), lone.name)
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(lone.name) }))
  // The names are isolated as API text (their own elements): match the whole sentence.
  expect(await within(dialog).findByText(/will be deployed to/)).toHaveTextContent(
    new RegExp(`The group’s ${apps.length} applications? will be deployed to ${lone.name}`),
  )
  expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
    `/serverGroups/${group.id}/servers/${lone.id}`,
  )
  await user.click(within(dialog).getByRole('button', { name: 'Add 1 server to group' }))
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

test('bulk: add two servers at once, one toast and no results when both join; then remove them together', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const { group, apps } = seededGroupWithApps(scope.envId)
  const [a, b] = db.servers
    .all()
    .filter((s) => s.envId === scope.envId && s.status === 'RUNNING' && !db.membershipOf(s.id))
  if (!a || !b) throw new Error('not enough lone servers')
  const { user } = renderApp(paths.serverGroup(scope.envId, group.id))
  await user.click(await screen.findByRole('button', { name: 'Add server…' }))
  const dialog = await screen.findByRole('dialog', { name: `Add servers to ${group.name}` })
  const filter = await within(dialog).findByRole('searchbox')
  for (const s of [a, b]) {
    await user.clear(filter)
    await user.type(filter, s.name)
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(s.name) }))
  }
  expect(await within(dialog).findByText(/will be deployed to/)).toHaveTextContent(
    new RegExp(
      `The group’s ${apps.length} applications? will be deployed to each of ${a.name}, ${b.name}`,
    ),
  )
  const curl = within(dialog).getByLabelText('Requests as curl commands')
  expect(curl).toHaveTextContent(`/serverGroups/${group.id}/servers/${a.id}`)
  expect(curl).toHaveTextContent(`/serverGroups/${group.id}/servers/${b.id}`)
  await user.click(within(dialog).getByRole('button', { name: 'Add 2 servers to group' }))

  expect(
    await screen.findByText(textContent(`Added 2 servers to ${group.name}`)),
  ).toBeInTheDocument()
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(db.groups.get(group.id)?.serverIds).toEqual(expect.arrayContaining([a.id, b.id]))
  // The page was refreshed before the toast showed: no wait needed.
  const members = screen.getByRole('table', { name: `Servers of ${group.name}` })
  expect(within(members).getByRole('link', { name: a.name })).toBeInTheDocument()
  expect(within(members).getByRole('link', { name: b.name })).toBeInTheDocument()

  // Every member selected: refused, the group needs one server.
  await user.click(within(members).getByRole('checkbox', { name: 'Select every server' }))
  const removeAll = screen.getByRole('button', { name: /^Remove \d+ selected…$/ })
  expect(removeAll).toHaveAttribute('aria-disabled', 'true')
  expect(removeAll).toHaveAccessibleDescription(
    'A server group needs at least one server: leave one unselected, or delete the group instead.',
  )
  await user.click(within(members).getByRole('checkbox', { name: 'Select every server' }))
  await user.click(within(members).getByRole('checkbox', { name: `Select ${a.name}` }))
  await user.click(within(members).getByRole('checkbox', { name: `Select ${b.name}` }))
  await user.click(screen.getByRole('button', { name: 'Remove 2 selected…' }))
  const confirm = await screen.findByRole('dialog', {
    name: `Remove 2 servers from ${group.name}?`,
  })
  const deletes = within(confirm).getByLabelText('Requests as curl commands')
  expect(deletes).toHaveTextContent(`-X DELETE`)
  expect(deletes).toHaveTextContent(`/serverGroups/${group.id}/servers/${a.id}`)
  expect(deletes).toHaveTextContent(`/serverGroups/${group.id}/servers/${b.id}`)
  // Each server says what it keeps.
  const kept = await within(confirm).findByRole('list', { name: 'What each server keeps' })
  const lines = within(kept).getAllByRole('listitem')
  expect(lines).toHaveLength(2)
  for (const [line, s] of [
    [lines[0], a],
    [lines[1], b],
  ] as const)
    expect(line).toHaveTextContent(
      new RegExp(`^${s.name} keeps ${apps.length} applications? as its own`),
    )
  await user.click(within(confirm).getByRole('button', { name: 'Remove 2 from group' }))
  expect(
    await screen.findByText(textContent(`Removed 2 servers from ${group.name}`)),
  ).toBeInTheDocument()
  expect(screen.queryByRole('dialog')).toBeNull()
  expect(db.groups.get(group.id)?.serverIds).not.toContain(a.id)
  expect(within(members).queryByRole('link', { name: a.name })).toBeNull()
  expect(within(members).queryByRole('link', { name: b.name })).toBeNull()
}, 30_000)

test('create whose answer is lost: the group is found by name and opened, as if answered', async () => {
  const { scope } = await signInAs('Administrator')
  const { lone } = seededGroupWithApps(scope.envId)
  if (!lone) throw new Error('seed lacks a lone server')
  demo.backend.faults.set({
    rules: [{ matching: 'POST /hybrid/api/v1/serverGroups', effect: 'lose-answer-502', times: 1 }],
  })
  const { user, router } = renderApp(paths.serverGroups(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Create server group' }))
  const dialog = await screen.findByRole('dialog', { name: 'Create a server group' })
  // The server list loads after the dialog opens.
  await user.type(
    await within(dialog).findByRole('searchbox', { name: 'Filter: Servers' }),
    lone.name,
  )
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(lone.name) }))
  await user.type(within(dialog).getByLabelText('Group name'), 'lost-answer-group')
  await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
  expect(await screen.findByRole('heading', { name: /lost-answer-group/ })).toBeInTheDocument()
  const created = demo.backend.db.groups.all().filter((g) => g.name === 'lost-answer-group')
  expect(created).toHaveLength(1)
  expect(locationOf(router)).toBe(paths.serverGroup(scope.envId, created[0]!.id))
}, 30_000)
