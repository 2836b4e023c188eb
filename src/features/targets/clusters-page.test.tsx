import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

function loneServers(envId: string) {
  const db = demo.backend.db
  return db.servers
    .all()
    .filter((s) => s.envId === envId && s.status === 'RUNNING' && !db.membershipOf(s.id))
    .sort((a, b) => a.name.localeCompare(b.name))
}

test('create unicast: a missing or invalid IP is refused before sending, then fixed', async () => {
  const { scope } = await signInAs('Administrator')
  const [a, b] = loneServers(scope.envId)
  if (!a || !b) throw new Error('not enough lone servers')
  const { user } = renderApp(paths.clusters(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Create cluster' }))
  const dialog = await screen.findByRole('dialog', { name: 'Create a cluster' })
  await user.type(within(dialog).getByLabelText('Cluster name'), 'orders-cluster')
  expect(within(dialog).getByRole('radio', { name: /^Unicast/ })).toBeChecked()
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(a.name) }))
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(b.name) }))
  await user.type(within(dialog).getByLabelText(`Clustering IP of ${a.name}`), '10.0.0.300')
  await user.click(within(dialog).getByRole('button', { name: 'Create cluster' }))

  expect(within(dialog).getByLabelText(`Clustering IP of ${a.name}`)).toHaveAccessibleDescription(
    "'10.0.0.300' is not an IPv4 or IPv6 address.",
  )
  expect(within(dialog).getByLabelText(`Clustering IP of ${b.name}`)).toHaveAccessibleDescription(
    'Unicast clusters need this server’s IP address (IPv4 or IPv6).',
  )
  expect(demo.backend.db.clusters.all().some((c) => c.name === 'orders-cluster')).toBe(false)

  await user.clear(within(dialog).getByLabelText(`Clustering IP of ${a.name}`))
  await user.type(within(dialog).getByLabelText(`Clustering IP of ${a.name}`), '10.0.0.30')
  await user.type(within(dialog).getByLabelText(`Clustering IP of ${b.name}`), 'fd00::31')
  await user.click(within(dialog).getByRole('button', { name: 'Create cluster' }))

  expect(await screen.findByRole('heading', { name: /orders-cluster/ })).toBeInTheDocument()
  expect(screen.getByText('Unicast cluster · 2 of 8 servers')).toBeInTheDocument()
  const members = screen.getByRole('table', { name: 'Servers of orders-cluster' })
  const rowA = within(members).getByRole('row', { name: new RegExp(a.name) })
  expect(rowA).toHaveTextContent('10.0.0.30')
  expect(rowA).toHaveTextContent('Primary')
  expect(within(members).getByRole('row', { name: new RegExp(b.name) })).toHaveTextContent(
    'fd00::31',
  )
}, 30_000)

test('multicast needs no IP; a ninth server cannot be chosen, with the reason', async () => {
  const { scope } = await signInAs('Administrator')
  const lone = loneServers(scope.envId).slice(0, 9)
  if (lone.length < 9) throw new Error('not enough lone servers')
  const { user } = renderApp(paths.clusters(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Create cluster' }))
  const dialog = await screen.findByRole('dialog', { name: 'Create a cluster' })
  await user.click(within(dialog).getByRole('radio', { name: /^Multicast/ }))
  for (const s of lone.slice(0, 8))
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(s.name) }))
  const ninth = within(dialog).getByRole('checkbox', { name: new RegExp(lone[8]?.name ?? '') })
  expect(ninth).toBeDisabled()
  expect(ninth).toHaveAccessibleDescription(/A cluster holds at most 8 servers/)
  expect(within(dialog).getByText('8 chosen of at most 8')).toBeInTheDocument()
  await user.type(within(dialog).getByLabelText('Cluster name'), 'big-multi')
  await user.click(within(dialog).getByRole('button', { name: 'Create cluster' }))
  expect(await screen.findByText('Multicast cluster · 8 of 8 servers')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Add server…' })).toHaveAccessibleDescription(
    'The cluster has 8 servers, the most a cluster can hold.',
  )
}, 30_000)

test('the cluster page shows who sees whom: a disconnected node is split off', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const cluster = db.clusters.all().find((c) => c.envId === scope.envId && c.members.length > 2)
  const down = cluster?.members[1]?.serverId
  if (!cluster || down === undefined) throw new Error('no cluster')
  db.servers.update(down, (row) => ({ ...row, status: 'DISCONNECTED' }))
  db.changed()
  renderApp(paths.cluster(scope.envId, cluster.id))
  const matrix = await screen.findByRole('table', { name: 'Which nodes see each other' })
  expect(
    screen.getByText(
      'Some nodes do not see each other: they cannot share state until they reconnect.',
    ),
  ).toBeInTheDocument()
  const name = db.servers.get(down)?.name ?? ''
  const row = within(matrix).getByRole('rowheader', { name }).closest('tr')
  if (!row) throw new Error('no matrix row')
  expect(within(row).getAllByText('Does not see')).toHaveLength(cluster.members.length - 1)
  await waitFor(() =>
    expect(screen.getByRole('table', { name: `Servers of ${cluster.name}` })).toHaveTextContent(
      `0 of ${cluster.members.length - 1} others`,
    ),
  )
})

