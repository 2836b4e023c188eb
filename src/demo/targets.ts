import { reportedStatusOf } from './status-rollup.ts'
import {
  MAX_CLUSTER_SERVERS,
  type ClusterMemberBody,
  type CreateClusterBody,
  type CreateServerGroupBody,
} from '../api/runtime-manager/target-schemas.ts'
import { DEPLOY_MS } from './applications.ts'
import type { Collection } from './collection.ts'
import type { DemoDb } from './db.ts'
import { unreachableIpKind } from './reachable-ip.ts'
import { isIpAddress, keptApplicationName, targetNameProblem } from './target-names.ts'
import type { ApplicationRow, ClusterRow, GroupRow, ServerArtifactRow, ServerRow } from './model.ts'

/**
 * The membership rules of server groups and clusters, over a DemoDb: the documented ones
 * (individual servers only, one group or cluster per server, at most 8 cluster members,
 * unicast needs every IP, a joining server gets the target's applications, a leaving
 * one keeps them) and the demo's choices where the contract is silent (ADR 007).
 * Handlers only parse the request and turn an `Outcome` into a response.
 */

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; status: 400 | 404 | 409; message: string }

const fail = (status: 400 | 404 | 409, message: string): Outcome<never> => ({
  ok: false,
  status,
  message,
})

/** What a copy on a server that cannot report says (same words as the seed). */
export const DISCONNECTED_MESSAGE = 'Server is disconnected'

type TargetKind = 'server group' | 'cluster'

interface Joining {
  kind: TargetKind
  id?: number
  name: string
}

function groupOf(db: DemoDb, envId: string, id: number): GroupRow | undefined {
  const row = db.groups.get(id)
  return row && row.envId === envId ? row : undefined
}

function clusterOf(db: DemoDb, envId: string, id: number): ClusterRow | undefined {
  const row = db.clusters.get(id)
  return row && row.envId === envId ? row : undefined
}

/** Group and cluster names share one namespace per environment, compared without case. */
function nameProblem(db: DemoDb, envId: string, kind: TargetKind, raw: string): Outcome<string> {
  const name = raw.trim()
  const problem = targetNameProblem(name)
  if (problem) return fail(400, `The ${kind} name '${raw}' cannot be used: ${problem}`)
  const lower = name.toLowerCase()
  const group = db.groups.all().find((g) => g.envId === envId && g.name.toLowerCase() === lower)
  if (group)
    return fail(409, `A server group named '${group.name}' already exists in this environment.`)
  const cluster = db.clusters.all().find((c) => c.envId === envId && c.name.toLowerCase() === lower)
  if (cluster)
    return fail(409, `A cluster named '${cluster.name}' already exists in this environment.`)
  return { ok: true, value: name }
}

/** A server that may join `target`: individual, of this environment, in no group or cluster. */
function joinableServer(
  db: DemoDb,
  envId: string,
  serverId: number,
  target: Joining,
): Outcome<ServerRow> {
  const made = target.kind === 'server group' ? 'Server groups' : 'Clusters'
  const group = groupOf(db, envId, serverId)
  if (group)
    return fail(
      400,
      `${serverId} is the server group '${group.name}': ${made} are made from individual servers only, not from groups or clusters.`,
    )
  const cluster = clusterOf(db, envId, serverId)
  if (cluster)
    return fail(
      400,
      `${serverId} is the cluster '${cluster.name}': ${made} are made from individual servers only, not from groups or clusters.`,
    )
  const server = db.servers.get(serverId)
  if (!server || server.envId !== envId) return fail(404, `Server ${serverId} was not found.`)
  const member = db.membershipOf(serverId)
  const current = member?.group
    ? { kind: 'server group', id: member.group.id, name: member.group.name }
    : member?.cluster
      ? { kind: 'cluster', id: member.cluster.id, name: member.cluster.name }
      : null
  if (current) {
    if (current.kind === target.kind && current.id === target.id)
      return fail(400, `Server '${server.name}' is already in this ${target.kind}.`)
    return fail(
      400,
      `Server '${server.name}' already belongs to ${current.kind} '${current.name}'. A server can be in one server group or cluster at most: remove it from '${current.name}' first.`,
    )
  }
  return { ok: true, value: server }
}

