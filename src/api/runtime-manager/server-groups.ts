import { queryOptions, useMutation } from '@tanstack/react-query'
import {
  changeHeaders,
  idOf,
  labelOf,
  type ChangeLabel,
  type LabelledId,
} from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import { revalidatingGet } from '../../lib/revalidate.ts'
import {
  ServerGroupEnvelopeSchema,
  ServerGroupListSchema,
  type CreateServerGroupBody,
  type ServerGroup,
} from './target-schemas.ts'
import { targetPollInterval, useRefreshAfterMembershipChange } from './targets.ts'

const BASE = '/hybrid/api/v1'

/** The list is polled: remembered with its ETag so an idle poll revalidates (ADR 010). */
const getList = revalidatingGet<{ data: ServerGroup[] }>()

export async function listServerGroups(
  scope: EnvScope,
  signal?: AbortSignal,
): Promise<ServerGroup[]> {
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
  return {
    method: 'DELETE',
    path: `${BASE}/serverGroups/${id}`,
    scope,
    headers: changeHeaders({ ...label, action: 'delete' }),
    schema: noContent,
  }
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
    headers: changeHeaders({ ...label, action: 'add-server' }),
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
    headers: changeHeaders({ ...label, action: 'remove-server' }),
    schema: noContent,
  }
}

export const serverGroupQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'server-groups'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...serverGroupQueries.all(scope), 'list'],
      queryFn: ({ signal }) => listServerGroups(scope, signal),
      refetchInterval: (query) =>
        targetPollInterval({ servers: (query.state.data ?? []).flatMap((g) => g.servers) }),
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
      (await request(createServerGroupRequest(scope, body))).data,
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
    mutationFn: (target: LabelledId) =>
      request(deleteServerGroupRequest(scope, idOf(target), labelOf(target))),
    onSuccess: () => refresh([...serverGroupQueries.all(scope), 'list']),
  })
}

/** Adds a server; the group's applications get deployed to it by the backend. */
export function useAddServerToGroup(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: ({ groupId, serverId }: { groupId: number; serverId: number }) =>
      request(addGroupServerRequest(scope, groupId, serverId)),
    onSuccess: () => refresh(serverGroupQueries.all(scope)),
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
    }) => request(removeGroupServerRequest(scope, groupId, serverId, label)),
    onSuccess: () => refresh(serverGroupQueries.all(scope)),
  })
}
