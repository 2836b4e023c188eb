import type { ReactNode } from 'react'
import { ReadErrorPanel } from './error-panel.tsx'
import { Freshness, type FreshnessSource } from './freshness.tsx'
import { LoadingState } from './states.tsx'

/**
 * A card that shows one read of a detail page (the applications on a server, on a group or
 * cluster): its heading with "updated N s ago", the loading words while it is pending, and
 * the error with a retry when there is nothing to show; the caller renders the data.
 */
export function QuerySection({
  headingId,
  heading,
  query,
  loading,
  errorTitle,
  children,
}: {
  headingId: string
  heading: ReactNode
  query: FreshnessSource & {
    data: unknown
    isPending: boolean
    isError: boolean
    refetch: () => Promise<unknown>
  }
  loading: string
  errorTitle: string
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
      {children}
    </section>
  )
}
