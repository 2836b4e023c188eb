import type { Application } from './application-schemas.ts'

/** Where an application stands, read from its desired status and every server's report. */
export type ApplicationPhase =
  'deploying' | 'failed' | 'starting' | 'stopping' | 'started' | 'partial' | 'stopped' | 'unknown'

export interface ApplicationState {
  phase: ApplicationPhase
  /** Still moving toward what was asked: worth polling. */
  settling: boolean
  /** Servers of the target, and how many report each outcome. */
  servers: number
  started: number
  failed: number
  /** Servers that cannot report (disconnected): their copies cannot settle. */
  unreachable: number
  /** The first failure message a server reported, if any. */
  failure: string | null
}

/**
 * Derives the state an operator cares about (deploying, stopping, failed on 1 of 3 ...)
 * from `desiredStatus`, `lastReportedStatus` and the per-server artifacts. Copies on
 * disconnected servers are counted as unreachable and never keep the state "moving".
 */
export function applicationState(app: Application): ApplicationState {
  // Parsed answers are immutable and kept by identity (an unchanged poll returns the same
  // objects), so each application is derived once: 10,000 of them are read on every render
  // that asks whether anything is still moving.
  const known = derived.get(app)
  if (known) return known
  const state = deriveState(app)
  derived.set(app, state)
  return state
}

const derived = new WeakMap<Application, ApplicationState>()

/** A member server's status by id: a target has a few, so a scan beats building a map. */
function memberStatus(app: Application, serverId: number): string | undefined {
  if (app.target.type === 'SERVER')
    return app.target.id === serverId ? app.target.status : undefined
  // The last one listed, should an id be listed twice (as a map built from the list would).
  let status: string | undefined
  for (const member of app.target.servers ?? []) {
    if (member.id === serverId) status = member.status
  }
  return status
}

// One pass over the server copies, without maps or intermediate arrays: 10,000
// applications are derived before the list's first rows (issue 17).
function deriveState(app: Application): ApplicationState {
  const artifacts = app.serverArtifacts ?? []
  const unreachableIds: number[] = []
  let started = 0
  let failed = 0
  let failure: string | null = null
  for (const a of artifacts) {
    if (memberStatus(app, a.serverId) === 'DISCONNECTED' && !unreachableIds.includes(a.serverId))
      unreachableIds.push(a.serverId)
    if (a.lastReportedStatus === 'STARTED') started++
    if (a.lastReportedStatus.includes('FAILED')) {
      failed++
      if (failure === null && a.message) failure = a.message
    }
  }
  const base = {
    servers: artifacts.length,
    started,
    failed,
    unreachable: unreachableIds.length,
    failure,
  }
  if (artifacts.length === 0) {
    const reported = app.lastReportedStatus
    if (app.desiredStatus === 'UPDATED' || reported === 'UNDEPLOYED')
      return { ...base, phase: 'deploying', settling: true }
    if (reported.includes('FAILED')) return { ...base, phase: 'failed', settling: false }
    if (app.desiredStatus !== reported) {
      const phase = app.desiredStatus === 'STOPPED' ? 'stopping' : 'starting'
      return { ...base, phase, settling: true }
    }
    if (reported === 'STARTED') return { ...base, phase: 'started', settling: false }
    if (reported === 'STOPPED') return { ...base, phase: 'stopped', settling: false }
    return { ...base, phase: 'unknown', settling: false }
  }
  if (app.desiredStatus === 'UPDATED') return { ...base, phase: 'deploying', settling: true }
  if (base.failed > 0) return { ...base, phase: 'failed', settling: false }
  const want = app.desiredStatus
  const moving = artifacts.some(
    (a) => !unreachableIds.includes(a.serverId) && a.lastReportedStatus !== want,
  )
  if (moving) {
    return { ...base, phase: want === 'STOPPED' ? 'stopping' : 'starting', settling: true }
  }
  if (want === 'STARTED') {
    return {
      ...base,
      phase: base.started === artifacts.length ? 'started' : 'partial',
      settling: false,
    }
  }
  if (want === 'STOPPED') return { ...base, phase: 'stopped', settling: false }
  return { ...base, phase: 'unknown', settling: false }
}

/** Roll-up of server reports into one application status, as the API reports it. */
export function rollupReportedStatus(reports: readonly string[]): string {
  if (reports.length === 0) return 'UNDEPLOYED'
  const failed = reports.find((r) => r.includes('FAILED'))
  if (failed) return failed
  if (reports.every((r) => r === reports[0])) return reports[0] ?? 'UNDEPLOYED'
  if (reports.includes('STARTED')) return 'STARTED'
  if (reports.includes('UNDEPLOYED')) return 'UNDEPLOYED'
  return reports[0] ?? 'UNDEPLOYED'
}
