import { reportedStatusOf } from './status-rollup.ts'
import { sha1, toHex } from './web-crypto.ts'
import type { DemoDb } from './db.ts'
import type { ApplicationRow, ServerArtifactRow } from './model.ts'

/** How long the demo runtime takes: a deployment settles in seconds, start/stop faster. */
export const DEPLOY_MS = 2_500
export const START_STOP_MS = 1_500
/** Extra time per additional server, so copies of one application settle one by one. */
const STAGGER_MS = 600

/** What the demo learned from an uploaded artifact. */
export interface ReceivedArtifact {
  fileName: string
  size: number
  checksum: string
  /** A Mule application is a zip archive: its first bytes are "PK\u0003\u0004". */
  isArchive: boolean
}

const NOT_AN_ARCHIVE =
  'Deployment failed: the artifact is not a valid Mule application (it is not a zip archive).'
const DISCONNECTED = 'Server is disconnected: the change waits until it reconnects.'

/** Reads what the demo needs from an uploaded file: size, SHA-1 and whether it is a zip. */
export async function receiveArtifact(file: Blob, fileName: string): Promise<ReceivedArtifact> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const digest = await sha1(bytes)
  return {
    fileName,
    size: bytes.length,
    checksum: toHex(digest),
    isArchive: bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04,
  }
}

function serverRunning(db: DemoDb, serverId: number): boolean {
  return db.servers.get(serverId)?.status === 'RUNNING'
}

/**
 * Starts a deployment on every server of the target: each copy reports UNDEPLOYED, then
 * STARTED (or DEPLOYMENT_FAILED) a few seconds later; copies on disconnected servers wait.
 */
function deploymentArtifacts(
  db: DemoDb,
  targetId: number,
  artifactOk: boolean,
  now: number,
): ServerArtifactRow[] {
  const deploymentId = db.newId()
  return db.targetServerIds(targetId).map((serverId, index) => {
    const running = serverRunning(db, serverId)
    const base: ServerArtifactRow = {
      id: db.newId(),
      serverId,
      desiredStatus: 'STARTED',
      lastReportedStatus: 'UNDEPLOYED',
      message: running ? null : DISCONNECTED,
      deploymentId,
    }
    if (!running) return base
    return {
      ...base,
      settleAt: now + DEPLOY_MS + index * STAGGER_MS,
      settleTo: artifactOk ? 'STARTED' : 'DEPLOYMENT_FAILED',
      settleMessage: artifactOk ? null : NOT_AN_ARCHIVE,
    }
  })
}

/** A deployment under way: updating, to end STARTED (a fresh deploy or a redeploy). */
const DEPLOYING: Pick<ApplicationRow, 'desiredStatus' | 'pendingDesired' | 'lastReportedStatus'> = {
  desiredStatus: 'UPDATED',
  pendingDesired: 'STARTED',
  lastReportedStatus: 'UNDEPLOYED',
}

/** The artifact fields a received file sets (deploy, or update with a new file). */
function fileOf(artifact: ReceivedArtifact, now: number) {
  return {
    fileName: artifact.fileName,
    fileChecksum: artifact.checksum,
    fileSize: artifact.size,
    timeUpdated: now,
  }
}

/** Creates an application and starts deploying it (POST /applications). */
export function deployApplication(
  db: DemoDb,
  envId: string,
  input: {
    name: string
    targetId: number
    artifact: ReceivedArtifact
    configuration: Record<string, string>
  },
): ApplicationRow {
  const now = db.now()
  const serverArtifacts = deploymentArtifacts(db, input.targetId, input.artifact.isArchive, now)
  const row: ApplicationRow = {
    id: db.newId(),
    envId,
    name: input.name,
    targetId: input.targetId,
    ...DEPLOYING,
    artifact: { id: db.newId(), name: input.name, ...fileOf(input.artifact, now) },
    configuration: input.configuration,
    serverArtifacts,
    timeCreated: now,
    timeUpdated: now,
    startedAt: null,
  }
  db.applications.insert(row)
  db.trackPending(row.id)
  db.changed()
  return row
}

/**
 * Redeploys (no artifact) or updates the artifact and/or configuration (PATCH multipart).
 * The application ends STARTED, as a fresh deployment does.
 */
export function redeployApplication(
  db: DemoDb,
  app: ApplicationRow,
  change: { artifact?: ReceivedArtifact; configuration?: Record<string, string> },
): ApplicationRow | undefined {
  const now = db.now()
  // A redeploy without a new file succeeds unless the current file is broken (it failed before).
  const previousBroken = app.serverArtifacts.some((a) => a.message === NOT_AN_ARCHIVE)
  const artifactOk = change.artifact ? change.artifact.isArchive : !previousBroken
  const updated = db.applications.update(app.id, (row) => ({
    ...row,
    ...DEPLOYING,
    artifact: change.artifact ? { ...row.artifact, ...fileOf(change.artifact, now) } : row.artifact,
    configuration: change.configuration ?? row.configuration,
    serverArtifacts: deploymentArtifacts(db, row.targetId, artifactOk, now),
    startedAt: null,
    timeUpdated: now,
  }))
  db.trackPending(app.id)
  db.changed()
  return updated
}