test('bulk add to a cluster: stops at 8, needs each IP, sends one by one with a result each', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const cluster = db.clusters
    .all()
    .find((c) => c.envId === scope.envId && !c.multicastEnabled && c.members.length <= 6)
  if (!cluster) throw new Error('no unicast cluster with room')
  const room = 8 - cluster.members.length
  const lone = loneServers(scope.envId)
  if (lone.length < room + 1) throw new Error('not enough lone servers')
  const { user } = renderApp(paths.cluster(scope.envId, cluster.id))
  await user.click(await screen.findByRole('button', { name: 'Add server…' }))
  const dialog = await screen.findByRole('dialog', { name: `Add servers to ${cluster.name}` })
  // The picker lists the servers once they are loaded.
  await within(dialog).findByRole('searchbox')
  for (const s of lone.slice(0, room))
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(s.name) }))
  // One more would make nine: refused in the picker, with the reason.
  const extra = within(dialog).getByRole('checkbox', { name: new RegExp(lone[room]?.name ?? '') })
  expect(extra).toBeDisabled()
  expect(extra).toHaveAccessibleDescription(
    `The cluster has ${cluster.members.length} of 8 servers, so ${room} more at most: unselect one to choose this one.`,
  )
  // Keep two, so one can fail.
  for (const s of lone.slice(2, room))
    await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(s.name) }))
  const [a, b] = lone
  if (!a || !b) throw new Error('no servers')
  await user.type(within(dialog).getByLabelText(`Clustering IP of ${a.name}`), '10.9.0.1')
  await user.click(within(dialog).getByRole('button', { name: 'Add 2 servers to cluster' }))
  expect(within(dialog).getByLabelText(`Clustering IP of ${b.name}`)).toHaveAccessibleDescription(
    'Unicast clusters need this server’s IP address (IPv4 or IPv6).',
  )
  expect(db.clusters.get(cluster.id)?.members).toHaveLength(cluster.members.length)

  await user.type(within(dialog).getByLabelText(`Clustering IP of ${b.name}`), '10.9.0.2')
  const curl = within(dialog).getByLabelText('Requests as curl commands')
  expect(curl).toHaveTextContent(`{"serverId":${a.id},"serverIp":"10.9.0.1"}`)
  expect(curl).toHaveTextContent(`{"serverId":${b.id},"serverIp":"10.9.0.2"}`)
  // Meanwhile b joins another group elsewhere: the backend refuses that one only.
  const group = db.groups.all().find((g) => g.envId === scope.envId)
  if (!group) throw new Error('no group')
  db.groups.update(group.id, (g) => ({ ...g, serverIds: [...g.serverIds, b.id] }))
  db.changed()
  await user.click(within(dialog).getByRole('button', { name: 'Add 2 servers to cluster' }))
  const results = await screen.findByRole('dialog', {
    name: `Add servers to ${cluster.name}: results`,
  })
  expect(within(results).getByRole('status')).toHaveTextContent('Add: 1 of 2 succeeded, 1 failed.')
  const lines = within(results).getAllByRole('listitem')
  expect(lines[0]).toHaveTextContent(new RegExp(`Failed${b.name}.*group`))
  expect(lines[1]).toHaveTextContent(`Succeeded${a.name}`)
  await user.click(within(results).getByRole('button', { name: 'Close' }))
  const members = screen.getByRole('table', { name: `Servers of ${cluster.name}` })
  expect(within(members).getByRole('row', { name: new RegExp(a.name) })).toHaveTextContent(
    '10.9.0.1',
  )
  expect(within(members).queryByRole('link', { name: b.name })).toBeNull()
}, 30_000)

test("removing a cluster's primary node names it, isolated, in the confirmation's sentence", async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const cluster = db.clusters
    .all()
    .find((c) => c.envId === scope.envId && c.primaryNodeId !== null && c.members.length > 1)
  if (!cluster) throw new Error('no cluster with a primary node and another member')
  const primary = db.servers.get(cluster.primaryNodeId!)!
  const { user } = renderApp(paths.cluster(scope.envId, cluster.id))
  const members = await screen.findByRole('table', { name: `Servers of ${cluster.name}` })
  await user.click(within(members).getByRole('checkbox', { name: `Select ${primary.name}` }))
  await user.click(screen.getByRole('button', { name: 'Remove 1 selected…' }))
  const dialog = await screen.findByRole('dialog', {
    name: `Remove 1 server from ${cluster.name}?`,
  })
  const sentence = within(dialog).getByText(/no longer reach it\./)
  expect(sentence).toHaveTextContent(
    `no longer reach it. ${primary.name} is the primary node: another running member takes that role.`,
  )
  expect([...sentence.querySelectorAll('bdi')].map((b) => b.textContent)).toContain(primary.name)
})
