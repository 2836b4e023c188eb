import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import {
  applicationState,
  type ApplicationPhase,
  type ApplicationState,
} from '../../api/runtime-manager/application-status.ts'
import { isolateText } from '../../components/api-text.tsx'
import type { SortState } from '../../components/data-table.tsx'
import { toEpochMs } from '../../lib/format.ts'

/** Status facets the operator filters by: several phases share one. */
export const STATUS_FACETS = ['started', 'partial', 'moving', 'stopped', 'failed'] as const
export type StatusFacet = (typeof STATUS_FACETS)[number]

export const FACET_LABELS: Record<StatusFacet, string> = {
  started: 'Started',
  partial: 'Partly started',
  moving: 'In progress',
  stopped: 'Stopped',
  failed: 'Failed',
}

export function facetOf(phase: ApplicationPhase): StatusFacet {
  switch (phase) {
    case 'deploying':
    case 'starting':
    case 'stopping':
      return 'moving'
    case 'failed':
      return 'failed'
    case 'partial':
      return 'partial'
    case 'started':
      return 'started'
    default:
      return 'stopped'
  }
}

export interface ApplicationListParams {
  q: string
  statuses: StatusFacet[]
  /** Only applications deployed to this server, group or cluster id. */
  target: number | null
  sort: SortState
}

export const APPLICATION_SORT_KEYS = [
  'name',
  'status',
  'target',
  'artifact',
  'size',
  'updated',
] as const
const DEFAULT_SORT: SortState = { id: 'name', desc: false }

function isFacet(value: string): value is StatusFacet {
  return STATUS_FACETS.some((f) => f === value)
}

export function parseApplicationListParams(search: URLSearchParams): ApplicationListParams {
  const sortParam = search.get('sort') ?? ''
  const desc = sortParam.startsWith('-')
  const sortId = desc ? sortParam.slice(1) : sortParam
  const target = search.get('target')
  return {
    q: search.get('q') ?? '',
    statuses: (search.get('status') ?? '').split(',').filter(isFacet),
    target: target && /^\d+$/.test(target) ? Number(target) : null,
    sort: APPLICATION_SORT_KEYS.some((k) => k === sortId) ? { id: sortId, desc } : DEFAULT_SORT,
  }
}

export function applicationListSearch(params: ApplicationListParams): URLSearchParams {
  const out = new URLSearchParams()
  if (params.q) out.set('q', params.q)
  if (params.statuses.length > 0) out.set('status', params.statuses.join(','))
  if (params.target !== null) out.set('target', String(params.target))
  if (params.sort.id !== DEFAULT_SORT.id || params.sort.desc !== DEFAULT_SORT.desc) {
    out.set('sort', `${params.sort.desc ? '-' : ''}${params.sort.id}`)
  }
  return out
}

/** An application with everything the list filters and sorts by, computed once per fetch. */
export interface ApplicationRow {
  app: Application
  state: ApplicationState
  facet: StatusFacet
  /** Lowercased name, target, artifact file and statuses: the text filter's haystack. */
  haystack: string
  updated: number
  /**
   * Sort keys compared with `<`: a collator is several times slower over 10,000 rows.
   * The name's is always needed (it breaks ties); the others are made the first time the
   * list is sorted by their column, so a list that is never sorted by them never pays.
   */
  keys: { name: string; target?: string; artifact?: string }
}

/**
 * A key that orders as a case-insensitive, numeric-aware collator would for the names
 * operators use (`app-2` before `app-10`): lowercased, with each run of digits padded.
 */
export function sortKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(16, '0'))
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function toRows(apps: readonly Application[]): ApplicationRow[] {
  return apps.map((app) => {
    const state = applicationState(app)
    return {
      app,
      state,
      facet: facetOf(state.phase),
      haystack: [
        app.name,
        app.target.name,
        app.artifact.fileName ?? '',
        app.desiredStatus,
        app.lastReportedStatus,
      ]
        .join(' ')
        .toLowerCase(),
      updated: toEpochMs(app.timeUpdated) ?? 0,
      keys: { name: sortKey(app.name) },
    }
  })
}

