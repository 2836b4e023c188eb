import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import type { DemoRole } from '../scopes.ts'
import { ApplicationListSchema } from '../../api/runtime-manager/application-schemas.ts'
import { ServerEnvelopeSchema } from '../../api/runtime-manager/server-schemas.ts'
import {
  ClusterEnvelopeSchema,
  ServerGroupEnvelopeSchema,
} from '../../api/runtime-manager/target-schemas.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { getAccessToken } from '../../lib/session-store.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { DEPLOY_MS } from '../applications.ts'
import type { ServerRow } from '../model.ts'

const demo = setupTestBackend()
const BASE = '/hybrid/api/v1'
const MessageSchema = z.object({ message: z.string() })

let scope: EnvScope

async function as(role: DemoRole): Promise<EnvScope> {
  scope = (await signInAs(role)).scope
  return scope
}

/** A raw call to the demo backend with the session's token, the scope headers and a JSON body. */
function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({
    'X-ANYPNT-ORG-ID': scope.orgId,
    'X-ANYPNT-ENV-ID': scope.envId,
  })
  const token = getAccessToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (body !== undefined) headers.set('Content-Type', 'application/json')
  return fetch(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function messageOf(response: Response): Promise<string> {
  return z.parse(MessageSchema, await response.json()).message
}

/** The status and message of an error answer, to compare with `refusal(...)`. */
async function failure(response: Response) {
  return { status: response.status, message: await messageOf(response) }
}

/** An error answer with this status whose message contains `text`. */
function refusal(status: number, text: string) {
  return { status, message: expect.stringContaining(text) }
}

/** Individual servers of the test environment (in no group or cluster). */
function loneServers(filter: (s: ServerRow) => boolean = () => true): ServerRow[] {
  const db = demo.backend.db
  return db.servers
    .all()
    .filter((s) => s.envId === scope.envId && !db.membershipOf(s.id) && filter(s))
}

const running = (s: ServerRow) => s.status === 'RUNNING'

/** A running lone server whose agent stops reporting (until `connectAt`, if given). */
function disconnectedLoneServer(connectAt?: number): ServerRow {
  const db = demo.backend.db
  const [lone] = loneServers(running)
  if (!lone) throw new Error('no lone server')
  const server = db.servers.update(lone.id, (row) => ({
    ...row,
    status: 'DISCONNECTED',
    ...(connectAt === undefined ? {} : { connectAt }),
  }))
  db.changed()
  if (!server) throw new Error('no server')
  return server
}

/** The applications deployed to a group or cluster. */
function appsOf(targetId: number) {
  return demo.backend.db.applications.all().filter((a) => a.targetId === targetId)
}

/** A seeded group of the environment that has applications deployed to it. */
function groupWithApplications() {
  const group = demo.backend.db.groups
    .all()
    .find((g) => g.envId === scope.envId && g.serverIds.length > 1 && appsOf(g.id).length > 0)
  if (!group) throw new Error('no group with applications in the seed')
  return { group, apps: appsOf(group.id) }
}

/** A seeded cluster of the environment with applications and a member count that `size` accepts. */
function clusterWithApplications(size: (members: number) => boolean) {
  return demo.backend.db.clusters
    .all()
    .find((c) => c.envId === scope.envId && size(c.members.length) && appsOf(c.id).length > 0)
}

async function getServer(id: number) {
  return z.parse(ServerEnvelopeSchema, await (await call('GET', `/servers/${id}`)).json()).data
}

async function appsOn(targetId: number) {
  return z.parse(
    ApplicationListSchema,
    await (await call('GET', `/applications?targetId=${targetId}`)).json(),
  ).data.items
}

// ---- Server groups -------------------------------------------------------------------

test('a Monitor cannot create, change or delete groups: 403 naming Manage Servers', async () => {
  await as('Monitor')
  const [a] = loneServers()
  const { group } = groupWithApplications()
  for (const response of [
    await call('POST', '/serverGroups', { name: 'g1', serverIds: [a?.id] }),
    await call('DELETE', `/serverGroups/${group.id}`),
    await call('POST', `/serverGroups/${group.id}/servers/${a?.id}`),
    await call('DELETE', `/serverGroups/${group.id}/servers/${group.serverIds[0]}`),
  ]) {
    expect(await failure(response)).toEqual(refusal(403, "'Manage Servers'"))
  }
  expect(demo.backend.db.groups.get(group.id)).toBeDefined()
})

test('POST /serverGroups creates a group (201) and its servers show the membership', async () => {
  await as('Administrator')
  const [a, b] = loneServers()
  if (!a || !b) throw new Error('not enough lone servers')
  const response = await call('POST', '/serverGroups', {
    name: 'payments-group',
    serverIds: [a.id, b.id],
  })
  expect(response.status).toBe(201)
  const group = z.parse(ServerGroupEnvelopeSchema, await response.json()).data
  expect(group).toMatchObject({ name: 'payments-group', type: 'SERVER_GROUP' })
  expect(group.servers.map((s) => s.id)).toEqual([a.id, b.id])
  expect(await getServer(a.id)).toMatchObject({
    serverGroupId: group.id,
    serverGroupName: 'payments-group',
  })
  const fetched = await call('GET', `/serverGroups/${group.id}`)
  expect(z.parse(ServerGroupEnvelopeSchema, await fetched.json()).data.id).toBe(group.id)
})

test('a group or cluster name in use in the environment is 409, whatever its case', async () => {
  await as('Administrator')
  const db = demo.backend.db
  const existingGroup = db.groups.all().find((g) => g.envId === scope.envId)
  const existingCluster = db.clusters.all().find((c) => c.envId === scope.envId)
  const [a] = loneServers(running)
  if (!existingGroup || !existingCluster || !a) throw new Error('seed lacks a group or cluster')
  expect(
    await failure(
      await call('POST', '/serverGroups', {
        name: existingGroup.name.toUpperCase(),
        serverIds: [a.id],
      }),
    ),
  ).toEqual(refusal(409, `A server group named '${existingGroup.name}' already exists`))
  expect(
    await failure(
      await call('POST', '/clusters', {
        name: existingCluster.name,
        multicastEnabled: true,
        servers: [{ serverId: a.id }],
      }),
    ),
  ).toEqual(refusal(409, `A cluster named '${existingCluster.name}' already exists`))
  expect(
    await failure(
      await call('POST', '/serverGroups', { name: existingCluster.name, serverIds: [a.id] }),
    ),
  ).toEqual(refusal(409, 'cluster named'))
})

test('creating a group refuses grouped servers, groups, unknown ids, duplicates and bad bodies', async () => {
  await as('Administrator')
  const { group } = groupWithApplications()
  const cluster = demo.backend.db.clusters.all().find((c) => c.envId === scope.envId)
  const [a] = loneServers()
  if (!cluster || !a) throw new Error('seed lacks a cluster')
  const grouped = group.serverIds[0]
  expect(
    await failure(
      await call('POST', '/serverGroups', { name: 'g-new', serverIds: [a.id, grouped] }),
    ),
  ).toEqual(refusal(400, `already belongs to server group '${group.name}'`))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: [group.id] })),
  ).toEqual(refusal(400, 'made from individual servers only'))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: [cluster.id] })),
  ).toEqual(refusal(400, `the cluster '${cluster.name}'`))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: [999_999] })),
  ).toEqual(refusal(404, 'Server 999999 was not found.'))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: [a.id, a.id] })),
  ).toEqual(refusal(400, 'listed more than once'))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: [] })),
  ).toEqual(refusal(400, 'at least one server'))
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-new', serverIds: ['x'] })),
  ).toEqual(refusal(400, "'serverIds.0' must be a list of server ids"))
  expect(
    await failure(await call('POST', '/serverGroups', { name: ' has space', serverIds: [a.id] })),
  ).toEqual(refusal(400, 'cannot be used'))
  expect(await failure(await call('POST', '/serverGroups', 'not json'))).toEqual(
    refusal(400, 'must be JSON'),
  )
  expect(demo.backend.db.membershipOf(a.id)).toBeUndefined()
})

