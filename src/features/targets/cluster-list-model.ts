import { memberRollup, rollupStatus } from '../../api/runtime-manager/target-rules.ts'
import type { Cluster } from '../../api/runtime-manager/target-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import { toEpochMs } from '../../lib/format.ts'
import { sortByColumn } from '../../lib/sort-by-column.ts'

/** Everything that shapes the clusters list, as kept in the URL. */
export interface ClusterListParams {
  q: string
  /** Roll-up statuses shown (RUNNING, PARTIALLY_RUNNING, DISCONNECTED); empty = all. */
  statuses: string[]
  mode: '' | 'multicast' | 'unicast'
  sort: SortState
}

export const CLUSTER_SORT_KEYS = [
  'name',
  'status',
  'mode',
  'servers',
  'primary',
  'created',
] as const
const DEFAULT_SORT: SortState = { id: 'name', desc: false }

export function parseClusterListParams(search: URLSearchParams): ClusterListParams {
  const sortParam = search.get('sort') ?? ''
  const desc = sortParam.startsWith('-')
  const sortId = desc ? sortParam.slice(1) : sortParam
  const mode = search.get('mode')
  return {
    q: search.get('q') ?? '',
    statuses: (search.get('status') ?? '').split(',').filter(Boolean),
    mode: mode === 'multicast' || mode === 'unicast' ? mode : '',
    sort: CLUSTER_SORT_KEYS.some((k) => k === sortId) ? { id: sortId, desc } : DEFAULT_SORT,
  }
}

/** Writes the list state back, leaving defaults out so URLs stay short. */
export function clusterListSearch(params: ClusterListParams): URLSearchParams {
  const out = new URLSearchParams()
  if (params.q) out.set('q', params.q)
  if (params.statuses.length > 0) out.set('status', params.statuses.join(','))
  if (params.mode) out.set('mode', params.mode)
  if (params.sort.id !== DEFAULT_SORT.id || params.sort.desc !== DEFAULT_SORT.desc)
    out.set('sort', `${params.sort.desc ? '-' : ''}${params.sort.id}`)
  return out
}

/** The primary node's name, or '' when none is reported. */
export function primaryName(cluster: Cluster): string {
  return cluster.servers.find((s) => s.id === cluster.primaryNodeId)?.name ?? ''
}

function searchable(cluster: Cluster): string {
  return [
    cluster.name,
    ...cluster.servers.flatMap((s) => [
      s.name,
      s.serverIp ?? '',
      ...(s.addresses ?? []).map((a) => a.ip),
    ]),
  ]
    .join(' ')
    .toLowerCase()
}

/** Text and mode filters (not status): the base for the status facet counts. */
export function filterClustersExceptStatus(
  clusters: readonly Cluster[],
  params: ClusterListParams,
): Cluster[] {
  const q = params.q.trim().toLowerCase()
  return clusters.filter(
    (c) =>
      (!params.mode || (params.mode === 'multicast') === (c.multicastEnabled === true)) &&
      (!q || searchable(c).includes(q)),
  )
}

export function filterClusters(clusters: readonly Cluster[], params: ClusterListParams): Cluster[] {
  const base = filterClustersExceptStatus(clusters, params)
  return params.statuses.length === 0
    ? base
    : base.filter((c) => params.statuses.includes(rollupStatus(c.servers)))
}

function sortValue(cluster: Cluster, id: string): string | number {
  switch (id) {
    case 'status': {
      const r = memberRollup(cluster.servers)
      return r.total === 0 ? -1 : r.running / r.total
    }
    case 'mode':
      return cluster.multicastEnabled ? 'multicast' : 'unicast'
    case 'servers':
      return cluster.servers.length
    case 'primary':
      return primaryName(cluster)
    case 'created':
      return toEpochMs(cluster.timeCreated) ?? 0
    default:
      return cluster.name
  }
}

/** A stable sort by one column; ties fall back to name, then id. */
export function sortClusters(clusters: readonly Cluster[], sort: SortState): Cluster[] {
  return sortByColumn(clusters, sort, sortValue)
}
