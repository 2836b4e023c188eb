import { expect, test, vi } from 'vitest'
import { DemoClock } from './clock.ts'
import { DemoDb } from './db.ts'
import { AGENT_CONNECT_MS, tickLifecycle } from './lifecycle.ts'
import type { ServerRow } from './model.ts'
import { stateKey } from './persistence.ts'
import { generateSeed } from './seed.ts'
import { memoryStorage, type DemoStorage } from './storage.ts'

const T0 = Date.UTC(2026, 10, 23, 12, 0, 0)
const DAY = 86_400_000

function openDb(storage: DemoStorage = memoryStorage(), now = T0, persistDelayMs = 0): DemoDb {
  return new DemoDb({ fleet: 'small', storage, clock: new DemoClock(() => now), persistDelayMs })
}

function loneServer(db: DemoDb): ServerRow {
  const envId = db.environments[0]?.id
  const row = db.servers.all().find((s) => s.envId === envId && !db.membershipOf(s.id))
  if (!row) throw new Error('no lone server in the seed')
  return row
}

function newServerRow(db: DemoDb, extra: Partial<ServerRow> = {}): ServerRow {
  return {
    id: db.newId(),
    envId: db.environments[0]?.id ?? '',
    name: 'prd-mule-new-01',
    type: 'SERVER',
    serverType: 'MULE',
    muleVersion: '4.9.1',
    gatewayVersion: null,
    agentVersion: null,
    status: 'CREATED',
    addresses: [],
    timeCreated: db.now(),
    timeUpdated: db.now(),
    licenseExpirationDate: db.now() + 365 * DAY,
    certificateExpirationDate: db.now() + 365 * DAY,
    runtimeInformation: null,
    ...extra,
  }
}

test('a new database starts from the seed of its anchor and persists that anchor at once', () => {
  const storage = memoryStorage()
  const db = openDb(storage)
  const seed = generateSeed('small', T0)
  expect(db.servers.all()).toEqual(seed.servers)
  expect(db.applications.all()).toEqual(seed.applications)
  expect(db.organization).toEqual(seed.organization)
  expect(storage.get(stateKey('small'))).toContain(`"anchor":${T0}`)
})

test('changes survive a reopen over the same storage and everything else equals the seed', () => {
  const storage = memoryStorage()
  const first = openDb(storage)
  const removed = loneServer(first)
  first.servers.delete(removed.id)
  const added = first.servers.insert(newServerRow(first))
  first.changed()

  // Reopened ten days later: the fleet must still be built from the first anchor.
  const second = openDb(storage, T0 + 10 * DAY)
  const seed = generateSeed('small', T0)
  expect(second.servers.get(removed.id)).toBeUndefined()
  expect(second.servers.get(added.id)).toEqual(added)
  expect(second.servers.all()).toEqual([...seed.servers.filter((s) => s.id !== removed.id), added])
  expect(second.groups.all()).toEqual(seed.groups)
  expect(second.clusters.all()).toEqual(seed.clusters)
  expect(second.applications.all()).toEqual(seed.applications)
})

test('only the changed rows are persisted, not the whole fleet', () => {
  const storage = memoryStorage()
  const db = openDb(storage)
  const removed = loneServer(db)
  db.servers.delete(removed.id)
  db.changed()
  const saved: unknown = JSON.parse(storage.get(stateKey('small')) ?? 'null')
  expect(saved).toMatchObject({
    version: 1,
    anchor: T0,
    servers: { upserts: [], deletes: [removed.id] },
    groups: { upserts: [], deletes: [] },
    applications: { upserts: [], deletes: [] },
  })
})

test('ids handed out after a reopen never reuse an id given before', () => {
  const storage = memoryStorage()
  const first = openDb(storage)
  const used = first.newId()
  first.changed()
  const second = openDb(storage)
  expect(second.newId()).toBeGreaterThan(used)
})