test('a server from another environment is not found', async () => {
  await as('Administrator')
  const db = demo.backend.db
  const other = db.servers.all().find((s) => s.envId !== scope.envId)
  if (!other) throw new Error('no server in another environment')
  expect(
    await failure(await call('POST', '/serverGroups', { name: 'g-x', serverIds: [other.id] })),
  ).toEqual(refusal(404, `Server ${other.id} was not found.`))
})

test('adding a server deploys the group’s applications to it (running: deploying, then started)', async () => {
  await as('Administrator')
  const { group, apps } = groupWithApplications()
  const [server] = loneServers(running)
  if (!server) throw new Error('no lone running server')
  const response = await call('POST', `/serverGroups/${group.id}/servers/${server.id}`)
  expect(response.status).toBe(200)
  const body = z.parse(ServerGroupEnvelopeSchema, await response.json()).data
  expect(body.servers.map((s) => s.id)).toContain(server.id)
  expect(await getServer(server.id)).toMatchObject({ serverGroupId: group.id })

  const onServer = (await appsOn(server.id)).filter((a) => a.target.id === group.id)
  expect(onServer.map((a) => a.id).sort()).toEqual(apps.map((a) => a.id).sort())
  for (const app of onServer) {
    const copy = app.serverArtifacts?.find((c) => c.serverId === server.id)
    expect(copy?.lastReportedStatus).toBe('UNDEPLOYED')
  }
  demo.backend.db.advanceClock(DEPLOY_MS + 100)
  for (const app of (await appsOn(server.id)).filter((a) => a.target.id === group.id)) {
    const copy = app.serverArtifacts?.find((c) => c.serverId === server.id)
    const wanted = apps.find((a) => a.id === app.id)
    const others = wanted?.serverArtifacts ?? []
    // A copy reaches what the application wants, unless the artifact failed everywhere.
    const failedEverywhere = others.every((c) => c.lastReportedStatus.includes('FAILED'))
    const expected = failedEverywhere ? 'DEPLOYMENT_FAILED' : wanted?.desiredStatus
    expect(copy?.lastReportedStatus).toBe(expected)
  }
})

