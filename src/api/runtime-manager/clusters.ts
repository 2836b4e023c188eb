import type { ChangeLabel } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import {
  ClusterEnvelopeSchema,
  ClusterListSchema,
  type Cluster,
  type ClusterMemberBody,
  type CreateClusterBody,
} from './target-schemas.ts'
import {
  targetListFetcher,
  targetQueryFactory,
  targetRequestBuilders,
  targetServerRequest,
  type TargetResource,
} from './target-requests.ts'

// Clusters share every request and query with server groups (target-requests.ts); only
// the add request, which carries the member's clustering IP, is their own.

/** Clusters in the hybrid API. */
export const CLUSTERS: TargetResource<Cluster> = {
  collection: 'clusters',
  key: 'clusters',
  envelope: ClusterEnvelopeSchema,
  listEnvelope: ClusterListSchema,
}

/** `GET /clusters`: polled, so revalidated with its ETag (ADR 010). */
export const listClusters = targetListFetcher(CLUSTERS)

/**
 * `POST /clusters {name, multicastEnabled, servers}`, `DELETE /clusters/{id}` and
 * `DELETE /clusters/{id}/servers/{serverId}`: the exact calls, for curl and sending.
 */
export const {
  createRequest: createClusterRequest,
  deleteRequest: deleteClusterRequest,
  removeServerRequest: removeClusterServerRequest,
} = targetRequestBuilders<Cluster, CreateClusterBody>(CLUSTERS)

/** `POST /clusters/{id}/servers {serverId, serverIp}`; any 2xx answer is success. */
export function addClusterServerRequest(
  scope: EnvScope,
  clusterId: number,
  member: ClusterMemberBody,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return targetServerRequest(CLUSTERS, scope, 'POST', clusterId, '', label, member)
}

export const clusterQueries = targetQueryFactory(CLUSTERS, listClusters)
