import type { Application } from '../api/runtime-manager/application-schemas.ts'
import { memberStatusOf } from './status-rollup.ts'
import type { Server } from '../api/runtime-manager/server-schemas.ts'
import type { Cluster, ServerGroup } from '../api/runtime-manager/target-schemas.ts'
import type {
  ApplicationRow,
  ClusterRow,
  EnvironmentRow,
  FleetSize,
  GroupRow,
  Organization,
  ServerRow,
} from './model.ts'
import { DemoClock } from './clock.ts'
import { generateSeed } from './seed.ts'
import type { DemoStorage } from './storage.ts'
import { byId, type Collection, type CollectionChanges } from './collection.ts'
import * as z from 'zod/mini'
import { changesSchema, StateSlot } from './persistence.ts'

/** What the Runtime Manager part of a fleet's state persists (besides version and anchor). */
interface RuntimeManagerState {
  nextId: number
  tokensNotBefore: number
  servers: CollectionChanges<ServerRow, number>
  groups: CollectionChanges<GroupRow, number>
  clusters: CollectionChanges<ClusterRow, number>
  applications: CollectionChanges<ApplicationRow, number>
}

const RuntimeManagerStateSchema: z.ZodMiniType<RuntimeManagerState> = z.object({
  nextId: z.number(),
  // A state saved before sign-outs revoked tokens has none: nothing was revoked.
  tokensNotBefore: z._default(z.number(), 0),
  servers: changesSchema<ServerRow, number>(z.number()),
  groups: changesSchema<GroupRow, number>(z.number()),
  clusters: changesSchema<ClusterRow, number>(z.number()),
  applications: changesSchema<ApplicationRow, number>(z.number()),
})

interface Membership {
  group?: GroupRow
  cluster?: ClusterRow
  serverIp?: string
}

export interface DemoDbOptions {
  fleet: FleetSize
  storage: DemoStorage
  /** The backend's one clock (shared with the other stores); a fresh one when absent. */
  clock?: DemoClock
  /** Milliseconds to wait before writing changes (0 = immediately). */
  persistDelayMs?: number
}

/**
 * The demo backend's state for one fleet: generated from a fixed seed, overlaid with
 * what the operator changed (persisted), and moved along by a lifecycle clock that is
 * evaluated whenever a request is served.
 */
export class DemoDb {
  readonly fleet: FleetSize
  readonly organization: Organization
  readonly environments: readonly EnvironmentRow[]
  readonly servers: Collection<ServerRow, number>
  readonly groups: Collection<GroupRow, number>
  readonly clusters: Collection<ClusterRow, number>
  readonly applications: Collection<ApplicationRow, number>
  /** Tokens issued before this instant are rejected (lets tests expire a session). */
  tokensNotBefore: number
  private nextIdValue: number
  private readonly anchor: number
  private readonly slot: StateSlot<RuntimeManagerState>
  readonly clock: DemoClock
  private readonly persistDelayMs: number
  private persistTimer: ReturnType<typeof setTimeout> | null = null
  private membershipCache: Map<number, Membership> | null = null
  /** Registration tokens handed out, per environment (not persisted: they expire anyway). */
  readonly registrationTokens = new Map<string, string>()
  /** Applications with server copies still moving (lifecycle clock). */
  private readonly pendingApps = new Set<number>()

  constructor(options: DemoDbOptions) {
    this.fleet = options.fleet
    this.slot = new StateSlot(options.storage, options.fleet, undefined, RuntimeManagerStateSchema)
    this.clock = options.clock ?? new DemoClock()
    this.persistDelayMs = options.persistDelayMs ?? 0
    const saved = this.slot.read()
    this.anchor = saved?.anchor ?? this.clock.now()
    const seed = generateSeed(options.fleet, this.anchor)
    this.organization = seed.organization
    this.environments = seed.environments
    this.servers = byId(seed.servers, saved?.servers)
    this.groups = byId(seed.groups, saved?.groups)
    this.clusters = byId(seed.clusters, saved?.clusters)
    this.applications = byId(seed.applications, saved?.applications)
    this.nextIdValue = Math.max(seed.nextId, saved?.nextId ?? 0)
    this.tokensNotBefore = saved?.tokensNotBefore ?? 0
    for (const app of saved?.applications.upserts ?? []) {
      if (app.serverArtifacts.some((a) => a.settleAt !== undefined)) this.pendingApps.add(app.id)
    }
    if (!saved) this.persistNow()
  }

