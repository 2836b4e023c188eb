import * as z from 'zod/mini'
import { memberRollup, rollupStatus } from '../../api/runtime-manager/target-rules.ts'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import type { ListParams } from '../../lib/list-params.ts'
import { choiceParam, listParam, sortParam, textParam } from '../../lib/list-params.ts'
import { toEpochMs } from '../../lib/format.ts'
import type { MessageKey } from '../../lib/i18n.ts'
import { sortByColumn } from '../../lib/sort-by-column.ts'

/** A select filter one kind adds to its list (clusters: multicast or unicast). */
export interface TargetListFilter<T> {
  /** Its URL search parameter. */
  param: string
  /** Its accessible name. */
  label: MessageKey
  /** The choices; the first, with value '', shows every target. */
  options: readonly { value: string; label: MessageKey }[]
  matches: (target: T, value: string) => boolean
}

/** What a kind of target adds to the shared list rules. */
export interface TargetListRules<T extends TargetRecord> {
  /** Sortable column ids; the first is the default sort. */
  sortKeys: readonly string[]
  /** The sort value of a column only this kind has, or undefined for the shared ones. */
  sortValue?: (target: T, id: string) => string | number | undefined
  /** What the text filter finds a member by. */
  memberWords: (server: Server) => string[]
  filter?: TargetListFilter<T>
}

function listParamsOf<T extends TargetRecord>(rules: TargetListRules<T>) {
  return z.object({
    q: textParam(),
    /** Roll-up statuses shown (RUNNING, PARTIALLY_RUNNING, DISCONNECTED); empty = all. */
    status: listParam(),
    /** The value of the kind's own select filter (a cluster's mode), '' for all. */
    filter: choiceParam((rules.filter?.options ?? []).map((o) => o.value).filter(Boolean)),
    sort: sortParam(rules.sortKeys),
  })
}

/** Everything that shapes a list of groups or clusters, as kept in the URL. */
export type TargetListParams = ListParams<ReturnType<typeof listParamsOf>>

const paramsByRules = new WeakMap<
  object,
  { schema: ReturnType<typeof listParamsOf>; names: { filter: string } }
>()

/**
 * A kind's list URL state (one schema per kind, made once so the page's hook keeps it):
 * the kind's own filter lives under its own parameter (`?mode=unicast`).
 */
export function targetListParams<T extends TargetRecord>(rules: TargetListRules<T>) {
  let known = paramsByRules.get(rules)
  if (!known) {
    known = { schema: listParamsOf(rules), names: { filter: rules.filter?.param ?? 'filter' } }
    paramsByRules.set(rules, known)
  }
  return known
}

function searchable<T extends TargetRecord>(rules: TargetListRules<T>, target: T): string {
  return [target.name, ...target.servers.flatMap(rules.memberWords)].join(' ').toLowerCase()
}

/** The text and select filters (not status): the base for the status facet counts. */
export function filterTargetsExceptStatus<T extends TargetRecord>(
  rules: TargetListRules<T>,
  targets: readonly T[],
  params: TargetListParams,
): T[] {
  const q = params.q.trim().toLowerCase()
  const { filter } = rules
  return targets.filter(
    (t) =>
      (!filter || !params.filter || filter.matches(t, params.filter)) &&
      (!q || searchable(rules, t).includes(q)),
  )
}

export function filterTargets<T extends TargetRecord>(
  rules: TargetListRules<T>,
  targets: readonly T[],
  params: TargetListParams,
): T[] {
  const base = filterTargetsExceptStatus(rules, targets, params)
  return params.status.length === 0
    ? base
    : base.filter((t) => params.status.includes(rollupStatus(t.servers)))
}

function sharedSortValue(target: TargetRecord, id: string): string | number {
  switch (id) {
    case 'status': {
      // Worst first when ascending: the share of members running.
      const r = memberRollup(target.servers)
      return r.total === 0 ? -1 : r.running / r.total
    }
    case 'servers':
      return target.servers.length
    case 'created':
      return toEpochMs(target.timeCreated) ?? 0
    default:
      return target.name
  }
}

/** A stable sort by one column; ties fall back to name, then id. */
export function sortTargets<T extends TargetRecord>(
  rules: TargetListRules<T>,
  targets: readonly T[],
  sort: SortState,
): T[] {
  return sortByColumn(targets, sort, (t, id) => rules.sortValue?.(t, id) ?? sharedSortValue(t, id))
}
