import type { ChangeLabel } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import {
  ServerGroupEnvelopeSchema,
  ServerGroupListSchema,
  type CreateServerGroupBody,
  type ServerGroup,
} from './target-schemas.ts'
import {
  targetListFetcher,
  targetQueryFactory,
  targetRequestBuilders,
  targetServerRequest,
  type TargetResource,
} from './target-requests.ts'

// Server groups share every request and query with clusters (target-requests.ts); only
// the add request, which names the server in its path and has no body, is their own.

/** Server groups in the hybrid API. */
export const SERVER_GROUPS: TargetResource<ServerGroup> = {
  collection: 'serverGroups',
  key: 'server-groups',
  envelope: ServerGroupEnvelopeSchema,
  listEnvelope: ServerGroupListSchema,
}

/** `GET /serverGroups`: polled, so revalidated with its ETag (ADR 010). */
export const listServerGroups = targetListFetcher(SERVER_GROUPS)

/**
 * `POST /serverGroups {name, serverIds}`, `DELETE /serverGroups/{id}` and
 * `DELETE /serverGroups/{id}/servers/{serverId}`: the exact calls, for curl and sending.
 */
export const {
  createRequest: createServerGroupRequest,
  deleteRequest: deleteServerGroupRequest,
  removeServerRequest: removeGroupServerRequest,
} = targetRequestBuilders<ServerGroup, CreateServerGroupBody>(SERVER_GROUPS)

/** `POST /serverGroups/{id}/servers/{serverId}`: any 2xx answer is success. */
export function addGroupServerRequest(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return targetServerRequest(SERVER_GROUPS, scope, 'POST', groupId, `/${serverId}`, label)
}

export const serverGroupQueries = targetQueryFactory(SERVER_GROUPS, listServerGroups)
