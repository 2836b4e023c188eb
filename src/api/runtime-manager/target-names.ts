import { useQuery } from '@tanstack/react-query'
import type { EnvScope } from '../../lib/describe-request.ts'
import { clusterQueries } from './clusters.ts'
import { serverGroupQueries } from './server-groups.ts'

/**
 * The names of every server group and cluster in the environment: a new group or cluster
 * needs a name unique among both (the backend answers 409 otherwise), so the create forms
 * check it before sending.
 */
export function useTakenTargetNames(scope: EnvScope): string[] {
  const groups = useQuery(serverGroupQueries.list(scope))
  const clusters = useQuery(clusterQueries.list(scope))
  return [
    ...(groups.data?.items ?? []).map((g) => g.name),
    ...(clusters.data?.items ?? []).map((c) => c.name),
  ]
}
