import { queryOptions, useMutation } from '@tanstack/react-query'
import { idOf, labelOf, type ChangeLabel, type LabelledId } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { hybridDeleteRequest } from './delete-request.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import { getRevalidated, type CachedRead, type WithEtag } from '../../lib/etag-cache.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import {
  ClusterEnvelopeSchema,
  ClusterListSchema,
  type Cluster,
  type ClusterMemberBody,
  type CreateClusterBody,
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
export async function listClusters(
  scope: EnvScope,
  read: CachedRead = {},
): Promise<WithEtag<PartialList<Cluster>>> {
  return getRevalidated(
    { method: 'GET', path: `${BASE}/clusters`, scope, schema: ClusterListSchema },
    (body) => body.data,
    read,
  )
}

export async function getCluster(
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<Cluster> {
  return (
    await request({
      method: 'GET',
      path: `${BASE}/clusters/${id}`,
      scope,
      schema: ClusterEnvelopeSchema,
      signal,
    })
  ).data
}

/** `POST /clusters {name, multicastEnabled, servers}`: the exact call, for curl and sending. */
export function createClusterRequest(
  scope: EnvScope,
  body: CreateClusterBody,
): RequestSpec<{ data: Cluster }> {
  return {
    method: 'POST',
    path: `${BASE}/clusters`,
    scope,
    // Named for the audit trail: a refused create answers no name of its own.
    change: { action: 'create', name: body.name },
    body,
    schema: ClusterEnvelopeSchema,
  }
}

/** `DELETE /clusters/{id}`. */
export function deleteClusterRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return hybridDeleteRequest(scope, `/clusters/${id}`, label, 'delete')
}

/** `POST /clusters/{id}/servers {serverId, serverIp}`; any 2xx answer is success. */
export function addClusterServerRequest(
  scope: EnvScope,
  clusterId: number,
  member: ClusterMemberBody,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return {
    method: 'POST',
    path: `${BASE}/clusters/${clusterId}/servers`,
    scope,
    change: { ...label, action: 'add-server' },
    body: member,
    schema: noContent,
  }
}

/** `DELETE /clusters/{id}/servers/{serverId}`. */
export function removeClusterServerRequest(
  scope: EnvScope,
  clusterId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return {
    method: 'DELETE',
    path: `${BASE}/clusters/${clusterId}/servers/${serverId}`,
    scope,
    change: { ...label, action: 'remove-server' },
    schema: noContent,
  }
}

/**
 * Deletes a cluster; after a lost answer, a 404 on reading it back means it is gone.
 * `label` names it for the audit trail (ADR 015).
 */
export function deleteCluster(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
) {
  return sendAndVerify(
    () => request(deleteClusterRequest(scope, id, label)),
    verifyGone(() => getCluster(scope, id), true),
    options,
  )
}

/** The read-back of a cluster membership change (see `verifyMembership`). */
export function verifyClusterMember(
  scope: EnvScope,
  clusterId: number,
  serverId: number,
  member: boolean,
) {
  return verifyMembership(() => getCluster(scope, clusterId), serverId, member)
}

export const clusterQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'clusters'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...clusterQueries.all(scope), 'list'],
      queryFn: (context) => listClusters(scope, context),
      refetchInterval: (query) =>
        targetPollInterval({ servers: (query.state.data?.items ?? []).flatMap((c) => c.servers) }),
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...clusterQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getCluster(scope, id, signal),
      refetchInterval: (query) => targetPollInterval(query.state.data),
    }),
}

/** Creates a cluster; resolves with it once the lists show it. */
export function useCreateCluster(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: async (body: CreateClusterBody) =>
      (
        await sendAndVerify(
          () => request(createClusterRequest(scope, body)),
          verifyCreatedByName(async () => (await listClusters(scope)).items, body.name),
        )
      ).data,
    onSuccess: () => refresh(clusterQueries.all(scope)),
  })
}

/** Deletes a cluster; only the lists are refetched (its page is about to be left). */
export function useDeleteCluster(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: (target: LabelledId) => deleteCluster(scope, idOf(target), labelOf(target)),
    onSuccess: () => refresh([...clusterQueries.all(scope), 'list']),
  })
}

/** Removes a server; it keeps the applications it had (the group rule, ADR 007). */
export function useRemoveServerFromCluster(scope: EnvScope) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: ({
      clusterId,
      serverId,
      label,
    }: {
      clusterId: number
      serverId: number
      label?: ChangeLabel
    }) =>
      sendAndVerify(
        () => request(removeClusterServerRequest(scope, clusterId, serverId, label)),
        verifyClusterMember(scope, clusterId, serverId, false),
      ),
    onSuccess: () => refresh(clusterQueries.all(scope)),
  })
}