/** The targets the applications are deployed to, for the target filter. */
export function targetsOf(rows: readonly ApplicationRow[]): Array<{ id: number; label: string }> {
  const seen = new Map<number, string>()
  for (const { app } of rows) {
    if (seen.has(app.target.id)) continue
    const kind =
      app.target.type === 'CLUSTER'
        ? 'Cluster'
        : app.target.type === 'SERVER_GROUP'
          ? 'Group'
          : 'Server'
    seen.set(app.target.id, `${kind}: ${isolateText(app.target.name)}`)
  }
  return [...seen]
    .map(([id, label]) => ({ id, label }))
    .sort((a, b) => collator.compare(a.label, b.label))
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
const PHASE_ORDER: Record<ApplicationPhase, number> = {
  failed: 0,
  deploying: 1,
  starting: 2,
  stopping: 3,
  partial: 4,
  started: 5,
  stopped: 6,
  unknown: 7,
}

function compare(a: ApplicationRow, b: ApplicationRow, id: string): number {
  switch (id) {
    case 'status':
      return PHASE_ORDER[a.state.phase] - PHASE_ORDER[b.state.phase]
    case 'target':
      return compareKeys(a.keys.target ?? '', b.keys.target ?? '')
    case 'artifact':
      return compareKeys(a.keys.artifact ?? '', b.keys.artifact ?? '')
    case 'size':
      return (a.app.artifact.fileSize ?? 0) - (b.app.artifact.fileSize ?? 0)
    case 'updated':
      return a.updated - b.updated
    default:
      return compareKeys(a.keys.name, b.keys.name)
  }
}

/** Stable sort by one column, ties by name then id. */
export function sortRows(rows: readonly ApplicationRow[], sort: SortState): ApplicationRow[] {
  if (sort.id === 'target') for (const r of rows) r.keys.target ??= sortKey(r.app.target.name)
  if (sort.id === 'artifact') {
    for (const r of rows) r.keys.artifact ??= sortKey(r.app.artifact.fileName ?? '')
  }
  const dir = sort.desc ? -1 : 1
  return [...rows].sort(
    (a, b) =>
      compare(a, b, sort.id) * dir || compareKeys(a.keys.name, b.keys.name) || a.app.id - b.app.id,
  )
}

/** Text and target filters (not status): the base for the facet counts. */
export function filterExceptStatus(
  rows: readonly ApplicationRow[],
  params: ApplicationListParams,
): readonly ApplicationRow[] {
  const q = params.q.trim().toLowerCase()
  const target = params.target
  // The same array when nothing filters, so what is derived from it (facet counts) is reused.
  if (!q && target === null) return rows
  const kept = rows.filter(
    (r) =>
      (!q || r.haystack.includes(q)) &&
      (target === null ||
        r.app.target.id === target ||
        (r.app.serverArtifacts ?? []).some((a) => a.serverId === target)),
  )
  // A filter that keeps every row (the first letter typed) changes nothing downstream.
  return kept.length === rows.length ? rows : kept
}

/**
 * `filterExceptStatus` that remembers its last answer: when only the text grew (the
 * operator typed another character), every row that matches the longer text matched the
 * shorter one too, so it searches the last result instead of all rows. One per list.
 */
export function createNarrowingFilter(): (
  rows: readonly ApplicationRow[],
  params: ApplicationListParams,
) => readonly ApplicationRow[] {
  let last: {
    rows: readonly ApplicationRow[]
    q: string
    target: number | null
    result: readonly ApplicationRow[]
  } | null = null
  return (rows, params) => {
    const q = params.q.trim().toLowerCase()
    const narrows =
      last !== null &&
      last.rows === rows &&
      last.target === params.target &&
      last.q !== '' &&
      q.includes(last.q)
    const result =
      narrows && last ? filterExceptStatus(last.result, params) : filterExceptStatus(rows, params)
    last = { rows, q, target: params.target, result }
    return result
  }
}

export function filterRows(
  rows: readonly ApplicationRow[],
  params: ApplicationListParams,
): readonly ApplicationRow[] {
  return filterByStatus(filterExceptStatus(rows, params), params.statuses)
}

/** The status facet on its own, over rows already filtered by text and target. */
export function filterByStatus(
  base: readonly ApplicationRow[],
  statuses: readonly StatusFacet[],
): readonly ApplicationRow[] {
  return statuses.length === 0 ? base : base.filter((r) => statuses.includes(r.facet))
}

const countsByRows = new WeakMap<readonly ApplicationRow[], Readonly<Record<StatusFacet, number>>>()

/** How many rows fall in each status facet; remembered per array (clearing a filter reuses them). */
export function facetCounts(
  rows: readonly ApplicationRow[],
): Readonly<Record<StatusFacet, number>> {
  const known = countsByRows.get(rows)
  if (known) return known
  const counts: Record<StatusFacet, number> = {
    started: 0,
    partial: 0,
    moving: 0,
    stopped: 0,
    failed: 0,
  }
  for (const r of rows) counts[r.facet]++
  countsByRows.set(rows, counts)
  return counts
}
