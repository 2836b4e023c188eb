import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent, type MouseEvent } from 'react'
import { Link } from 'react-router'
import {
  auditEntryRequest,
  auditQueries,
  exportAuditCsv,
  type AuditFilterValues,
} from '../../api/console/audit.ts'
import {
  AUDIT_ACTIONS,
  AUDIT_FAMILIES,
  AUDIT_OUTCOMES,
  type AuditEntry,
} from '../../api/console/audit-schemas.ts'
import { Button } from '../../components/button.tsx'
import { CodeBlock } from '../../components/code-block.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { ErrorPanel, failedRead } from '../../components/error-panel.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { ApiText, OutcomeBadge } from '../../components/recent-activity.tsx'
import { EmptyState } from '../../components/states.tsx'
import { useListParams } from '../../components/use-list-params.ts'
import { apiOrigin, getConsoleMode } from '../../lib/config.ts'
import { pathWithQuery, toCurl } from '../../lib/describe-request.ts'
import { SelectField, TextField } from '../../components/form/text-field.tsx'
import { FAMILY_NAMES } from '../../lib/families.ts'
import { formatDateTime } from '../../lib/format.ts'
import {
  ACTIVITY_LIST_PARAMS,
  activitySearch,
  endsResource,
  isFiltered,
  resourcePath,
} from './activity-model.ts'
import './activity.css'

const OUTCOME_NAMES: Record<string, string> = {
  success: 'Succeeded',
  failure: 'Failed',
  pending: 'Queued',
}

/**
 * Who did what: every change made through the console, newest first, from the audit
 * trail (ADR 015). Filters live in the URL; "Load more" follows the server's cursor.
 */
export function ActivityPage() {
  const { params: filters, set } = useListParams(ACTIVITY_LIST_PARAMS)
  const entries = useInfiniteQuery(auditQueries.list(filters))
  // A refetch reads every loaded page again from its own cursor: when new entries came in,
  // the first page and the second may overlap. Each entry is shown once.
  const items = useMemo(() => {
    const seen = new Set<number>()
    return (entries.data?.pages ?? [])
      .flatMap((p) => p.items)
      .filter((e) => !seen.has(e.id) && seen.add(e.id) !== undefined)
  }, [entries.data])

  // Filters apply as a step the operator can go Back from.
  const go = (next: AuditFilterValues) => set(next, { history: 'push' })
  const clear = () =>
    go({ operator: '', family: '', action: '', outcome: '', from: '', to: '', q: '' })

  return (
    <ListPage
      fill={false}
      title="Activity"
      subtitle="Every change made through the console: who, what, when and how it ended. Newest first."
      actions={
        <>
          <Button onClick={() => void entries.refetch()} busy={entries.isRefetching}>
            Refresh
          </Button>
          <ExportLink filters={filters} />
        </>
      }
      toolbar={<Filters filters={filters} onChange={go} onClear={clear} />}
      query={entries}
      nouns={['activity entry', 'activity entries']}
      loadingLabel="Loading activity…"
      errorTitle="Could not load the activity"
      total={items.length}
      shown={items.length}
      empty={
        isFiltered(filters) ? (
          <EmptyState title="No activity matches these filters">
            <Button onClick={clear}>Clear filters</Button>
          </EmptyState>
        ) : (
          <EmptyState title="No changes recorded yet">
            <p>
              Every start, stop, deploy, delete, device or client-application change made through
              the console appears here, with who made it and how it ended.
            </p>
          </EmptyState>
        )
      }
      onClear={clear}
    >
      <ol className="activity-list" aria-label="Activity entries">
        {items.map((entry) => (
          <ActivityEntry key={entry.id} entry={entry} />
        ))}
      </ol>
      <div className="toolbar" style={{ marginTop: 12 }}>
        {entries.hasNextPage ? (
          <Button
            busy={entries.isFetchingNextPage}
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            Load more
          </Button>
        ) : (
          <span className="field-hint" role="status">
            {items.length === 1 ? 'One entry' : `${items.length} entries`}: the end of the list.
          </span>
        )}
      </div>
      {failedRead(
        // Only a failed next page: a failed first read is the list's own state.
        {
          error: entries.isFetchNextPageError ? entries.error : null,
          refetch: entries.fetchNextPage,
        },
        'Could not load more',
      )}
    </ListPage>
  )
}

function Filters({
  filters,
  onChange,
  onClear,
}: {
  filters: AuditFilterValues
  onChange: (next: AuditFilterValues) => void
  onClear: () => void
}) {
  // Text fields apply on submit (Enter); choices and dates at once.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (key: string) => {
      const value = form.get(key)
      return typeof value === 'string' ? value.trim() : ''
    }
    onChange({ ...filters, operator: text('operator'), q: text('q') })
  }
  const set = (key: keyof AuditFilterValues) => (value: string) =>
    onChange({ ...filters, [key]: value })
  // Remounting the text fields when the URL changes (back, clear) shows the URL's values.
  const textKey = `${filters.operator}\u0000${filters.q}`
  return (
    <form role="search" aria-label="Filter activity" className="activity-filters" onSubmit={submit}>
      <TextField
        key={`o${textKey}`}
        label="Operator"
        name="operator"
        defaultValue={filters.operator}
      />
      <TextField
        key={`q${textKey}`}
        label="Resource name"
        name="q"
        type="search"
        defaultValue={filters.q}
      />
      <Choice
        label="Family"
        value={filters.family}
        options={AUDIT_FAMILIES.map((f) => [f, FAMILY_NAMES[f] ?? f])}
        onChange={set('family')}
      />
      <Choice
        label="Action"
        value={filters.action}
        options={AUDIT_ACTIONS.map((a) => [a, a.replace(/-/g, ' ')])}
        onChange={set('action')}
      />
      <Choice
        label="Outcome"
        value={filters.outcome}
        options={AUDIT_OUTCOMES.map((o) => [o, OUTCOME_NAMES[o] ?? o])}
        onChange={set('outcome')}
      />
      <TextField label="From" type="date" value={filters.from} onChange={set('from')} />
      <TextField label="To" type="date" value={filters.to} onChange={set('to')} />
      <div className="toolbar">
        <Button type="submit">Apply</Button>
        <Button onClick={onClear} disabled={!isFiltered(filters)}>
          Clear filters
        </Button>
      </div>
    </form>
  )
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string
  options: ReadonlyArray<readonly [string, string]>
  onChange: (value: string) => void
}) {
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      <option value="">All</option>
      {options.map(([v, words]) => (
        <option key={v} value={v}>
          {words}
        </option>
      ))}
    </SelectField>
  )
}

