import type { CreateServerGroupBody } from '../../api/runtime-manager/target-schemas.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { joinProblem, newTargetNameProblem } from './target-form-model.ts'

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
  const nameError = newTargetNameProblem(name, takenNames)
  if (nameError) errors.name = nameError
  if (values.serverIds.length === 0) errors.servers = 'Choose at least one server for the group.'
  else {
    const problem = joinProblem(values.serverIds, servers)
    if (problem) errors.servers = problem
  }
  if (errors.name || errors.servers) return { ok: false, errors }
  return { ok: true, body: { name, serverIds: [...values.serverIds] } }
}
