import { resumeCopiesOnServer } from './applications.ts'
import type { DemoDb } from './db.ts'
import type { ServerRow } from './model.ts'
import { reportedStatusOf } from './status-rollup.ts'

/** How long a freshly registered agent takes to connect (lifecycle clock). */
export const AGENT_CONNECT_MS = 4_000

/**
 * The Runtime Manager lifecycle, evaluated lazily: applies every transition that is due on
 * the demo's clock (an agent connecting, server copies settling). Called before each request
 * is served. It lives beside the db rather than in it, so the db does not import the
 * application rules that import it (no cycle).
 */
export function tickLifecycle(db: DemoDb): void {
  const now = db.now()
  let changed = false
  for (const server of db.servers.all()) {
    if (server.connectAt !== undefined && server.connectAt <= now) {
      connectAgent(db, server, now)
      // Copies that waited for this server (it joined a group while away) catch up.
      resumeCopiesOnServer(db, server.id, now)
      changed = true
    }
  }
  for (const id of db.pendingApplicationIds()) {
    if (settleApplication(db, id, now)) changed = true
  }
  if (changed) db.changed()
}

/** The agent's first report: its addresses and runtime come with it. */
function connectAgent(db: DemoDb, server: ServerRow, now: number): void {
  db.servers.update(server.id, ({ connectAt: _done, ...rest }) => ({
    ...rest,
    status: 'RUNNING',
    timeUpdated: now,
    addresses: rest.addresses?.length
      ? rest.addresses
      : [
          {
            ip: `10.20.${server.id % 250}.${(server.id >> 8) % 250 || 1}`,
            networkInterface: 'eth0',
          },
        ],
    runtimeInformation: rest.runtimeInformation ?? {
      jvmInformation: {
        runtime: {
          name: 'OpenJDK Runtime Environment',
          version: '17.0.12+7',
          vendor: 'Eclipse Adoptium',
        },
      },
      osInformation: { name: 'Linux', version: '6.1.0-25-amd64', architecture: 'amd64' },
      timezone: 'UTC',
      encoding: 'UTF-8',
      availableProcessors: 4,
    },
  }))
}

/** Applies the due server reports of one application; true when anything changed. */
function settleApplication(db: DemoDb, id: number, now: number): boolean {
  const app = db.applications.get(id)
  if (!app) {
    db.untrackPending(id)
    return false
  }
  let touched = false
  const serverArtifacts = app.serverArtifacts.map((artifact) => {
    if (artifact.settleAt === undefined || artifact.settleAt > now) return artifact
    touched = true
    const { settleAt: _at, settleTo, settleMessage, ...rest } = artifact
    return {
      ...rest,
      lastReportedStatus: settleTo ?? rest.lastReportedStatus,
      message: settleMessage ?? null,
    }
  })
  if (!touched) return false
  const settled = serverArtifacts.every((a) => a.settleAt === undefined)
  if (settled) db.untrackPending(id)
  const reported = reportedStatusOf(serverArtifacts.map((a) => a.lastReportedStatus))
  db.applications.update(id, ({ pendingDesired, ...rest }) => ({
    ...rest,
    ...(settled || pendingDesired === undefined ? {} : { pendingDesired }),
    desiredStatus: settled && pendingDesired ? pendingDesired : rest.desiredStatus,
    serverArtifacts,
    lastReportedStatus: reported,
    startedAt: reported === 'STARTED' ? (rest.startedAt ?? now) : null,
    timeUpdated: now,
  }))
  return true
}
