import type { ReactNode } from 'react'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import {
  membershipOf,
  targetNameClash,
  targetNameProblem,
} from '../../api/runtime-manager/target-rules.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { message } from '../../components/i18n.tsx'
import { t } from '../../lib/i18n.ts'
import { problemText } from '../../lib/problem-text.ts'

/** What is wrong with the name of a new group or cluster (its syntax, or another has it), or null. */
export function newTargetNameProblem(name: string, takenNames: readonly string[]): string | null {
  const problem = targetNameProblem(name)
  if (problem !== null) return problemText(problem)
  const clash = targetNameClash(name, takenNames)
  return clash === null ? null : t('targets.create.nameTaken', { name: isolateText(clash) })
}

/**
 * Why a server cannot join a group or cluster (it is in one already), or null when it can:
 * shown beside it in a server picker, the group's or cluster's name isolated as API text.
 */
export function membershipReason(server: Server): ReactNode {
  const membership = membershipOf(server)
  if (membership === null) return null
  return message(
    membership.kind === 'group' ? 'targets.membership.inGroup' : 'targets.membership.inCluster',
    { name: membership.name },
  )
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
    const membership = membershipOf(server)
    if (membership) {
      const values = { name: isolateText(server.name), target: isolateText(membership.name) }
      return membership.kind === 'group'
        ? t('targets.join.inGroup', values)
        : t('targets.join.inCluster', values)
    }
  }
  return undefined
}