/**
 * The filtered entries as CSV. A real link to the export (the server streams it), followed
 * through the API client so that the demo backend and a token session answer it too.
 */
function ExportLink({ filters }: { filters: AuditFilterValues }) {
  const download = useMutation({
    mutationFn: () => exportAuditCsv(filters),
    onSuccess: (csv) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      const a = document.createElement('a')
      a.href = url
      a.download = `activity-${new Date().toISOString().slice(0, 10)}.csv`
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    },
  })
  const href = pathWithQuery('/console-api/audit/export.csv', {
    ...Object.fromEntries(activitySearch(filters)),
  })
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Live mode: the browser downloads the server's streamed export itself (a same-origin
    // GET with the session cookie), so a large export never sits in this tab's memory. The
    // demo's backend lives in a service worker that does not answer downloads: fetch it.
    if (getConsoleMode() === 'live') return
    event.preventDefault()
    if (!download.isPending) download.mutate()
  }
  return (
    <>
      <a
        className="btn"
        href={href}
        download
        onClick={onClick}
        aria-busy={download.isPending || undefined}
      >
        {download.isPending ? 'Exporting…' : 'Export CSV'}
      </a>
      {download.error && <ErrorPanel error={download.error} title="The export failed" />}
    </>
  )
}

function ActivityEntry({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false)
  return (
    <li className="activity-entry">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <time dateTime={new Date(entry.time).toISOString()} className="activity-time">
            {formatDateTime(entry.time)}
          </time>
          <span className="activity-summary">
            <ApiText>{entry.summary}</ApiText>
          </span>
          <span className="activity-operator">
            by <ApiText>{entry.operator}</ApiText>
          </span>
          <OutcomeBadge outcome={entry.outcome} />
        </summary>
        {open && <EntryDetails entry={entry} />}
      </details>
    </li>
  )
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const { scope } = useConsole()
  const curl = toCurl(auditEntryRequest(entry), apiOrigin())
  return (
    <div className="activity-details">
      <dl className="fields">
        <div>
          <dt>Outcome</dt>
          <dd>
            <OutcomeBadge outcome={entry.outcome} /> HTTP {entry.status}
            {entry.message && (
              <>
                {': '}
                <ApiText>{entry.message}</ApiText>
              </>
            )}
          </dd>
        </div>
        {entry.transactionId && (
          <div>
            <dt>Transaction</dt>
            <dd>
              <ApiText>{entry.transactionId}</ApiText>
              {entry.transactionStatus && (
                <>
                  {' · '}
                  <ApiText>{entry.transactionStatus}</ApiText>
                </>
              )}
              {entry.outcome === 'pending' &&
                ' (still open when last seen: its end is recorded when the console follows it)'}
            </dd>
          </div>
        )}
        <div>
          <dt>Resource</dt>
          <dd>
            <ResourceLink entry={entry} envId={scope.envId} />
          </dd>
        </div>
        {entry.details && (
          <div>
            <dt>Details</dt>
            <dd>
              <ApiText>{entry.details}</ApiText>
            </dd>
          </div>
        )}
        <div>
          <dt>Where</dt>
          <dd>
            {FAMILY_NAMES[entry.family] ?? entry.family}
            {entry.environment && (
              <>
                {' · environment '}
                <ApiText>{entry.environment}</ApiText>
              </>
            )}
            {entry.organization && (
              <>
                {' · organization '}
                <ApiText>{entry.organization}</ApiText>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>
            {entry.durationMs} ms · request <ApiText>{entry.requestId}</ApiText>
          </dd>
        </div>
      </dl>
      <CodeBlock
        text={curl}
        label="The recorded request as a curl command"
        copyLabel="Copy curl command"
      />
    </div>
  )
}

/** A link to the resource while it exists: not after a recorded delete of it succeeded. */
function ResourceLink({ entry, envId }: { entry: AuditEntry; envId: string }) {
  const to = resourcePath(entry, envId)
  const kind = entry.resourceKind
  const id = entry.resourceId
  // Read once to know whether the resource still exists: no polling for an opened entry.
  const history = useQuery({
    ...auditQueries.resource(kind ?? 'application', id ?? ''),
    enabled: Boolean(kind && id),
    refetchInterval: false,
    staleTime: 60_000,
  })
  const name = <ApiText>{entry.resourceName ?? entry.resourceId ?? 'unknown'}</ApiText>
  if (!to) return name
  const latest = history.data?.[0]
  if (latest && endsResource(latest))
    return (
      <>
        {name} ({latest.action}
        {latest.action.endsWith('e') ? 'd' : 'ed'} {formatDateTime(latest.time)}: no page to open)
      </>
    )
  return (
    <Link to={to}>
      Open {kind?.replace(/-/g, ' ')} {name}
    </Link>
  )
}
