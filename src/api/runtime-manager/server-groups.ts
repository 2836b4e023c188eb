import { queryOptions } from '@tanstack/react-query'
import type { EnvScope } from '../../lib/describe-request.ts'
import { request } from '../../lib/request.ts'
import { envelope } from './envelope.ts'
import { ServerGroupListSchema, ServerGroupSchema, type ServerGroup } from './target-schemas.ts'

const BASE = '/hybrid/api/v1'

export async function listServerGroups(
  scope: EnvScope,
  signal?: AbortSignal,
): Promise<ServerGroup[]> {
  return (
    await request({
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
      schema: envelope(ServerGroupSchema),
      signal,
    })
  ).data
}

export const serverGroupQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'server-groups'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...serverGroupQueries.all(scope), 'list'],
      queryFn: ({ signal }) => listServerGroups(scope, signal),
      refetchInterval: 30_000,
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...serverGroupQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getServerGroup(scope, id, signal),
      refetchInterval: 30_000,
    }),
}
