import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import { ApiText as SharedApiText } from './api-text.tsx'
import { Link } from 'react-router'
import type { AuditEntry, AuditOutcome } from '../api/console/audit-schemas.ts'
import { formatDateTime } from '../lib/format.ts'
import { paths } from '../lib/paths.ts'
import { useConsole } from './console-context.tsx'
import { ReadErrorPanel } from './error-panel.tsx'
import { StatusBadge, type Tone } from './status-badge.tsx'

const OUTCOMES: Record<AuditOutcome, { label: string; tone: Tone }> = {
  success: { label: 'Succeeded', tone: 'ok' },
  failure: { label: 'Failed', tone: 'danger' },
  pending: { label: 'Queued', tone: 'progress' },
}

/** An audit entry's outcome in words and colour. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <StatusBadge {...OUTCOMES[outcome]} />
}

/**
 * Text that came from an API or from another operator: isolated, so a right-to-left or
 * mixed-direction name cannot reorder the words around it, and free to wrap; a long one
 * keeps its whole self in a tooltip (it is the shared `ApiText` of api-text.tsx).
 */
export function ApiText({ children }: { children: string | null | undefined }) {
  return <SharedApiText>{children ?? ''}</SharedApiText>
}

/**
 * The last changes of one resource (application, server, group, cluster, device, client
 * application), from the audit trail. The page reads them (`auditQueries.resource`) and
 * passes the query here; the panel stays free of API calls.
 */
export function RecentActivityPanel({
  query,
  activityHref,
}: {
  query: {
    data: readonly AuditEntry[] | undefined
    isPending: boolean
    isError: boolean
    isFetching: boolean
    error: unknown
    refetch: () => Promise<unknown>
  }
  /** The Activity page, filtered to this resource. */
  activityHref: string
}) {
  let body
  if (query.isPending) body = <p className="field-hint">Loading recent activity…</p>
  else if (query.isError && !query.data)
    body = <ReadErrorPanel query={query} title="Could not load the recent activity" />
  else if (!query.data || query.data.length === 0)
    body = <p className="field-hint">No change made through the console is recorded for it yet.</p>
  else
    body = (
      <ol className="activity-list activity-list-compact">
        {query.data.map((entry) => (
          <li key={entry.id} className="activity-row">
            <time dateTime={new Date(entry.time).toISOString()} className="activity-time">
              {formatDateTime(entry.time)}
            </time>
            <span className="activity-summary">
              <ApiText>{entry.summary}</ApiText>
              <span className="field-hint">
                {' '}
                by <ApiText>{entry.operator}</ApiText>
              </span>
            </span>
            <OutcomeBadge outcome={entry.outcome} />
          </li>
        ))}
      </ol>
    )
  return (
    <section className="panel recent-activity" aria-labelledby="recent-activity-title">
      <div className="recent-activity-header">
        <h2 id="recent-activity-title">Recent activity</h2>
        <Link to={activityHref}>All activity</Link>
      </div>
      {body}
    </section>
  )
}

/**
 * The recent activity of one resource on its detail page: the page passes the options of
 * its read (`auditQueries.resource(kind, id)`), so this piece calls no API of its own, and
 * "All activity" opens the Activity page filtered to the resource's name.
 */
export function ResourceActivity<TKey extends QueryKey>({
  query,
  name,
}: {
  query: UseQueryOptions<AuditEntry[], Error, AuditEntry[], TKey>
  name: string
}) {
  const { scope } = useConsole()
  const activity = useQuery(query)
  return (
    <RecentActivityPanel
      query={activity}
      activityHref={paths.activity(scope.envId, new URLSearchParams({ q: name }).toString())}
    />
  )
}
