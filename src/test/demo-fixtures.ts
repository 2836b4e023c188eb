import type { DemoBackend } from '../demo/backend.ts'

/** The id of a seeded server of `envId` that is in no group or cluster. */
export function loneServerId(db: DemoBackend['db'], envId: string): number {
  const lone = db.servers.all().find((s) => s.envId === envId && !db.membershipOf(s.id))
  if (!lone) throw new Error('the seed has no lone server')
  return lone.id
}