function duplicateIn(ids: readonly number[]): number | undefined {
  const seen = new Set<number>()
  for (const id of ids) {
    if (seen.has(id)) return id
    seen.add(id)
  }
  return undefined
}

/** Every listed server may join, in order; the first problem wins. */
function joinableServers(
  db: DemoDb,
  envId: string,
  ids: readonly number[],
  target: Joining,
): Outcome<ServerRow[]> {
  const twice = duplicateIn(ids)
  if (twice !== undefined) return fail(400, `Server ${twice} is listed more than once.`)
  const out: ServerRow[] = []
  for (const id of ids) {
    const server = joinableServer(db, envId, id, target)
    if (!server.ok) return server
    out.push(server.value)
  }
  return { ok: true, value: out }
}

/**
 * The clustering IP of one member: required and valid for unicast; for multicast an
 * address given must be valid, and none given means the server's first address.
 */
function memberIp(
  server: ServerRow,
  given: string | null | undefined,
  multicast: boolean,
): Outcome<string> {
  const ip = (given ?? '').trim()
  if (ip === '') {
    if (multicast) return { ok: true, value: server.addresses?.[0]?.ip ?? '' }
    return fail(
      400,
      `Unicast clusters need the IP address of every server: none was given for server '${server.name}' (${server.id}).`,
    )
  }
  if (!isIpAddress(ip))
    return fail(
      400,
      `'${ip}' is not a valid IP address (IPv4 or IPv6) for server '${server.name}' (${server.id}).`,
    )
  const unreachable = unreachableIpKind(ip)
  if (unreachable)
    return fail(
      400,
      `'${ip}' is ${unreachable === 'loopback' ? 'a loopback' : 'the unspecified'} address: the other nodes cannot reach server '${server.name}' (${server.id}) there.`,
    )
  return { ok: true, value: ip }
}

function sameIpProblem(members: ClusterRow['members'], db: DemoDb): Outcome<null> {
  const byIp = new Map<string, number>()
  for (const m of members) {
    if (!m.serverIp) continue
    const other = byIp.get(m.serverIp)
    if (other !== undefined) {
      const a = db.servers.get(other)?.name ?? String(other)
      const b = db.servers.get(m.serverId)?.name ?? String(m.serverId)
      return fail(400, `Servers '${a}' and '${b}' cannot share the clustering IP ${m.serverIp}.`)
    }
    byIp.set(m.serverIp, m.serverId)
  }
  return { ok: true, value: null }
}

/** The node that leads: the first running member, else the first one. */
function pickPrimary(db: DemoDb, memberIds: readonly number[]): number | null {
  return memberIds.find((id) => db.servers.get(id)?.status === 'RUNNING') ?? memberIds[0] ?? null
}

function appsOf(db: DemoDb, targetId: number): ApplicationRow[] {
  return db.applications.all().filter((a) => a.targetId === targetId)
}

/**
 * A server joining a group or cluster gets each of its applications (documented): a
 * running server deploys the copy (UNDEPLOYED, then the application's status a few
 * seconds later on the lifecycle clock); a server that is not running holds a STOPPED
 * copy until it reconnects. An artifact that failed on every member fails here too.
 */
