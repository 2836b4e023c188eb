import { memberRollup, rollupStatus } from '../../api/runtime-manager/target-rules.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import { toEpochMs } from '../../lib/format.ts'
import { sortByColumn } from '../../lib/sort-by-column.ts'

/** Everything that shapes the server groups list, as kept in the URL. */
export interface GroupListParams {
  q: string
  /** Roll-up statuses shown (RUNNING, PARTIALLY_RUNNING, DISCONNECTED); empty = all. */
  statuses: string[]
  sort: SortState
}

export const GROUP_SORT_KEYS = ['name', 'status', 'servers', 'created'] as const
const DEFAULT_SORT: SortState = { id: 'name', desc: false }

export function parseGroupListParams(search: URLSearchParams): GroupListParams {
  const sortParam = search.get('sort') ?? ''
  const desc = sortParam.startsWith('-')
  const sortId = desc ? sortParam.slice(1) : sortParam
  return {
    q: search.get('q') ?? '',
    statuses: (search.get('status') ?? '').split(',').filter(Boolean),
    sort: GROUP_SORT_KEYS.some((k) => k === sortId) ? { id: sortId, desc } : DEFAULT_SORT,
  }
}

/** Writes the list state back, leaving defaults out so URLs stay short. */
export function groupListSearch(params: GroupListParams): URLSearchParams {
  const out = new URLSearchParams()
  if (params.q) out.set('q', params.q)
  if (params.statuses.length > 0) out.set('status', params.statuses.join(','))
  if (params.sort.id !== DEFAULT_SORT.id || params.sort.desc !== DEFAULT_SORT.desc)
    out.set('sort', `${params.sort.desc ? '-' : ''}${params.sort.id}`)
  return out
}

function searchable(group: ServerGroup): string {
  return [
    group.name,
    ...group.servers.flatMap((s) => [s.name, ...(s.addresses ?? []).map((a) => a.ip)]),
  ]
    .join(' ')
    .toLowerCase()
}

/** The text filter only: the base for the status facet counts. */
export function filterGroupsExceptStatus(
  groups: readonly ServerGroup[],
  params: GroupListParams,
): ServerGroup[] {
  const q = params.q.trim().toLowerCase()
  return q ? groups.filter((g) => searchable(g).includes(q)) : [...groups]
}

export function filterGroups(
  groups: readonly ServerGroup[],
  params: GroupListParams,
): ServerGroup[] {
  const base = filterGroupsExceptStatus(groups, params)
  return params.statuses.length === 0
    ? base
    : base.filter((g) => params.statuses.includes(rollupStatus(g.servers)))
}

function sortValue(group: ServerGroup, id: string): string | number {
  switch (id) {
    case 'status': {
      // Worst first when ascending: the share of members running.
      const r = memberRollup(group.servers)
      return r.total === 0 ? -1 : r.running / r.total
    }
    case 'servers':
      return group.servers.length
    case 'created':
      return toEpochMs(group.timeCreated) ?? 0
    default:
      return group.name
  }
}

/** A stable sort by one column; ties fall back to name, then id. */
export function sortGroups(groups: readonly ServerGroup[], sort: SortState): ServerGroup[] {
  return sortByColumn(groups, sort, sortValue)
}