test('a disconnected server added to a group holds STOPPED copies saying it is disconnected', async () => {
  await as('Administrator')
  const { group, apps } = groupWithApplications()
  // Its agent stops reporting.
  const server = disconnectedLoneServer()
  expect((await call('POST', `/serverGroups/${group.id}/servers/${server.id}`)).status).toBe(200)
  const onServer = (await appsOn(server.id)).filter((a) => a.target.id === group.id)
  expect(onServer).toHaveLength(apps.length)
  for (const app of onServer) {
    expect(app.serverArtifacts?.find((c) => c.serverId === server.id)).toMatchObject({
      lastReportedStatus: 'STOPPED',
      message: 'Server is disconnected',
    })
  }
})

test('a disconnected server’s STOPPED copies deploy when it reconnects: STARTED ones start', async () => {
  await as('Administrator')
  const { group, apps } = groupWithApplications()
  const db = demo.backend.db
  // Its agent stops reporting, and will report again in 10 s.
  const server = disconnectedLoneServer(db.now() + 10_000)
  expect((await call('POST', `/serverGroups/${group.id}/servers/${server.id}`)).status).toBe(200)
  const copyOf = async () =>
    new Map(
      (await appsOn(server.id))
        .filter((a) => a.target.id === group.id)
        .map((a) => [a.id, a.serverArtifacts?.find((c) => c.serverId === server.id)]),
    )
  for (const copy of (await copyOf()).values()) expect(copy?.lastReportedStatus).toBe('STOPPED')

  db.advanceClock(10_000)
  expect((await getServer(server.id)).status).toBe('RUNNING')
  const deploying = await copyOf()
  expect(deploying.size).toBe(apps.length)
  for (const copy of deploying.values())
    expect(copy).toMatchObject({ lastReportedStatus: 'UNDEPLOYED', message: null })

  db.advanceClock(DEPLOY_MS + apps.length * 600)
  const settled = await copyOf()
  const started = apps.filter((a) => (a.pendingDesired ?? a.desiredStatus) === 'STARTED')
  expect(started.length).toBeGreaterThan(0)
  for (const app of apps) {
    const failedEverywhere = app.serverArtifacts.every((c) =>
      c.lastReportedStatus.includes('FAILED'),
    )
    const wanted = app.pendingDesired ?? app.desiredStatus
    expect(settled.get(app.id)?.lastReportedStatus).toBe(
      failedEverywhere ? 'DEPLOYMENT_FAILED' : wanted,
    )
  }
})

