import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { ErrorPanel } from './error-panel.tsx'
import { Msg, useT } from './i18n.tsx'
import type { RejectedRecord } from '../lib/partial-list.ts'
import { RejectedRecords } from './rejected-records.tsx'
import { EmptyState } from './states.tsx'

/** What the list states read of a list's query (React Query's result, plain or infinite). */
export interface ListQueryState {
  isPending: boolean
  isError: boolean
  isFetching: boolean
  error: unknown
  /** Anything once an answer was read: a failed background refetch keeps the list. */
  data: unknown
  refetch: () => Promise<unknown>
}

export interface ListStatesProps {
  query: ListQueryState
  /**
   * What the list holds, singular and plural, lower case: ["cluster", "clusters"]. The
   * plural names it in the states ("Loading clusters…"), both in the unreadable-records banner.
   */
  nouns: readonly [string, string]
  /** While nothing was read yet; "Loading {noun}…" unless given. */
  loadingLabel?: string
  /** Above the failure; "Could not load {noun}" unless given. */
  errorTitle?: ReactNode
  /** Records of the answer that could not be read. */
  rejected?: readonly RejectedRecord[]
  /** Rows the backend listed, before the page's own filters. */
  total: number
  /** Rows left after the filters. */
  shown: number
  /** When the backend listed none: the empty state with the next useful action. */
  empty: ReactNode
  /** When filters hid every row; "No {noun} match these filters" unless given. */
  noMatch?: ReactNode
  onClear: () => void
  /** The table (and what goes with it: a pager). */
  children: ReactNode
}

/**
 * The body of a list page in its order of states: loading; the failure with the request
 * and a retry when nothing was ever loaded (a failed background refetch keeps the table);
 * `empty` when the backend listed none; "No … match these filters" with "Clear filters";
 * else the table (children). Records of the answer that could not be read are reported
 * above whichever of these shows.
 */
export function ListStates({
  query,
  nouns,
  loadingLabel,
  errorTitle,
  rejected,
  total,
  shown,
  empty,
  noMatch,
  onClear,
  children,
}: ListStatesProps) {
  const t = useT()
  if (query.isPending)
    return <SkeletonRows label={loadingLabel ?? t('ui.list.loading', { noun: nouns[1] })} />
  if (query.isError && query.data === undefined)
    return (
      <ErrorPanel
        error={query.error}
        title={errorTitle ?? t('ui.list.loadFailed', { noun: nouns[1] })}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    )
  let body = children
  if (total === 0) body = empty
  else if (shown === 0) body = noMatch ?? <NoMatchState noun={nouns[1]} onClear={onClear} />
  return (
    <>
      <RejectedRecords rejected={rejected} noun={nouns} />
      {body}
    </>
  )
}

/** Rows of placeholder bars the size of a list's rows, so the page keeps its shape while loading. */
const SKELETON_ROWS = 8

/**
 * What a list shows before its first answer: grey rows where the table will be (not a lone
 * spinner), and the words ("Loading servers…") for assistive tech in a polite status.
 */
export function SkeletonRows({ label }: { label: string }) {
  return (
    <div className="table-wrap skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true">
        {Array.from({ length: SKELETON_ROWS }, (_, i) => (
          <div key={i} className="skeleton-row">
            <span className="skeleton-bar" />
            <span className="skeleton-bar skeleton-bar-short" />
            <span className="skeleton-bar" />
          </div>
        ))}
      </div>
    </div>
  )
}

/**
 * The backend lists none at all: "No servers in Production yet", with the next useful
 * action (children). `where` is the API's name of the place, shown as text.
 */
export function NoneYet({
  noun,
  where,
  children,
}: {
  noun: string
  where: string
  children: ReactNode
}) {
  return (
    <EmptyState title={<Msg id="ui.list.noneYet" values={{ noun: <>{noun}</>, where }} />}>
      {children}
    </EmptyState>
  )
}

/** Filters hid every row: say so and offer to clear them. */
export function NoMatchState({ noun, onClear }: { noun: string; onClear: () => void }) {
  const t = useT()
  return (
    <EmptyState title={t('ui.list.noMatch', { noun })}>
      <Button onClick={onClear}>{t('ui.list.clearFilters')}</Button>
    </EmptyState>
  )
}
