import {
  membershipReason,
  targetNameProblem,
  targetNameTaken,
} from '../../api/runtime-manager/target-rules.ts'
import type { CreateServerGroupBody } from '../../api/runtime-manager/target-schemas.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'

export interface CreateGroupValues {
  name: string
  serverIds: number[]
}

export interface CreateGroupErrors {
  name?: string
  servers?: string
}

export type CreateGroupValidation =
  { ok: true; body: CreateServerGroupBody } | { ok: false; errors: CreateGroupErrors }

/**
 * Checks the create-group form against what the console knows: a valid, unused name and
 * at least one individual server (one already in a group or cluster cannot be chosen; it
 * may have joined one since the form opened). The backend checks again.
 */
export function validateCreateGroup(
  values: CreateGroupValues,
  servers: readonly Server[],
  takenNames: readonly string[],
): CreateGroupValidation {
  const errors: CreateGroupErrors = {}
  const name = values.name.trim()
  const nameError = targetNameProblem(name) ?? targetNameTaken(name, takenNames)
  if (nameError) errors.name = nameError
  if (values.serverIds.length === 0) errors.servers = 'Choose at least one server for the group.'
  else {
    const byId = new Map(servers.map((s) => [s.id, s]))
    for (const id of values.serverIds) {
      const server = byId.get(id)
      const reason = server ? membershipReason(server) : 'It is no longer registered'
      if (reason) {
        const why = reason.charAt(0).toLowerCase() + reason.slice(1)
        errors.servers = `${server?.name ?? `Server ${id}`} cannot join: ${why}.`
        break
      }
    }
  }
  if (errors.name || errors.servers) return { ok: false, errors }
  return { ok: true, body: { name, serverIds: [...values.serverIds] } }
}
