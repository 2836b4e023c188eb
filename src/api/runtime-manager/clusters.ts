import type { ChangeLabel } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import { revalidatingGet } from '../../lib/revalidate.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import type { VerifyOptions } from '../../lib/outcome.ts'
import {
  ClusterEnvelopeSchema,
  ClusterListSchema,
  type Cluster,
  type ClusterMemberBody,
  type CreateClusterBody,
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

/** Clusters in the hybrid API (the requests are shared with server groups). */
export const CLUSTERS: TargetResource<Cluster> = {
  collection: 'clusters',
  key: 'clusters',
  envelope: ClusterEnvelopeSchema,
}

/** The list is polled: remembered with its ETag so an idle poll revalidates (ADR 010). */
const getList = revalidatingGet<{ data: PartialList<Cluster> }>()

export async function listClusters(
  scope: EnvScope,
  signal?: AbortSignal,
): Promise<PartialList<Cluster>> {
  return (
    await getList({
      method: 'GET',
      path: `${BASE}/clusters`,
      scope,
      schema: ClusterListSchema,
      signal,
    })
  ).data
}

/** `GET /clusters/{id}`. */
export function getCluster(scope: EnvScope, id: number, signal?: AbortSignal): Promise<Cluster> {
  return getTarget(CLUSTERS, scope, id, signal)
}

/** `POST /clusters {name, multicastEnabled, servers}`: the exact call, for curl and sending. */
export function createClusterRequest(
  scope: EnvScope,
  body: CreateClusterBody,
): RequestSpec<{ data: Cluster }> {
  return createTargetRequest(CLUSTERS, scope, body)
}

/** `DELETE /clusters/{id}`. */
export function deleteClusterRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return deleteTargetRequest(CLUSTERS, scope, id, label)
}

/** `POST /clusters/{id}/servers {serverId, serverIp}`; any 2xx answer is success. */
export function addClusterServerRequest(
  scope: EnvScope,
  clusterId: number,
  member: ClusterMemberBody,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return targetServerRequest(CLUSTERS, scope, 'POST', clusterId, '', label, member)
}

/** `DELETE /clusters/{id}/servers/{serverId}`. */
export function removeClusterServerRequest(
  scope: EnvScope,
  clusterId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return removeTargetServerRequest(CLUSTERS, scope, clusterId, serverId, label)
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
  return deleteTarget(CLUSTERS, scope, id, label, options)
}

/** The read-back of a cluster membership change (see `verifyMembership`). */
export function verifyClusterMember(
  scope: EnvScope,
  clusterId: number,
  serverId: number,
  member: boolean,
) {
  return verifyTargetMember(CLUSTERS, scope, clusterId, serverId, member)
}

export const clusterQueries = targetQueryFactory(CLUSTERS, listClusters)

/** Creates a cluster; resolves with it once the lists show it. */
export function useCreateCluster(scope: EnvScope) {
  return useCreateTarget<Cluster, CreateClusterBody>(scope, CLUSTERS, listClusters)
}

/** Deletes a cluster; only the lists are refetched (its page is about to be left). */
export function useDeleteCluster(scope: EnvScope) {
  return useDeleteTarget(scope, CLUSTERS)
}

/** Removes a server; it keeps the applications it had (the group rule, ADR 007). */
export function useRemoveServerFromCluster(scope: EnvScope) {
  return useRemoveTargetServer(scope, CLUSTERS)
}
