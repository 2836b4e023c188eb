import type { Artifact } from '../api/runtime-manager/application-schemas.ts'
import type { Server } from '../api/runtime-manager/server-schemas.ts'
import type { DemoRole } from './scopes.ts'

/**
 * The demo backend's own records. They hold what the real backend would store; the
 * answers (membership fields, embedded targets, server artifacts) are derived from them
 * when a request is served, so they can never disagree with each other.
 */
export type ServerRow = Omit<
  Server,
  | 'serverGroupId'
  | 'serverGroupName'
  | 'clusterId'
  | 'clusterName'
  | 'serverIp'
  | 'currentClusteringIp'
  | 'currentClusteringPort'
> & {
  envId: string
  /** When an agent that just registered finishes connecting (lifecycle clock). */
  connectAt?: number
}

export interface GroupRow {
  id: number
  envId: string
  name: string
  serverIds: number[]
  timeCreated: number
  timeUpdated: number
}

export interface ClusterRow {
  id: number
  envId: string
  name: string
  multicastEnabled: boolean
  /** serverId → the clustering IP given for it (unicast) or its first address. */
  members: Array<{ serverId: number; serverIp: string }>
  primaryNodeId: number | null
  timeCreated: number
  timeUpdated: number
}

export interface ServerArtifactRow {
  id: number
  serverId: number
  desiredStatus: string
  lastReportedStatus: string
  message: string | null
  deploymentId: number
  /** Lifecycle clock: when this copy reaches `settleTo` (with `settleMessage`). */
  settleAt?: number
  settleTo?: string
  settleMessage?: string | null
}

export interface ApplicationRow {
  id: number
  envId: string
  name: string
  targetId: number
  desiredStatus: string
  lastReportedStatus: string
  artifact: Artifact
  configuration: Record<string, string>
  serverArtifacts: ServerArtifactRow[]
  timeCreated: number
  timeUpdated: number
  /** Epoch ms when the application last reached STARTED, for `uptime`. */
  startedAt: number | null
  /** While a deployment runs (desiredStatus UPDATED): the status it aims for. */
  pendingDesired?: string
}

export interface EnvironmentRow {
  id: string
  name: string
  organizationId: string
  isProduction: boolean
  type: 'sandbox' | 'production'
}

export interface Organization {
  id: string
  name: string
}

/** A demo connected app: its credentials are shown on the sign-in page in demo mode. */
export interface DemoIdentity {
  role: DemoRole
  clientId: string
  clientSecret: string
  name: string
  userId: string
  username: string
  firstName: string
  lastName: string
  /** The scope names its connected app carries (what `/accounts/api/me` reports). */
  scopes: readonly string[]
}

export type FleetSize = 'small' | 'large'