test('adding to a group: already a member, in another group, unknown ids', async () => {
  await as('Administrator')
  const { group } = groupWithApplications()
  const other = demo.backend.db.groups
    .all()
    .find((g) => g.envId === scope.envId && g.id !== group.id)
  if (!other) throw new Error('need two groups')
  const member = group.serverIds[0]
  expect(await failure(await call('POST', `/serverGroups/${group.id}/servers/${member}`))).toEqual(
    refusal(400, 'is already in this server group'),
  )
  expect(await failure(await call('POST', `/serverGroups/${other.id}/servers/${member}`))).toEqual(
    refusal(400, `already belongs to server group '${group.name}'`),
  )
  expect(
    await failure(await call('POST', `/serverGroups/${other.id}/servers/${group.id}`)),
  ).toEqual(refusal(400, 'individual servers only'))
  expect(await failure(await call('POST', `/serverGroups/999999/servers/${member}`))).toEqual(
    refusal(404, 'Server group 999999 was not found.'),
  )
  expect(await failure(await call('POST', `/serverGroups/${group.id}/servers/999999`))).toEqual(
    refusal(404, 'Server 999999 was not found.'),
  )
  expect(await failure(await call('GET', '/serverGroups/abc'))).toEqual(
    refusal(404, 'Server group abc'),
  )
  expect(await failure(await call('DELETE', '/serverGroups/abc'))).toEqual(
    refusal(404, 'Server group abc'),
  )
})

test('a server removed from a group keeps its applications, as its own, named after it', async () => {
  await as('Administrator')
  const { group, apps } = groupWithApplications()
  const serverId = group.serverIds[0]
  const server = serverId === undefined ? undefined : demo.backend.db.servers.get(serverId)
  if (!server) throw new Error('group without servers')
  const copies = new Map(
    apps.map((a) => [a.name, a.serverArtifacts.find((c) => c.serverId === server.id)]),
  )

  const response = await call('DELETE', `/serverGroups/${group.id}/servers/${server.id}`)
  expect(response.status).toBe(200)
  const after = z.parse(ServerGroupEnvelopeSchema, await response.json()).data
  expect(after.servers.map((s) => s.id)).not.toContain(server.id)
  const view = await getServer(server.id)
  expect(view.serverGroupId).toBeUndefined()

  const onServer = await appsOn(server.id)
  expect(onServer).toHaveLength(apps.length)
  for (const app of onServer) {
    expect(app.target).toMatchObject({ id: server.id, type: 'SERVER' })
    const original = apps.find((a) => app.name.startsWith(`${a.name}-`))
    if (!original) throw new Error(`${app.name} is not named after a group application`)
    expect(app.name.length).toBeLessThanOrEqual(42)
    expect(app.serverArtifacts?.[0]?.lastReportedStatus).toBe(
      copies.get(original.name)?.lastReportedStatus,
    )
  }
  // The group's own applications no longer run on it.
  for (const app of await appsOn(group.id)) {
    if (app.target.id !== group.id) continue
    expect(app.serverArtifacts?.some((c) => c.serverId === server.id)).toBe(false)
  }
})

test('removing a server that is not a member, or the last one, is 400', async () => {
  await as('Administrator')
  const [a, b] = loneServers()
  if (!a || !b) throw new Error('not enough lone servers')
  const created = z.parse(
    ServerGroupEnvelopeSchema,
    await (await call('POST', '/serverGroups', { name: 'solo', serverIds: [a.id] })).json(),
  ).data
  expect(
    await failure(await call('DELETE', `/serverGroups/${created.id}/servers/${b.id}`)),
  ).toEqual(refusal(400, `is not in server group 'solo'`))
  expect(
    await failure(await call('DELETE', `/serverGroups/${created.id}/servers/${a.id}`)),
  ).toEqual(refusal(400, 'delete the group instead'))
})

