import { useQuery } from '@tanstack/react-query'
import { clusterQueries } from '../../api/runtime-manager/clusters.ts'
import { serverGroupQueries } from '../../api/runtime-manager/server-groups.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import type { EnvScope } from '../../lib/describe-request.ts'

export interface DeployTarget {
  id: number
  name: string
  kind: 'server' | 'group' | 'cluster'
  status: string
  /** Members, for groups and clusters. */
  size?: number
}

/** A server group or cluster as a deploy target. */
function ofTarget(
  kind: 'group' | 'cluster',
  target: { id: number; name: string; status?: string | null; servers: readonly unknown[] },
): DeployTarget {
  return {
    id: target.id,
    name: target.name,
    kind,
    status: target.status ?? '',
    size: target.servers.length,
  }
}

/**
 * Everything an application can be deployed to: servers that are not part of a group or
 * cluster (those receive the group's or cluster's applications), groups and clusters.
 */
export function useDeployTargets(scope: EnvScope, enabled: boolean) {
  const servers = useQuery({ ...serverQueries.list(scope), enabled })
  const groups = useQuery({ ...serverGroupQueries.list(scope), enabled })
  const clusters = useQuery({ ...clusterQueries.list(scope), enabled })
  const targets: DeployTarget[] = [
    ...(servers.data?.items ?? [])
      .filter((s) => s.serverGroupId == null && s.clusterId == null)
      .map((s) => ({ id: s.id, name: s.name, kind: 'server' as const, status: s.status })),
    ...(groups.data?.items ?? []).map((g) => ofTarget('group', g)),
    ...(clusters.data?.items ?? []).map((c) => ofTarget('cluster', c)),
  ]
  return {
    targets,
    isPending: servers.isPending || groups.isPending || clusters.isPending,
    error: servers.error ?? groups.error ?? clusters.error,
    refetch: () => {
      void servers.refetch()
      void groups.refetch()
      void clusters.refetch()
    },
  }
}
