import type { ReactNode } from 'react'
import { ReadErrorPanel } from './error-panel.tsx'
import { Freshness, type FreshnessSource } from './freshness.tsx'
import { LoadingState } from './states.tsx'
import { RejectedRecords } from './rejected-records.tsx'
import type { RejectedRecord } from '../lib/partial-list.ts'

/**
 * A card that shows one list read of a detail page (the applications on a server, on a
 * group or cluster): its heading with "updated N s ago", the loading words while it is
 * pending, the error with a retry when there is nothing to show, and the records the answer
 * held that could not be read (`noun` counts them); the caller renders the data.
 */
export function QuerySection({
  headingId,
  heading,
  query,
  loading,
  errorTitle,
  noun,
  children,
}: {
  headingId: string
  heading: ReactNode
  query: FreshnessSource & {
    data: { rejected?: readonly RejectedRecord[] } | undefined
    isPending: boolean
    isError: boolean
    refetch: () => Promise<unknown>
  }
  loading: string
  errorTitle: string
  /** Singular and plural of what the list holds, for its unreadable records. */
  noun: readonly [string, string]
  children: ReactNode
}) {
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id={headingId}>{heading}</h2>
        <Freshness query={query} />
      </div>
      {query.isPending && <LoadingState label={loading} />}
      {query.isError && !query.data && <ReadErrorPanel query={query} title={errorTitle} />}
      <RejectedRecords rejected={query.data?.rejected} noun={noun} />
      {children}
    </section>
  )
}
