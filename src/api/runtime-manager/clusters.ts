import { queryOptions } from '@tanstack/react-query'
import type { EnvScope } from '../../lib/describe-request.ts'
import { request } from '../../lib/request.ts'
import { envelope } from './envelope.ts'
import { ClusterListSchema, ClusterSchema, type Cluster } from './target-schemas.ts'

const BASE = '/hybrid/api/v1'

export async function listClusters(scope: EnvScope, signal?: AbortSignal): Promise<Cluster[]> {
  return (
    await request({
      method: 'GET',
      path: `${BASE}/clusters`,
      scope,
      schema: ClusterListSchema,
      signal,
    })
  ).data
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
      schema: envelope(ClusterSchema),
      signal,
    })
  ).data
}

export const clusterQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'clusters'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...clusterQueries.all(scope), 'list'],
      queryFn: ({ signal }) => listClusters(scope, signal),
      refetchInterval: 30_000,
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...clusterQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getCluster(scope, id, signal),
      refetchInterval: 30_000,
    }),
}
