import { expect, test } from 'vitest'
import { ServerSchema } from '../api/runtime-manager/server-schemas.ts'
import { DEMO_IDENTITIES, generateSeed, type SeedData } from './seed.ts'

const ANCHOR = Date.UTC(2026, 10, 23, 12, 0, 0)
const small = generateSeed('small', ANCHOR)
// The large fleet takes a moment to build; build it once for the whole file.
const large = generateSeed('large', ANCHOR)

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** Server ids of every target (server, group, cluster), straight from the seed's records. */
function targetMembers(seed: SeedData): Map<number, number[]> {
  const members = new Map<number, number[]>()
  for (const server of seed.servers) members.set(server.id, [server.id])
  for (const group of seed.groups) members.set(group.id, group.serverIds)
  for (const cluster of seed.clusters)
    members.set(
      cluster.id,
      cluster.members.map((m) => m.serverId),
    )
  return members
}

test('the same seed builds identical data', () => {
  expect(generateSeed('small', ANCHOR)).toEqual(small)
})

test('times are relative to the anchor, everything else does not depend on it', () => {
  const later = generateSeed('small', ANCHOR + 1000)
  expect(later.servers.map((s) => s.name)).toEqual(small.servers.map((s) => s.name))
  expect(later.servers[0]?.timeCreated).toBe(Number(small.servers[0]?.timeCreated) + 1000)
})

test('small and large fleets are different worlds', () => {
  expect(large.organization.id).not.toBe(small.organization.id)
})

test('the small fleet has Production, Sandbox and an empty QA environment', () => {
  expect(small.environments.map((e) => [e.name, e.type, e.isProduction])).toEqual([
    ['Production', 'production', true],
    ['Sandbox', 'sandbox', false],
    ['QA', 'sandbox', false],
  ])
  const perEnv = countBy(small.servers, (s) => s.envId)
  expect(perEnv.get(small.environments[0]?.id ?? '')).toBe(24)
  expect(perEnv.get(small.environments[2]?.id ?? '')).toBeUndefined()
  expect(small.environments.every((e) => e.organizationId === small.organization.id)).toBe(true)
})

test('the large fleet has at least 2000 servers in one environment and 10000 applications', () => {
  const serversPerEnv = Math.max(...countBy(large.servers, (s) => s.envId).values())
  expect(serversPerEnv).toBeGreaterThanOrEqual(2000)
  expect(large.applications.length).toBeGreaterThanOrEqual(10_000)
})

test('ids are unique across every kind of record and below nextId', () => {
  for (const seed of [small, large]) {
    const ids = [
      ...seed.servers.map((s) => s.id),
      ...seed.groups.map((g) => g.id),
      ...seed.clusters.map((c) => c.id),
      ...seed.applications.map((a) => a.id),
      ...seed.applications.flatMap((a) => a.serverArtifacts.map((sa) => sa.id)),
    ]
    expect(new Set(ids).size).toBe(ids.length)
    expect(Math.max(...ids)).toBeLessThan(seed.nextId)
  }
})

test('no server is in two groups or clusters, and members stay in their environment', () => {
  for (const seed of [small, large]) {
    const serverEnv = new Map(seed.servers.map((s) => [s.id, s.envId]))
    const memberships = [
      ...seed.groups.flatMap((g) => g.serverIds.map((id) => ({ id, envId: g.envId }))),
      ...seed.clusters.flatMap((c) => c.members.map((m) => ({ id: m.serverId, envId: c.envId }))),
    ]
    const ids = memberships.map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const m of memberships) expect(serverEnv.get(m.id)).toBe(m.envId)
  }
})

test('groups and clusters are built from connected Mule servers, clusters of at most 8', () => {
  for (const seed of [small, large]) {
    const byId = new Map(seed.servers.map((s) => [s.id, s]))
    const memberIds = [
      ...seed.groups.flatMap((g) => g.serverIds),
      ...seed.clusters.flatMap((c) => c.members.map((m) => m.serverId)),
    ]
    for (const id of memberIds) {
      expect(byId.get(id)?.serverType).toBe('MULE')
      expect(byId.get(id)?.status).not.toBe('CREATED')
    }
    for (const cluster of seed.clusters) {
      expect(cluster.members.length).toBeGreaterThan(0)
      expect(cluster.members.length).toBeLessThanOrEqual(8)
      expect(cluster.primaryNodeId).toBe(cluster.members[0]?.serverId)
    }
  }
})

test('application names are unique per environment', () => {
  for (const seed of [small, large]) {
    const duplicates = [...countBy(seed.applications, (a) => `${a.envId}/${a.name}`)].filter(
      ([, n]) => n > 1,
    )
    expect(duplicates).toEqual([])
  }
})

test("every application's serverArtifacts cover exactly its target's servers", () => {
  for (const seed of [small, large]) {
    const membersOf = targetMembers(seed)
    for (const app of seed.applications) {
      const members = membersOf.get(app.targetId)
      expect(members, `target of ${app.name}`).toBeDefined()
      const covered = app.serverArtifacts.map((a) => a.serverId)
      expect(new Set(covered).size).toBe(covered.length)
      expect([...covered].sort((a, b) => a - b)).toEqual([...(members ?? [])].sort((a, b) => a - b))
    }
  }
})

test('applications target records of their own environment', () => {
  const envOf = new Map<number, string>([
    ...small.servers.map((s): [number, string] => [s.id, s.envId]),
    ...small.groups.map((g): [number, string] => [g.id, g.envId]),
    ...small.clusters.map((c): [number, string] => [c.id, c.envId]),
  ])
  for (const app of small.applications) expect(envOf.get(app.targetId)).toBe(app.envId)
})

test('seeded servers match the API schema once the demo-only fields are removed', () => {
  for (const { envId: _envId, connectAt: _connectAt, ...server } of small.servers) {
    expect(ServerSchema.safeParse(server).success).toBe(true)
  }
})

test('there is one demo identity per role with distinct credentials', () => {
  expect(DEMO_IDENTITIES.map((i) => i.role)).toEqual(['Administrator', 'Operator', 'Monitor'])
  expect(new Set(DEMO_IDENTITIES.map((i) => i.clientId)).size).toBe(3)
  expect(new Set(DEMO_IDENTITIES.map((i) => i.clientSecret)).size).toBe(3)
})
