import { queryOptions } from '@tanstack/react-query'
import type { EnvScope } from '../../lib/describe-request.ts'
import { request } from '../../lib/request.ts'
import { ApplicationListSchema, type Application } from './application-schemas.ts'
import { applicationState } from './application-status.ts'

const BASE = '/hybrid/api/v1'

export interface ApplicationListFilters {
  /** Only applications deployed to this server, group or cluster. */
  targetId?: number
}

export async function listApplications(
  scope: EnvScope,
  filters: ApplicationListFilters,
  signal?: AbortSignal,
): Promise<Application[]> {
  const body = await request({
    method: 'GET',
    path: `${BASE}/applications`,
    query: { targetId: filters.targetId },
    scope,
    schema: ApplicationListSchema,
    signal,
  })
  return body.data
}

/** True while the runtime has not yet reached what the operator asked for. */
export function isApplicationSettling(app: Application): boolean {
  return applicationState(app).settling
}

export const applicationQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'applications'] as const,
  list: (scope: EnvScope, filters: ApplicationListFilters = {}) =>
    queryOptions({
      queryKey: [...applicationQueries.all(scope), 'list', filters],
      queryFn: ({ signal }) => listApplications(scope, filters, signal),
      refetchInterval: (query) => (query.state.data?.some(isApplicationSettling) ? 3_000 : 30_000),
    }),
}
