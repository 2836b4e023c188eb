import { queryOptions, useMutation } from '@tanstack/react-query'
import { idOf, labelOf, type ChangeLabel, type LabelledId } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { hybridDeleteRequest } from './delete-request.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import { getRevalidated, type CachedRead, type WithEtag } from '../../lib/etag-cache.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import {
  ServerGroupEnvelopeSchema,
  ServerGroupListSchema,
  type CreateServerGroupBody,
  type ServerGroup,
} from './target-schemas.ts'
import {
  targetPollInterval,
  useRefreshAfterMembershipChange,
  verifyCreatedByName,
  verifyMembership,
} from './targets.ts'
import { sendAndVerify, verifyGone, type VerifyOptions } from '../../lib/outcome.ts'

const BASE = '/hybrid/api/v1'

/** Polled: given its query's context, revalidates the cached copy with its ETag (ADR 010, 020). */
export async function listServerGroups(
  scope: EnvScope,
  read: CachedRead = {},
): Promise<WithEtag<PartialList<ServerGroup>>> {
  return getRevalidated(
    { method: 'GET', path: `${BASE}/serverGroups`, scope, schema: ServerGroupListSchema },
    (body) => body.data,
    read,
  )
}

export async function getServerGroup(
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<ServerGroup> {
  return (
    await request({
      method: 'GET',
      path: `${BASE}/serverGroups/${id}`,
      scope,
      schema: ServerGroupEnvelopeSchema,
      signal,
    })
  ).data
}

/** `POST /serverGroups {name, serverIds}`: the exact call, for the curl preview and for sending. */
export function createServerGroupRequest(
  scope: EnvScope,
  body: CreateServerGroupBody,
): RequestSpec<{ data: ServerGroup }> {
  return {
    method: 'POST',
    path: `${BASE}/serverGroups`,
    scope,
    // Named for the audit trail: a refused create answers no name of its own.
    change: { action: 'create', name: body.name },
    body,
    schema: ServerGroupEnvelopeSchema,
  }
}

/** `DELETE /serverGroups/{id}`. */
export function deleteServerGroupRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return hybridDeleteRequest(scope, `/serverGroups/${id}`, label, 'delete')
}

/** `POST /serverGroups/{id}/servers/{serverId}`: any 2xx answer is success. */
export function addGroupServerRequest(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return {
    method: 'POST',
    path: `${BASE}/serverGroups/${groupId}/servers/${serverId}`,
    scope,
    change: { ...label, action: 'add-server' },
    schema: noContent,
  }
}

/** `DELETE /serverGroups/{id}/servers/{serverId}`. */
export function removeGroupServerRequest(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return {
    method: 'DELETE',
    path: `${BASE}/serverGroups/${groupId}/servers/${serverId}`,
    scope,
    change: { ...label, action: 'remove-server' },
    schema: noContent,
  }
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
  return sendAndVerify(
    () => request(deleteServerGroupRequest(scope, id, label)),
    verifyGone(() => getServerGroup(scope, id), true),
    options,
  )
}

/**
 * Adds (`member`) or removes a server, reading the group back after a lost answer.
 * `label` names the group and the server for the audit trail (ADR 015).
 */
export function changeGroupMember(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  member: boolean,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
) {
  return sendAndVerify(
    () =>
      request(
        member
          ? addGroupServerRequest(scope, groupId, serverId, label)
          : removeGroupServerRequest(scope, groupId, serverId, label),
      ),
    verifyGroupMember(scope, groupId, serverId, member),
    options,
  )
}

/** The read-back of a group membership change (see `verifyMembership`). */
export function verifyGroupMember(
  scope: EnvScope,
  groupId: number,
  serverId: number,
  member: boolean,
) {
  return verifyMembership(() => getServerGroup(scope, groupId), serverId, member)
}

export const serverGroupQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'server-groups'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...serverGroupQueries.all(scope), 'list'],
      queryFn: (context) => listServerGroups(scope, context),
      refetchInterval: (query) =>
        targetPollInterval({ servers: (query.state.data?.items ?? []).flatMap((g) => g.servers) }),
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...serverGroupQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getServerGroup(scope, id, signal),
      refetchInterval: (query) => targetPollInterval(query.state.data),
    }),
}

/** Creates a group; resolves with it once the lists show it. */
export function useCreateServerGroup(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: async (body: CreateServerGroupBody) =>
      (
        await sendAndVerify(
          () => request(createServerGroupRequest(scope, body)),
          verifyCreatedByName(async () => (await listServerGroups(scope)).items, body.name),
        )
      ).data,
    onSuccess: () => refresh(serverGroupQueries.all(scope)),
  })
}

/**
 * Deletes a group. Only the lists are refetched: the deleted group's own page is about
 * to be left, and refetching it would flash "not found" first.
 */
export function useDeleteServerGroup(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: (target: LabelledId) => deleteServerGroup(scope, idOf(target), labelOf(target)),
    onSuccess: () => refresh([...serverGroupQueries.all(scope), 'list']),
  })
}

/** Removes a server; it keeps the applications it had (documented). */
export function useRemoveServerFromGroup(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: ({
      groupId,
      serverId,
      label,
    }: {
      groupId: number
      serverId: number
      label?: ChangeLabel
    }) => changeGroupMember(scope, groupId, serverId, false, label),
    onSuccess: () => refresh(serverGroupQueries.all(scope)),
  })
}