test('DELETE /serverGroups/{id} is 204: its applications go, its servers become individual', async () => {
  await as('Administrator')
  const { group, apps } = groupWithApplications()
  const response = await call('DELETE', `/serverGroups/${group.id}`)
  expect(response.status).toBe(204)
  expect(await response.text()).toBe('')
  expect(await failure(await call('GET', `/serverGroups/${group.id}`))).toEqual(
    refusal(404, 'was not found'),
  )
  for (const app of apps) expect((await call('GET', `/applications/${app.id}`)).status).toBe(404)
  for (const id of group.serverIds) expect((await getServer(id)).serverGroupId).toBeUndefined()
  expect(await failure(await call('DELETE', `/serverGroups/${group.id}`))).toEqual(
    refusal(404, 'was not found'),
  )
})

// ---- Clusters ------------------------------------------------------------------------

test('a unicast cluster needs a valid IP for every server', async () => {
  await as('Administrator')
  const [a, b] = loneServers(running)
  if (!a || !b) throw new Error('not enough lone running servers')
  // Server a always gives 10.0.0.1; server b gives `ip` (none when undefined).
  const createWith = (ip?: string) =>
    call('POST', '/clusters', {
      name: 'uni',
      multicastEnabled: false,
      servers: [
        { serverId: a.id, serverIp: '10.0.0.1' },
        ip === undefined ? { serverId: b.id } : { serverId: b.id, serverIp: ip },
      ],
    })
  expect(await failure(await createWith())).toEqual(
    refusal(400, `none was given for server '${b.name}'`),
  )
  expect(await failure(await createWith('10.0.0.300'))).toEqual(
    refusal(400, "'10.0.0.300' is not a valid IP address (IPv4 or IPv6)"),
  )
  expect(await failure(await createWith('::1'))).toEqual(
    refusal(400, "'::1' is a loopback address: the other nodes cannot reach"),
  )
  expect(await failure(await createWith('10.0.0.1'))).toEqual(
    refusal(400, 'cannot share the clustering IP 10.0.0.1'),
  )
  expect(demo.backend.db.membershipOf(a.id)).toBeUndefined()

  const response = await createWith('fd00::2')
  expect(response.status).toBe(201)
  const cluster = z.parse(ClusterEnvelopeSchema, await response.json()).data
  expect(cluster).toMatchObject({ type: 'CLUSTER', multicastEnabled: false, primaryNodeId: a.id })
  expect(await getServer(b.id)).toMatchObject({
    clusterId: cluster.id,
    clusterName: 'uni',
    serverIp: 'fd00::2',
    currentClusteringIp: 'fd00::2',
  })
})

test('a multicast cluster needs no IP, and accepts "true" as the vendor’s examples send it', async () => {
  await as('Administrator')
  const [a] = loneServers(running)
  if (!a) throw new Error('no lone running server')
  const response = await call('POST', '/clusters', {
    name: 'multi',
    multicastEnabled: 'true',
    servers: [{ serverId: a.id }],
  })
  expect(response.status).toBe(201)
  const cluster = z.parse(ClusterEnvelopeSchema, await response.json()).data
  expect(cluster.multicastEnabled).toBe(true)
  expect(cluster.servers[0]?.serverIp).toBe(a.addresses?.[0]?.ip)
  expect(cluster.visibilityMap).toEqual({ [String(a.id)]: [a.id] })
  expect(
    await failure(
      await call('POST', '/clusters', { name: 'multi2', multicastEnabled: 'yes', servers: [] }),
    ),
  ).toEqual(refusal(400, "'multicastEnabled' must be true or false"))
})