function deployTargetApplications(db: DemoDb, targetId: number, server: ServerRow): void {
  const now = db.now()
  const running = server.status === 'RUNNING'
  for (const app of appsOf(db, targetId)) {
    const desired = app.pendingDesired ?? app.desiredStatus
    const copies = app.serverArtifacts
    const broken = copies.length > 0 && copies.every((c) => c.lastReportedStatus.includes('FAILED'))
    const base: ServerArtifactRow = {
      id: db.newId(),
      serverId: server.id,
      desiredStatus: desired,
      lastReportedStatus: running ? 'UNDEPLOYED' : 'STOPPED',
      message: running ? null : DISCONNECTED_MESSAGE,
      deploymentId: copies[0]?.deploymentId ?? db.newId(),
    }
    const copy: ServerArtifactRow = running
      ? {
          ...base,
          settleAt: now + DEPLOY_MS,
          settleTo: broken ? (copies[0]?.lastReportedStatus ?? 'DEPLOYMENT_FAILED') : desired,
          settleMessage: broken ? (copies[0]?.message ?? null) : null,
        }
      : base
    const serverArtifacts = [...copies, copy]
    db.applications.update(app.id, (row) => ({
      ...row,
      serverArtifacts,
      lastReportedStatus: reportedStatusOf(serverArtifacts.map((a) => a.lastReportedStatus)),
      timeUpdated: now,
    }))
    if (running) db.trackPending(app.id)
  }
}

/**
 * A server leaving a group or cluster keeps the applications it had (documented). Here
 * each one becomes an application of its own, targeted at that server, holding the
 * server's copy as it was, named `<application>-<server>` (application names are unique
 * in an environment); the group's application loses that copy (ADR 007).
 */
function keepApplicationsOnServer(
  db: DemoDb,
  envId: string,
  targetId: number,
  server: ServerRow,
): string[] {
  const now = db.now()
  const names = new Set(
    db.applications
      .all()
      .filter((a) => a.envId === envId)
      .map((a) => a.name),
  )
  const kept: string[] = []
  for (const app of appsOf(db, targetId)) {
    const copy = app.serverArtifacts.find((a) => a.serverId === server.id)
    const rest = app.serverArtifacts.filter((a) => a.serverId !== server.id)
    db.applications.update(app.id, (row) => ({
      ...row,
      serverArtifacts: rest,
      lastReportedStatus: reportedStatusOf(rest.map((a) => a.lastReportedStatus)),
      timeUpdated: now,
    }))
    if (!copy) continue
    const name = keptApplicationName(app.name, server.name, (n) => names.has(n))
    names.add(name)
    const settling = copy.settleAt !== undefined
    const row: ApplicationRow = {
      id: db.newId(),
      envId,
      name,
      targetId: server.id,
      desiredStatus: settling ? app.desiredStatus : (app.pendingDesired ?? app.desiredStatus),
      ...(settling && app.pendingDesired ? { pendingDesired: app.pendingDesired } : {}),
      lastReportedStatus: copy.lastReportedStatus,
      artifact: { ...app.artifact, id: db.newId(), name },
      configuration: { ...app.configuration },
      serverArtifacts: [{ ...copy, id: db.newId() }],
      timeCreated: now,
      timeUpdated: now,
      startedAt: copy.lastReportedStatus === 'STARTED' ? (app.startedAt ?? now) : null,
    }
    db.applications.insert(row)
    if (settling) db.trackPending(row.id)
    kept.push(name)
  }
  return kept
}

/** Deletes the applications deployed to a target (they go with it, ADR 007). */
function deleteTargetApplications(db: DemoDb, targetId: number): string[] {
  const apps = appsOf(db, targetId)
  for (const app of apps) db.applications.delete(app.id)
  return apps.map((a) => a.name)
}

// ---- Server groups -------------------------------------------------------------------

export function createGroup(
  db: DemoDb,
  envId: string,
  body: CreateServerGroupBody,
): Outcome<GroupRow> {
  const name = nameProblem(db, envId, 'server group', body.name)
  if (!name.ok) return name
  if (body.serverIds.length === 0)
    return fail(400, 'A server group needs at least one server: serverIds is empty.')
  const servers = joinableServers(db, envId, body.serverIds, {
    kind: 'server group',
    name: name.value,
  })
  if (!servers.ok) return servers
  const now = db.now()
  const row = db.groups.insert({
    id: db.newId(),
    envId,
    name: name.value,
    serverIds: servers.value.map((s) => s.id),
    timeCreated: now,
    timeUpdated: now,
  })
  db.changed()
  return { ok: true, value: row }
}