  now(): number {
    return this.clock.now()
  }

  /** Moves the shared clock forward (tests, and the demo panel's "skip ahead"). */
  advanceClock(ms: number): void {
    this.clock.advance(ms)
  }

  newId(): number {
    return this.nextIdValue++
  }

  environment(envId: string): EnvironmentRow | undefined {
    return this.environments.find((e) => e.id === envId)
  }

  /** Marks an application whose server copies were given settle times. */
  trackPending(appId: number): void {
    this.pendingApps.add(appId)
  }

  /** Forgets an application that has nothing left to settle (or no longer exists). */
  untrackPending(appId: number): void {
    this.pendingApps.delete(appId)
  }

  /** Applications with server copies still moving, oldest first. */
  pendingApplicationIds(): number[] {
    return [...this.pendingApps]
  }

  /** Records that state changed: drops derived caches and schedules persistence. */
  changed(): void {
    this.membershipCache = null
    if (this.persistDelayMs <= 0) {
      this.persistNow()
      return
    }
    if (this.persistTimer) return
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null
      this.persistNow()
    }, this.persistDelayMs)
  }

  /**
   * Forgets the saved state (a reset). A write still scheduled would bring the old state
   * back after the reset, so it is dropped too.
   */
  forget(): void {
    if (this.persistTimer) clearTimeout(this.persistTimer)
    this.persistTimer = null
    this.slot.forget()
  }

  persistNow(): void {
    this.slot.write(this.anchor, {
      nextId: this.nextIdValue,
      tokensNotBefore: this.tokensNotBefore,
      servers: this.servers.changes(),
      groups: this.groups.changes(),
      clusters: this.clusters.changes(),
      applications: this.applications.changes(),
    })
  }

  private membership(): Map<number, Membership> {
    if (this.membershipCache) return this.membershipCache
    const map = new Map<number, Membership>()
    for (const group of this.groups.all()) for (const id of group.serverIds) map.set(id, { group })
    for (const cluster of this.clusters.all()) {
      for (const member of cluster.members)
        map.set(member.serverId, { cluster, serverIp: member.serverIp })
    }
    this.membershipCache = map
    return map
  }

  /** The group or cluster a server belongs to, if any. */
  membershipOf(serverId: number): Membership | undefined {
    return this.membership().get(serverId)
  }

  /** A server as the API shows it, with membership fields derived from groups and clusters. */
  serverView(row: ServerRow): Server {
    const { envId: _env, connectAt: _connect, ...server } = row
    const member = this.membership().get(row.id)
    if (member?.group)
      return { ...server, serverGroupId: member.group.id, serverGroupName: member.group.name }
    if (member?.cluster) {
      return {
        ...server,
        clusterId: member.cluster.id,
        clusterName: member.cluster.name,
        serverIp: member.serverIp ?? null,
        currentClusteringIp: member.serverIp ?? null,
        currentClusteringPort: member.cluster.multicastEnabled ? null : 5701,
      }
    }
    return server
  }

  private membersView(ids: readonly number[]): Server[] {
    const out: Server[] = []
    for (const id of ids) {
      const row = this.servers.get(id)
      if (row) out.push(this.serverView(row))
    }
    return out
  }

  groupView(row: GroupRow): ServerGroup {
    const servers = this.membersView(row.serverIds)
    return {
      id: row.id,
      name: row.name,
      type: 'SERVER_GROUP',
      status: memberStatusOf(servers),
      servers,
      timeCreated: row.timeCreated,
      timeUpdated: row.timeUpdated,
    }
  }

  clusterView(row: ClusterRow): Cluster {
    const servers = this.membersView(row.members.map((m) => m.serverId))
    const running = servers.filter((s) => s.status === 'RUNNING').map((s) => s.id)
    const visibilityMap: Record<string, number[]> = {}
    for (const s of servers) visibilityMap[String(s.id)] = s.status === 'RUNNING' ? running : []
    return {
      id: row.id,
      name: row.name,
      type: 'CLUSTER',
      status: memberStatusOf(servers),
      multicastEnabled: row.multicastEnabled,
      primaryNodeId: row.primaryNodeId,
      servers,
      visibilityMap,
      timeCreated: row.timeCreated,
      timeUpdated: row.timeUpdated,
    }
  }

  /** The server, group or cluster with this id, as embedded in an application. */
  targetView(id: number): Application['target'] | undefined {
    const server = this.servers.get(id)
    if (server) return { ...this.serverView(server), type: 'SERVER' }
    const group = this.groups.get(id)
    if (group) return { ...this.groupView(group), type: 'SERVER_GROUP' }
    const cluster = this.clusters.get(id)
    if (cluster) return { ...this.clusterView(cluster), type: 'CLUSTER' }
    return undefined
  }

  /**
   * Applications as the list answers them: the embedded target's servers are cut to id,
   * name and status (a choice, ADR 006), which keeps 10,000 applications a few MB, and
   * each target is built once per answer (thousands of applications share a few targets).
   * `uptime` is left to the application's own answer: it changes every millisecond, and
   * a list that changes on every poll could never be answered 304 (ADR 010).
   */
  applicationListViews(rows: readonly ApplicationRow[]): Application[] {
    const targets = new Map<number, Application['target']>()
    return rows.map((row) => {
      let target = targets.get(row.targetId)
      if (!target) {
        target = this.targetSummary(row.targetId)
        targets.set(row.targetId, target)
      }
      const { uptime: _uptime, ...view } = this.applicationView(row, target)
      return view
    })
  }

  private targetSummary(targetId: number): Application['target'] {
    const t = this.targetView(targetId) ?? removedTarget(targetId)
    return {
      id: t.id,
      name: t.name,
      type: t.type,
      status: t.status,
      servers: t.servers?.map((s) => ({ id: s.id, name: s.name, status: s.status })),
    }
  }

  applicationView(
    row: ApplicationRow,
    target: Application['target'] = this.targetView(row.targetId) ?? removedTarget(row.targetId),
  ): Application {
    return {
      id: row.id,
      name: row.name,
      desiredStatus: row.desiredStatus,
      lastReportedStatus: row.lastReportedStatus,
      started: row.lastReportedStatus === 'STARTED',
      uptime: row.startedAt === null ? null : Math.max(0, this.now() - row.startedAt),
      artifact: row.artifact,
      target,
      serverArtifacts: row.serverArtifacts.map((a) => ({
        id: a.id,
        serverId: a.serverId,
        artifactName: row.artifact.name,
        deploymentId: a.deploymentId,
        desiredStatus: a.desiredStatus,
        lastReportedStatus: a.lastReportedStatus,
        message: a.message,
        discovered: false,
      })),
      configuration: row.configuration,
      timeCreated: row.timeCreated,
      timeUpdated: row.timeUpdated,
    }
  }

  /** Ids of the servers an application target covers. */
  targetServerIds(targetId: number): number[] {
    if (this.servers.get(targetId)) return [targetId]
    const group = this.groups.get(targetId)
    if (group) return group.serverIds
    const cluster = this.clusters.get(targetId)
    if (cluster) return cluster.members.map((m) => m.serverId)
    return []
  }
}

/** What an application shows as its target once that target no longer exists. */
function removedTarget(id: number): Application['target'] {
  return { id, name: '(removed)', type: 'SERVER' }
}
