import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { ErrorPanel } from './error-panel.tsx'
import type { RejectedRecord } from '../lib/partial-list.ts'
import { RejectedRecords } from './rejected-records.tsx'
import { EmptyState, LoadingState } from './states.tsx'

/**
 * The body of a list page in its order of states: loading; the failure with a retry when
 * nothing was ever loaded (a failed background refetch keeps the table); `empty` when the
 * environment has none at all; "No … match these filters" with "Clear filters"; else the
 * table (children). Records of the answer that could not be read are reported above
 * whichever of these shows.
 */
export function ListStates({
  query,
  noun,
  nouns,
  shown,
  empty,
  onClear,
  children,
}: {
  query: {
    isPending: boolean
    isError: boolean
    isFetching: boolean
    error: unknown
    data: { items: readonly unknown[]; rejected: readonly RejectedRecord[] } | undefined
    refetch: () => Promise<unknown>
  }
  /** Plural, lower case: "clusters", "server groups". */
  noun: string
  /** Singular and plural for the unreadable-records banner: ["cluster", "clusters"]. */
  nouns: readonly [string, string]
  /** Rows left after the filters. */
  shown: number
  /** The empty state with the next useful action. */
  empty: ReactNode
  onClear: () => void
  children: ReactNode
}) {
  if (query.isPending) return <LoadingState label={`Loading ${noun}…`} />
  if (query.isError && !query.data)
    return (
      <ErrorPanel
        error={query.error}
        title={`Could not load ${noun}`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    )
  let body = children
  if (query.data && query.data.items.length === 0) body = empty
  else if (shown === 0)
    body = (
      <EmptyState title={`No ${noun} match these filters`}>
        <Button onClick={onClear}>Clear filters</Button>
      </EmptyState>
    )
  return (
    <>
      <RejectedRecords rejected={query.data?.rejected} noun={nouns} />
      {body}
    </>
  )
}
