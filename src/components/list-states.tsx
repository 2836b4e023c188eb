import type { ReactNode } from 'react'
import { Button } from './button.tsx'
import { ErrorPanel } from './error-panel.tsx'
import { EmptyState, LoadingState } from './states.tsx'

/**
 * The body of a list page in its order of states: loading; the failure with a retry when
 * nothing was ever loaded (a failed background refetch keeps the table); `empty` when the
 * environment has none at all; "No … match these filters" with "Clear filters"; else the
 * table (children).
 */
export function ListStates({
  query,
  noun,
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
    data: readonly unknown[] | undefined
    refetch: () => Promise<unknown>
  }
  /** Plural, lower case: "clusters", "server groups". */
  noun: string
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
  if (query.data && query.data.length === 0) return empty
  if (shown === 0)
    return (
      <EmptyState title={`No ${noun} match these filters`}>
        <Button onClick={onClear}>Clear filters</Button>
      </EmptyState>
    )
  return children
}