test('a cluster holds at most 8 servers: a 9th is refused on create and on add', async () => {
  await as('Administrator')
  const nine = loneServers().slice(0, 9)
  if (nine.length < 9) throw new Error('not enough lone servers')
  const members = nine.map((s) => ({ serverId: s.id }))
  expect(
    await failure(
      await call('POST', '/clusters', { name: 'big', multicastEnabled: true, servers: members }),
    ),
  ).toEqual(refusal(400, 'at most 8 servers; 9 were given'))
  const created = await call('POST', '/clusters', {
    name: 'big',
    multicastEnabled: true,
    servers: members.slice(0, 8),
  })
  expect(created.status).toBe(201)
  const cluster = z.parse(ClusterEnvelopeSchema, await created.json()).data
  expect(
    await failure(await call('POST', `/clusters/${cluster.id}/servers`, { serverId: nine[8]?.id })),
  ).toEqual(refusal(400, 'already has 8 servers, the most a cluster can hold'))
})

test('adding to a cluster: unicast needs the IP; the server gets the cluster’s applications', async () => {
  await as('Administrator')
  const db = demo.backend.db
  const cluster = clusterWithApplications((members) => members < 8)
  const [server] = loneServers(running)
  if (!cluster || !server) throw new Error('no cluster with applications')
  db.clusters.update(cluster.id, (row) => ({ ...row, multicastEnabled: false }))
  db.changed()
  expect(
    await failure(await call('POST', `/clusters/${cluster.id}/servers`, { serverId: server.id })),
  ).toEqual(refusal(400, 'Unicast clusters need the IP address of every server'))
  expect(
    await failure(await call('POST', `/clusters/${cluster.id}/servers`, { serverIp: '10.1.1.1' })),
  ).toEqual(refusal(400, "'serverId' must be a server id"))
  const response = await call('POST', `/clusters/${cluster.id}/servers`, {
    serverId: server.id,
    serverIp: '10.99.0.7',
  })
  expect(response.status).toBe(200)
  expect(await getServer(server.id)).toMatchObject({ clusterId: cluster.id, serverIp: '10.99.0.7' })
  const apps = appsOf(cluster.id)
  const onServer = (await appsOn(server.id)).filter((a) => a.target.id === cluster.id)
  expect(onServer.map((a) => a.id).sort()).toEqual(apps.map((a) => a.id).sort())
})

test('removing the primary node hands the role on; the server keeps the applications', async () => {
  await as('Administrator')
  const cluster = clusterWithApplications((members) => members > 1)
  if (!cluster?.primaryNodeId) throw new Error('no cluster with a primary and applications')
  const primary = cluster.primaryNodeId
  const appCount = appsOf(cluster.id).length
  const response = await call('DELETE', `/clusters/${cluster.id}/servers/${primary}`)
  expect(response.status).toBe(200)
  const after = z.parse(ClusterEnvelopeSchema, await response.json()).data
  expect(after.servers.map((s) => s.id)).not.toContain(primary)
  expect(after.primaryNodeId).not.toBe(primary)
  expect(after.servers.map((s) => s.id)).toContain(after.primaryNodeId)
  const kept = (await appsOn(primary)).filter((a) => a.target.id === primary)
  expect(kept.length).toBeGreaterThanOrEqual(appCount)
  expect((await getServer(primary)).clusterId).toBeUndefined()
})

test('cluster paths answer 404 for unknown ids and 204 for a delete', async () => {
  await as('Administrator')
  const cluster = demo.backend.db.clusters.all().find((c) => c.envId === scope.envId)
  if (!cluster) throw new Error('no cluster')
  expect(await failure(await call('GET', '/clusters/999999'))).toEqual(
    refusal(404, 'Cluster 999999 was not found.'),
  )
  expect(await failure(await call('POST', '/clusters/999999/servers', { serverId: 1 }))).toEqual(
    refusal(404, 'Cluster 999999'),
  )
  expect(await failure(await call('DELETE', `/clusters/${cluster.id}/servers/999999`))).toEqual(
    refusal(404, 'Server 999999'),
  )
  expect((await call('DELETE', `/clusters/${cluster.id}`)).status).toBe(204)
  expect(await failure(await call('DELETE', `/clusters/${cluster.id}`))).toEqual(
    refusal(404, 'was not found'),
  )
  for (const m of cluster.members) expect((await getServer(m.serverId)).clusterId).toBeUndefined()
})
