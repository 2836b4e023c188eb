import type { ChangeLabel } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import { revalidatingGet } from '../../lib/revalidate.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import {
  ServerGroupEnvelopeSchema,
  ServerGroupListSchema,
  type CreateServerGroupBody,
  type ServerGroup,
} from './target-schemas.ts'
import {
  targetQueryFactory,
  targetRequestBuilders,
  targetServerRequest,
  type TargetResource,
} from './target-requests.ts'

// Server groups share every request and query with clusters (target-requests.ts); only
// the list fetch and the add request, which has no body here, are their own.

const BASE = '/hybrid/api/v1'

/** Server groups in the hybrid API. */
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
