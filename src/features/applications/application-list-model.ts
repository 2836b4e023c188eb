import * as z from 'zod/mini'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import {
  applicationState,
  type ApplicationPhase,
  type ApplicationState,
} from '../../api/runtime-manager/application-status.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import type { SortState } from '../../components/data-table.tsx'
import { cachedT, toEpochMs } from '../../lib/format.ts'
import { t, type MessageKey } from '../../lib/i18n.ts'
import { targetKindOf, type TargetKind } from '../../lib/paths.ts'
import { idParam, listParam, sortParam, textParam, type ListParams } from '../../lib/list-params.ts'

/** Status facets the operator filters by: several phases share one. */
export const STATUS_FACETS = ['started', 'partial', 'moving', 'stopped', 'failed'] as const
export type StatusFacet = (typeof STATUS_FACETS)[number]

/** Each facet's word, as a key: translated where it is shown. */
export const FACET_LABELS = {
  started: 'applications.facet.started',
  partial: 'applications.facet.partial',
  moving: 'applications.facet.moving',
  stopped: 'applications.facet.stopped',
  failed: 'applications.facet.failed',
} as const satisfies Record<StatusFacet, MessageKey>

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

/** Everything that shapes the applications list, as kept in the URL. */
export const APPLICATION_LIST_PARAMS = z.object({
  q: textParam(),
  status: listParam(STATUS_FACETS),
  /** Only applications deployed to this server, group or cluster id. */
  target: idParam(),
  sort: sortParam(['name', 'status', 'target', 'artifact', 'size', 'updated']),
})
export type ApplicationListParams = ListParams<typeof APPLICATION_LIST_PARAMS>

/** An application with everything the list filters and sorts by, computed once per fetch. */
export interface ApplicationRow {
  app: Application
  state: ApplicationState
  facet: StatusFacet
  /** Lowercased name, target, artifact file and statuses: the text filter's haystack. */
  haystack: string
  updated: number
  /**
   * The name's sort key, compared with `<` (a collator is several times slower over 10,000
   * rows); always needed, it breaks ties. Other columns' keys are made when the list is
   * first sorted by them (`columnKey`).
   */
  readonly nameKey: string
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
      nameKey: sortKey(app.name),
    }
  })
}

/** An application target's kind in words: short in the list, whole on the application's page. */
export const TARGET_WORDS = {
  server: { short: 'applications.target.server', whole: 'applications.detail.typeServer' },
  group: { short: 'applications.target.group', whole: 'applications.detail.typeGroup' },
  cluster: { short: 'applications.target.cluster', whole: 'applications.detail.typeCluster' },
} as const satisfies Record<'server' | TargetKind, { short: MessageKey; whole: MessageKey }>

/**
 * "Group", "Cluster" or "Server": an application target's kind, in the current language
 * (by default through `cachedT`: the list's target cells ask for it on every row).
 */
export function targetWordOf(type: string, translate: typeof t = cachedT): string {
  return translate(TARGET_WORDS[targetKindOf(type) ?? 'server'].short)
}

/** The targets the applications are deployed to, for the target filter. */
export function targetsOf(
  rows: readonly ApplicationRow[],
  // The page passes its `useT()`, so the labels are made again after a switch of language.
  translate: typeof t = t,
): Array<{ id: number; label: string }> {
  const seen = new Map<number, string>()
  for (const { app } of rows) {
    if (seen.has(app.target.id)) continue
    seen.set(
      app.target.id,
      translate('applications.target.choice', {
        kind: targetWordOf(app.target.type, translate),
        name: isolateText(app.target.name),
      }),
    )
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
    case 'size':
      return (a.app.artifact.fileSize ?? 0) - (b.app.artifact.fileSize ?? 0)
    case 'updated':
      return a.updated - b.updated
    default:
      return compareKeys(a.nameKey, b.nameKey)
  }
}

type TextColumn = 'target' | 'artifact'

/**
 * The sort keys of the text columns, made the first time the list is sorted by one and
 * kept per application object (a refetch that changed nothing keeps its objects): a list
 * never sorted by a column never pays for its keys, and no row is written to.
 */
const columnKeys: Record<TextColumn, WeakMap<Application, string>> = {
  target: new WeakMap(),
  artifact: new WeakMap(),
}