test('tokensNotBefore is persisted with the rest of the state', () => {
  const storage = memoryStorage()
  const first = openDb(storage)
  first.tokensNotBefore = T0 + 5
  first.changed()
  expect(openDb(storage).tokensNotBefore).toBe(T0 + 5)
})

test('damaged or outdated saved state is ignored and the seed is used', () => {
  const storage = memoryStorage()
  storage.set(stateKey('small'), '{not json')
  expect(openDb(storage).servers.all()).toEqual(generateSeed('small', T0).servers)
  storage.set(stateKey('small'), JSON.stringify({ version: 0, anchor: 1 }))
  expect(openDb(storage).servers.all()).toEqual(generateSeed('small', T0).servers)
})

test('with a persist delay, changes are written once after the delay', () => {
  vi.useFakeTimers()
  try {
    const storage = memoryStorage()
    const db = openDb(storage, T0, 250)
    const before = storage.get(stateKey('small'))
    db.servers.delete(loneServer(db).id)
    db.changed()
    db.changed()
    expect(storage.get(stateKey('small'))).toBe(before)
    vi.advanceTimersByTime(250)
    expect(storage.get(stateKey('small'))).not.toBe(before)
  } finally {
    vi.useRealTimers()
  }
})

test('forget drops a write still scheduled, so a reset is not undone by the old state', () => {
  vi.useFakeTimers()
  try {
    const storage = memoryStorage()
    const db = openDb(storage, T0, 250)
    db.servers.delete(loneServer(db).id)
    db.changed()
    db.forget()
    expect(storage.get(stateKey('small'))).toBeNull()
    vi.advanceTimersByTime(250)
    expect(storage.get(stateKey('small'))).toBeNull()
  } finally {
    vi.useRealTimers()
  }
})

test('a registered server becomes RUNNING once the clock passes connectAt and tick runs', () => {
  const storage = memoryStorage()
  const db = openDb(storage)
  const row = db.servers.insert(newServerRow(db, { connectAt: db.now() + AGENT_CONNECT_MS }))
  db.changed()

  db.advanceClock(AGENT_CONNECT_MS - 1)
  tickLifecycle(db)
  expect(db.servers.get(row.id)?.status).toBe('CREATED')

  db.advanceClock(1)
  tickLifecycle(db)
  const connected = db.servers.get(row.id)
  expect(connected?.status).toBe('RUNNING')
  expect(connected?.timeUpdated).toBe(T0 + AGENT_CONNECT_MS)
  expect(connected && 'connectAt' in connected).toBe(false)
  // The transition is persisted too.
  expect(openDb(storage).servers.get(row.id)?.status).toBe('RUNNING')
})

test('advanceClock moves now() without touching the wall clock', () => {
  const db = openDb()
  db.advanceClock(60_000)
  expect(db.now()).toBe(T0 + 60_000)
})

test('serverView derives group membership from the groups', () => {
  const db = openDb()
  const group = db.groups.all()[0]
  const memberId = group?.serverIds[0]
  const row = memberId === undefined ? undefined : db.servers.get(memberId)
  if (!group || !row) throw new Error('the seed has no group member')
  const view = db.serverView(row)
  expect(view).toMatchObject({ id: row.id, serverGroupId: group.id, serverGroupName: group.name })
  expect(view.clusterId).toBeUndefined()
  expect('envId' in view).toBe(false)
})

test('serverView derives cluster membership, clustering IP and port from the clusters', () => {
  const db = openDb()
  for (const cluster of db.clusters.all()) {
    const member = cluster.members[0]
    const row = member && db.servers.get(member.serverId)
    if (!member || !row) throw new Error('cluster without members')
    expect(db.serverView(row)).toMatchObject({
      clusterId: cluster.id,
      clusterName: cluster.name,
      serverIp: member.serverIp,
      currentClusteringIp: member.serverIp,
      currentClusteringPort: cluster.multicastEnabled ? null : 5701,
    })
    expect(db.serverView(row).serverGroupId).toBeUndefined()
  }
})

