import type { ChangeLabel } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import { revalidatingGet } from '../../lib/revalidate.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import type { VerifyOptions } from '../../lib/outcome.ts'
import {
  ServerGroupEnvelopeSchema,
  ServerGroupListSchema,
  type CreateServerGroupBody,
  type ServerGroup,
} from './target-schemas.ts'
import {
  createTargetRequest,
  deleteTarget,
  deleteTargetRequest,
  getTarget,
  removeTargetServerRequest,
  targetQueryFactory,
  targetServerRequest,
  useCreateTarget,
  useDeleteTarget,
  useRemoveTargetServer,
  verifyTargetMember,
  type TargetResource,
} from './target-requests.ts'

const BASE = '/hybrid/api/v1'

/** Server groups in the hybrid API (the requests are shared with clusters). */
export const SERVER_GROUPS: TargetResource<ServerGroup> = {
  collection: 'serverGroups',
  key: 'server-groups',
  envelope: ServerGroupEnvelopeSchema,
}

/** The list is polled: remembered with its ETag so an idle poll revalidates (ADR 010). */
const getList = revalidatingGet<{ data: PartialList<ServerGroup> }>()

export async function listServerGroups(
  scope: EnvScope,
  signal?: AbortSignal,
): Promise<PartialList<ServerGroup>> {
  return (
    await getList({
      method: 'GET',
      path: `${BASE}/serverGroups`,
      scope,
      schema: ServerGroupListSchema,
      signal,
    })
  ).data
}

/** `GET /serverGroups/{id}`. */
export function getServerGroup(
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<ServerGroup> {
  return getTarget(SERVER_GROUPS, scope, id, signal)
}

/** `POST /serverGroups {name, serverIds}`: the exact call, for the curl preview and for sending. */
export function createServerGroupRequest(
  scope: EnvScope,
  body: CreateServerGroupBody,
): RequestSpec<{ data: ServerGroup }> {
  return createTargetRequest(SERVER_GROUPS, scope, body)
}

/** `DELETE /serverGroups/{id}`. */
export function deleteServerGroupRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return deleteTargetRequest(SERVER_GROUPS, scope, id, label)
}

/** `POST /serverGroups/{id}/servers/{serverId}`: any 2xx answer is success. */
export function addGroupServerRequest(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return targetServerRequest(SERVER_GROUPS, scope, 'POST', groupId, `/${serverId}`, label)
}

/** `DELETE /serverGroups/{id}/servers/{serverId}`. */
export function removeGroupServerRequest(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return removeTargetServerRequest(SERVER_GROUPS, scope, groupId, serverId, label)
}

/**
 * Deletes a group; after a lost answer, a 404 on reading it back means it is gone.
 * `label` names it for the audit trail (ADR 015).
 */
export function deleteServerGroup(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
) {
  return deleteTarget(SERVER_GROUPS, scope, id, label, options)
}

/** The read-back of a group membership change (see `verifyMembership`). */
export function verifyGroupMember(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  member: boolean,
) {
  return verifyTargetMember(SERVER_GROUPS, scope, groupId, serverId, member)
}

export const serverGroupQueries = targetQueryFactory(SERVER_GROUPS, listServerGroups)

/** Creates a group; resolves with it once the lists show it. */
export function useCreateServerGroup(scope: EnvScope) {
  return useCreateTarget<ServerGroup, CreateServerGroupBody>(scope, SERVER_GROUPS, listServerGroups)
}

/** Deletes a group; only the lists are refetched (its page is about to be left). */
export function useDeleteServerGroup(scope: EnvScope) {
  return useDeleteTarget(scope, SERVER_GROUPS)
}

/** Removes a server; it keeps the applications it had (documented). */
export function useRemoveServerFromGroup(scope: EnvScope) {
  return useRemoveTargetServer(scope, SERVER_GROUPS)
}