function columnKey(app: Application, id: TextColumn): string {
  const cache = columnKeys[id]
  let key = cache.get(app)
  if (key === undefined) {
    key = sortKey(id === 'target' ? app.target.name : (app.artifact.fileName ?? ''))
    cache.set(app, key)
  }
  return key
}

function byNameThenId(a: ApplicationRow, b: ApplicationRow): number {
  return compareKeys(a.nameKey, b.nameKey) || a.app.id - b.app.id
}

/** Stable sort by one column, ties by name then id. */
export function sortRows(rows: readonly ApplicationRow[], sort: SortState): ApplicationRow[] {
  const dir = sort.desc ? -1 : 1
  const { id } = sort
  if (id === 'target' || id === 'artifact') {
    // Decorated once, so the comparator reads a key instead of a cache per comparison.
    const keyed = rows.map((row) => ({ row, key: columnKey(row.app, id) }))
    keyed.sort((a, b) => compareKeys(a.key, b.key) * dir || byNameThenId(a.row, b.row))
    return keyed.map((k) => k.row)
  }
  return [...rows].sort((a, b) => compare(a, b, id) * dir || byNameThenId(a, b))
}

/**
 * The text filter's index of one array of rows: every row's haystack in one string, each
 * followed by a line break (which the filter's text box cannot hold), and where each row
 * starts. One `indexOf` over it runs at memory speed; testing each row's own string visits
 * 10,000 row objects and strings spread over the heap (1.3-4.5 ms a keystroke at 10,000
 * applications in the page, against 0.3-1.3 ms this way; ADR 027 "Sixth round").
 */
interface TextIndex {
  text: string
  /** `starts[i]` is where row i begins; `starts[rows.length]` is past the end. */
  starts: Int32Array
}

const textIndexes = new WeakMap<readonly ApplicationRow[], TextIndex>()

/** Below this many rows a text search tests each row's own string. */
const INDEXED_FROM = 2_000

/**
 * Makes the text filter's index of a long list ahead of its first search: a page calls it
 * while idle after showing the list (~3 ms at 10,000 rows), so that no keystroke pays it.
 */
export function prepareTextSearch(rows: readonly ApplicationRow[]): void {
  if (rows.length >= INDEXED_FROM) textIndexOf(rows)
}

/** The index of `rows`, made on first use and kept as long as the array is. */
function textIndexOf(rows: readonly ApplicationRow[]): TextIndex {
  let index = textIndexes.get(rows)
  if (index === undefined) {
    const starts = new Int32Array(rows.length + 1)
    let at = 0
    rows.forEach((row, i) => {
      starts[i] = at
      at += row.haystack.length + 1
    })
    starts[rows.length] = at
    index = { text: rows.map((r) => `${r.haystack}\n`).join(''), starts }
    textIndexes.set(rows, index)
  }
  return index
}

/** The rows whose haystack holds `q` (lowercased, not empty), in their order. */
function matchText(rows: readonly ApplicationRow[], q: string): ApplicationRow[] {
  // A short list is searched row by row (the last answer, narrowed by a longer text): an
  // index of it would cost more than it saves. A line break would match across two rows.
  if (rows.length < INDEXED_FROM || q.includes('\n'))
    return rows.filter((r) => r.haystack.includes(q))
  const { text, starts } = textIndexOf(rows)
  const kept: ApplicationRow[] = []
  let row = 0
  let at = text.indexOf(q)
  while (at !== -1) {
    while ((starts[row + 1] ?? text.length) <= at) row++
    const match = rows[row]
    if (match) kept.push(match)
    // On from the next row: a row is kept once however often it matches.
    at = text.indexOf(q, starts[row + 1] ?? text.length)
  }
  return kept
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
  const matched = q ? matchText(rows, q) : rows
  const kept =
    target === null
      ? matched
      : matched.filter(
          (r) =>
            r.app.target.id === target ||
            (r.app.serverArtifacts ?? []).some((a) => a.serverId === target),
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
    // Narrowed only to a short answer: a long one is searched faster through the list's
    // index than row by row (the first letters of a word match most rows).
    const narrows =
      last !== null &&
      last.rows === rows &&
      last.target === params.target &&
      last.q !== '' &&
      q.includes(last.q) &&
      last.result.length < INDEXED_FROM
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
  return filterByStatus(filterExceptStatus(rows, params), params.status)
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
