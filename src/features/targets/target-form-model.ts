import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import {
  membershipReason,
  targetNameProblem,
  targetNameTaken,
} from '../../api/runtime-manager/target-rules.ts'
import { t } from '../../lib/i18n.ts'

/** What is wrong with the name of a new group or cluster (its syntax, or another has it), or null. */
export function newTargetNameProblem(name: string, takenNames: readonly string[]): string | null {
  return targetNameProblem(name) ?? targetNameTaken(name, takenNames)
}

/**
 * Why the first of the chosen servers cannot join a group or cluster (it joined one
 * meanwhile, or is no longer registered), or undefined when every one can.
 */
export function joinProblem(
  serverIds: readonly number[],
  servers: readonly Server[],
): string | undefined {
  const byId = new Map(servers.map((s) => [s.id, s]))
  for (const id of serverIds) {
    const server = byId.get(id)
    if (!server) return t('targets.join.gone', { id })
    const reason = membershipReason(server)
    if (reason) {
      // The reason is a sentence of its own ("Already in …"); here it continues one.
      const why = reason.charAt(0).toLowerCase() + reason.slice(1)
      return t('targets.join.problem', { name: server.name, reason: why })
    }
  }
  return undefined
}