/**
 * The delete of one kind of multi-server target: the row with the applications deployed
 * to it (its servers become individual); 404 when the caller's environment has no such row.
 */
function targetDeleter<Row extends { id: number }>(
  rowsOf: (db: DemoDb) => Collection<Row, number>,
  rowOf: (db: DemoDb, envId: string, id: number) => Row | undefined,
  label: string,
) {
  return (db: DemoDb, envId: string, id: number): Outcome<{ removedApplications: string[] }> => {
    if (!rowOf(db, envId, id)) return fail(404, `${label} ${id} was not found.`)
    const removedApplications = deleteTargetApplications(db, id)
    rowsOf(db).delete(id)
    db.changed()
    return { ok: true, value: { removedApplications } }
  }
}

/** Deletes a group and the applications deployed to it; its servers become individual. */
export const deleteGroup = targetDeleter((db) => db.groups, groupOf, 'Server group')

export function addServerToGroup(
  db: DemoDb,
  envId: string,
  groupId: number,
  serverId: number,
): Outcome<GroupRow> {
  const group = groupOf(db, envId, groupId)
  if (!group) return fail(404, `Server group ${groupId} was not found.`)
  const server = joinableServer(db, envId, serverId, {
    kind: 'server group',
    id: group.id,
    name: group.name,
  })
  if (!server.ok) return server
  const updated = db.groups.update(groupId, (row) => ({
    ...row,
    serverIds: [...row.serverIds, serverId],
    timeUpdated: db.now(),
  }))
  deployTargetApplications(db, groupId, server.value)
  db.changed()
  return updated
    ? { ok: true, value: updated }
    : fail(404, `Server group ${groupId} was not found.`)
}

export function removeServerFromGroup(
  db: DemoDb,
  envId: string,
  groupId: number,
  serverId: number,
): Outcome<{ group: GroupRow; keptApplications: string[] }> {
  const group = groupOf(db, envId, groupId)
  if (!group) return fail(404, `Server group ${groupId} was not found.`)
  const server = db.servers.get(serverId)
  if (!server || server.envId !== envId) return fail(404, `Server ${serverId} was not found.`)
  if (!group.serverIds.includes(serverId))
    return fail(400, `Server '${server.name}' is not in server group '${group.name}'.`)
  if (group.serverIds.length === 1)
    return fail(
      400,
      `Server '${server.name}' is the only server of '${group.name}', and a server group needs at least one: delete the group instead.`,
    )
  const keptApplications = keepApplicationsOnServer(db, envId, groupId, server)
  const updated = db.groups.update(groupId, (row) => ({
    ...row,
    serverIds: row.serverIds.filter((id) => id !== serverId),
    timeUpdated: db.now(),
  }))
  db.changed()
  return updated
    ? { ok: true, value: { group: updated, keptApplications } }
    : fail(404, `Server group ${groupId} was not found.`)
}

// ---- Clusters ------------------------------------------------------------------------

/** `"true"`/`"false"` as the vendor's examples send them, or a boolean. */
function multicastOf(value: CreateClusterBody['multicastEnabled']): boolean {
  return value === true || value === 'true'
}