/** Asks every copy to start or stop; copies on disconnected servers cannot follow. */
export function setDesiredStatus(
  db: DemoDb,
  app: ApplicationRow,
  desired: 'STARTED' | 'STOPPED',
): ApplicationRow | undefined {
  const now = db.now()
  let index = 0
  const serverArtifacts = app.serverArtifacts.map((artifact): ServerArtifactRow => {
    const { settleAt: _a, settleTo: _t, settleMessage: _m, ...rest } = artifact
    const next: ServerArtifactRow = { ...rest, desiredStatus: desired }
    if (!serverRunning(db, artifact.serverId)) return { ...next, message: DISCONNECTED }
    // A copy that failed to deploy cannot start: it needs a redeploy.
    if (
      artifact.lastReportedStatus.includes('FAILED') ||
      artifact.lastReportedStatus === 'UNDEPLOYED'
    ) {
      return desired === 'STOPPED'
        ? {
            ...next,
            settleAt: now + START_STOP_MS + index++ * STAGGER_MS,
            settleTo: 'STOPPED',
            settleMessage: null,
          }
        : next
    }
    if (artifact.lastReportedStatus === desired) return { ...next, message: null }
    return {
      ...next,
      settleAt: now + START_STOP_MS + index++ * STAGGER_MS,
      settleTo: desired,
      settleMessage: null,
    }
  })
  const updated = db.applications.update(app.id, ({ pendingDesired: _p, ...row }) => ({
    ...row,
    desiredStatus: desired,
    serverArtifacts,
    lastReportedStatus: reportedStatusOf(serverArtifacts.map((a) => a.lastReportedStatus)),
    timeUpdated: now,
  }))
  if (serverArtifacts.some((a) => a.settleAt !== undefined)) db.trackPending(app.id)
  db.changed()
  return updated
}

/** Both "disconnected" messages (joining a target, a change asked for) start with this. */
const WAITING_PREFIX = 'Server is disconnected'

/**
 * A server's agent reconnected: the copies that waited for it catch up, on the lifecycle
 * clock as a deploy does. A copy held while the server was away (joined a group or
 * cluster, or a deployment reached it) deploys: UNDEPLOYED, then its desired status
 * after the deploy time (or the failure the artifact met on every other server); a start
 * or stop asked for meanwhile settles after the start/stop time. True when anything changed.
 */
export function resumeCopiesOnServer(db: DemoDb, serverId: number, now: number): boolean {
  let changedAny = false
  let index = 0
  for (const app of db.applications.all()) {
    if (!app.serverArtifacts.some((c) => c.serverId === serverId && waitsForServer(c))) continue
    const others = app.serverArtifacts.filter((c) => c.serverId !== serverId)
    const failed = others.length > 0 && others.every((c) => c.lastReportedStatus.includes('FAILED'))
    const serverArtifacts = app.serverArtifacts.map((copy): ServerArtifactRow => {
      if (copy.serverId !== serverId || !waitsForServer(copy)) return copy
      const desired = copy.desiredStatus === 'STOPPED' ? 'STOPPED' : 'STARTED'
      const held = copy.lastReportedStatus === 'UNDEPLOYED' || copy.message === WAITING_PREFIX
      if (!held && copy.lastReportedStatus === desired) return { ...copy, message: null }
      const stagger = index++ * STAGGER_MS
      if (!held)
        return {
          ...copy,
          message: null,
          settleAt: now + START_STOP_MS + stagger,
          settleTo: desired,
          settleMessage: null,
        }
      return {
        ...copy,
        lastReportedStatus: 'UNDEPLOYED',
        message: null,
        settleAt: now + DEPLOY_MS + stagger,
        settleTo: failed ? (others[0]?.lastReportedStatus ?? 'DEPLOYMENT_FAILED') : desired,
        settleMessage: failed ? (others[0]?.message ?? null) : null,
      }
    })
    db.applications.update(app.id, (row) => ({
      ...row,
      serverArtifacts,
      lastReportedStatus: reportedStatusOf(serverArtifacts.map((a) => a.lastReportedStatus)),
      timeUpdated: now,
    }))
    if (serverArtifacts.some((a) => a.settleAt !== undefined)) db.trackPending(app.id)
    changedAny = true
  }
  return changedAny
}

function waitsForServer(copy: ServerArtifactRow): boolean {
  return copy.settleAt === undefined && (copy.message?.startsWith(WAITING_PREFIX) ?? false)
}
