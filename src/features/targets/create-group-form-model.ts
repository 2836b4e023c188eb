import type { CreateServerGroupBody } from '../../api/runtime-manager/target-schemas.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { Validation } from '../../components/form/use-form.ts'
import { joinProblem, newTargetNameProblem } from './target-form-model.ts'
import { t } from '../../lib/i18n.ts'

export interface CreateGroupValues {
  name: string
  serverIds: number[]
}

export interface CreateGroupErrors {
  name?: string
  servers?: string
}

/** The form kit's check (ADR 021): the create request's body, or a message per field. */
export type CreateGroupValidation = Validation<CreateGroupErrors, CreateServerGroupBody>

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
  if (values.serverIds.length === 0) errors.servers = t('targets.group.chooseOne')
  else {
    const problem = joinProblem(values.serverIds, servers)
    if (problem) errors.servers = problem
  }
  if (errors.name || errors.servers) return { ok: false, errors }
  return { ok: true, input: { name, serverIds: [...values.serverIds] } }
}
