import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query'
import { ApiText as SharedApiText } from './api-text.tsx'
import { Link } from 'react-router'
import type { AuditEntry, AuditOutcome } from '../api/console/audit-schemas.ts'
import { formatDateTime } from '../lib/format.ts'
import type { MessageKey } from '../lib/i18n.ts'
import { paths } from '../lib/paths.ts'
import { useConsole } from './console-context.tsx'
import { ReadErrorPanel } from './error-panel.tsx'
import { Msg, useT } from './i18n.tsx'
import { StatusBadge, type Tone } from './status-badge.tsx'

const OUTCOMES: Record<AuditOutcome, { word: MessageKey; tone: Tone }> = {
  success: { word: 'ui.activity.outcome.success', tone: 'ok' },
  failure: { word: 'ui.activity.outcome.failure', tone: 'danger' },
  pending: { word: 'ui.activity.outcome.pending', tone: 'progress' },
}

/** An audit entry's outcome in words and colour. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const t = useT()
  const { word, tone } = OUTCOMES[outcome]
  return <StatusBadge label={t(word)} tone={tone} />
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
  const t = useT()
  let body
  if (query.isPending) body = <p className="field-hint">{t('ui.activity.loading')}</p>
  else if (query.isError && !query.data)
    body = <ReadErrorPanel query={query} title={t('ui.activity.loadFailed')} />
  else if (!query.data || query.data.length === 0)
    body = <p className="field-hint">{t('ui.activity.none')}</p>
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
                <Msg id="ui.activity.by" values={{ operator: entry.operator }} />
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
        <h2 id="recent-activity-title">{t('ui.activity.title')}</h2>
        <Link to={activityHref}>{t('ui.activity.all')}</Link>
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