test('a lone server has no membership fields, and a server removed from its group loses them', () => {
  const db = openDb()
  const lone = db.serverView(loneServer(db))
  for (const key of ['serverGroupId', 'serverGroupName', 'clusterId', 'clusterName', 'serverIp']) {
    expect(lone).not.toHaveProperty(key)
  }

  const group = db.groups.all()[0]
  const memberId = group?.serverIds[0]
  const row = memberId === undefined ? undefined : db.servers.get(memberId)
  if (!group || !row) throw new Error('the seed has no group member')
  expect(db.serverView(row).serverGroupId).toBe(group.id)
  db.groups.update(group.id, (g) => ({
    ...g,
    serverIds: g.serverIds.filter((id) => id !== row.id),
  }))
  db.changed()
  expect(db.serverView(row)).not.toHaveProperty('serverGroupId')
})

test('groupView lists the member servers and rolls their status up', () => {
  const db = openDb()
  const group = db.groups.all()[0]
  if (!group) throw new Error('no group')
  const view = db.groupView(group)
  expect(view.servers.map((s) => s.id)).toEqual(group.serverIds)
  const statuses = view.servers.map((s) => s.status)
  const expected = statuses.every((s) => s === 'RUNNING')
    ? 'RUNNING'
    : statuses.some((s) => s === 'RUNNING')
      ? 'PARTIALLY_RUNNING'
      : 'DISCONNECTED'
  expect(view.status).toBe(expected)
})

test('targetServerIds and applicationView agree with the application target', () => {
  const db = openDb()
  for (const app of db.applications.all()) {
    const view = db.applicationView(app)
    const ids = db.targetServerIds(app.targetId)
    expect(view.target.id).toBe(app.targetId)
    const byId = (a: number, b: number) => a - b
    expect(view.serverArtifacts?.map((a) => a.serverId).sort(byId)).toEqual([...ids].sort(byId))
    // A server target is the server itself; groups and clusters embed their members.
    expect(view.target.servers?.map((s) => s.id)).toEqual(
      view.target.type === 'SERVER' ? undefined : ids,
    )
  }
})

test('running the setup command on a simulated host registers a server whose agent then connects', async () => {
  const { DemoBackend } = await import('./backend.ts')
  const backend = new DemoBackend({ fleet: 'small', storage: memoryStorage() })
  const env = backend.db.environments[0]!
  expect(backend.runSetupCommand(`./amc_setup -H 'nope' 'web-1'`)).toEqual({
    ok: false,
    message: 'The registration token is not valid: get a new one from Register server.',
  })
  backend.db.registrationTokens.set(env.id, 'tok-123')
  expect(backend.runSetupCommand('amc_setup --help')).toMatchObject({ ok: false })
  // Only exactly one amc_setup command: a second one is refused, not run in part.
  expect(backend.runSetupCommand(`./amc_setup -H 'tok-123' 'web-1'; rm -rf /`)).toMatchObject({
    ok: false,
  })
  expect(backend.runSetupCommand(`./amc_setup -H 'tok-123' 'web-1' extra`)).toMatchObject({
    ok: false,
  })
  expect(backend.runSetupCommand(`./amc_setup -H 'tok-123' 'web-1'\n`)).toEqual({
    ok: true,
    name: 'web-1',
  })
  const row = backend.db.servers.all().find((s) => s.name === 'web-1')!
  expect(row).toMatchObject({ envId: env.id, status: 'CREATED' })
  backend.db.advanceClock(5_000)
  tickLifecycle(backend.db)
  const connected = backend.db.servers.get(row.id)!
  expect(connected.status).toBe('RUNNING')
  expect(connected.addresses?.length).toBe(1)
  expect(connected.runtimeInformation).toBeTruthy()
})