export function createCluster(
  db: DemoDb,
  envId: string,
  body: CreateClusterBody,
): Outcome<ClusterRow> {
  const name = nameProblem(db, envId, 'cluster', body.name)
  if (!name.ok) return name
  const multicast = multicastOf(body.multicastEnabled)
  if (body.servers.length === 0)
    return fail(400, 'A cluster needs at least one server: servers is empty.')
  if (body.servers.length > MAX_CLUSTER_SERVERS)
    return fail(
      400,
      `A cluster holds at most ${MAX_CLUSTER_SERVERS} servers; ${body.servers.length} were given.`,
    )
  const servers = joinableServers(
    db,
    envId,
    body.servers.map((s) => s.serverId),
    { kind: 'cluster', name: name.value },
  )
  if (!servers.ok) return servers
  const members: ClusterRow['members'] = []
  for (const [index, server] of servers.value.entries()) {
    const ip = memberIp(server, body.servers[index]?.serverIp, multicast)
    if (!ip.ok) return ip
    members.push({ serverId: server.id, serverIp: ip.value })
  }
  if (!multicast) {
    const clash = sameIpProblem(members, db)
    if (!clash.ok) return clash
  }
  const now = db.now()
  const row = db.clusters.insert({
    id: db.newId(),
    envId,
    name: name.value,
    multicastEnabled: multicast,
    members,
    primaryNodeId: pickPrimary(
      db,
      members.map((m) => m.serverId),
    ),
    timeCreated: now,
    timeUpdated: now,
  })
  db.changed()
  return { ok: true, value: row }
}

/** Deletes a cluster and the applications deployed to it; its servers become individual. */
export const deleteCluster = targetDeleter((db) => db.clusters, clusterOf, 'Cluster')

export function addServerToCluster(
  db: DemoDb,
  envId: string,
  clusterId: number,
  member: ClusterMemberBody,
): Outcome<ClusterRow> {
  const cluster = clusterOf(db, envId, clusterId)
  if (!cluster) return fail(404, `Cluster ${clusterId} was not found.`)
  const server = joinableServer(db, envId, member.serverId, {
    kind: 'cluster',
    id: cluster.id,
    name: cluster.name,
  })
  if (!server.ok) return server
  if (cluster.members.length >= MAX_CLUSTER_SERVERS)
    return fail(
      400,
      `Cluster '${cluster.name}' already has ${cluster.members.length} servers, the most a cluster can hold.`,
    )
  const ip = memberIp(server.value, member.serverIp, cluster.multicastEnabled)
  if (!ip.ok) return ip
  const members = [...cluster.members, { serverId: server.value.id, serverIp: ip.value }]
  if (!cluster.multicastEnabled) {
    const clash = sameIpProblem(members, db)
    if (!clash.ok) return clash
  }
  const updated = db.clusters.update(clusterId, (row) => ({
    ...row,
    members,
    primaryNodeId: row.primaryNodeId ?? pickPrimary(db, [server.value.id]),
    timeUpdated: db.now(),
  }))
  deployTargetApplications(db, clusterId, server.value)
  db.changed()
  return updated ? { ok: true, value: updated } : fail(404, `Cluster ${clusterId} was not found.`)
}

export function removeServerFromCluster(
  db: DemoDb,
  envId: string,
  clusterId: number,
  serverId: number,
): Outcome<{ cluster: ClusterRow; keptApplications: string[] }> {
  const cluster = clusterOf(db, envId, clusterId)
  if (!cluster) return fail(404, `Cluster ${clusterId} was not found.`)
  const server = db.servers.get(serverId)
  if (!server || server.envId !== envId) return fail(404, `Server ${serverId} was not found.`)
  if (!cluster.members.some((m) => m.serverId === serverId))
    return fail(400, `Server '${server.name}' is not in cluster '${cluster.name}'.`)
  if (cluster.members.length === 1)
    return fail(
      400,
      `Server '${server.name}' is the only server of '${cluster.name}', and a cluster needs at least one: delete the cluster instead.`,
    )
  const keptApplications = keepApplicationsOnServer(db, envId, clusterId, server)
  const members = cluster.members.filter((m) => m.serverId !== serverId)
  const updated = db.clusters.update(clusterId, (row) => ({
    ...row,
    members,
    // The primary node leaving hands the role to the first running member left.
    primaryNodeId:
      row.primaryNodeId === serverId
        ? pickPrimary(
            db,
            members.map((m) => m.serverId),
          )
        : row.primaryNodeId,
    timeUpdated: db.now(),
  }))
  db.changed()
  return updated
    ? { ok: true, value: { cluster: updated, keptApplications } }
    : fail(404, `Cluster ${clusterId} was not found.`)
}
