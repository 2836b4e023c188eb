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
  type AuditAction,
  type AuditEntry,
  type AuditOutcome,
  type AuditResourceKind,
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
import { Msg, useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'
import './activity.css'

const OUTCOME_WORDS = {
  success: 'ui.activity.outcome.success',
  failure: 'ui.activity.outcome.failure',
  pending: 'ui.activity.outcome.pending',
} as const satisfies Record<AuditOutcome, MessageKey>

/** Each recorded action as the filter offers it. */
const ACTION_WORDS = {
  deploy: 'activity.action.deploy',
  start: 'activity.action.start',
  stop: 'activity.action.stop',
  redeploy: 'activity.action.redeploy',
  'update-artifact': 'activity.action.updateArtifact',
  delete: 'activity.action.delete',
  unregister: 'activity.action.unregister',
  create: 'activity.action.create',
  'add-server': 'activity.action.addServer',
  'remove-server': 'activity.action.removeServer',
  enable: 'activity.action.enable',
  disable: 'activity.action.disable',
  'change-status': 'activity.action.changeStatus',
  remove: 'activity.action.remove',
  edit: 'activity.action.edit',
  'generate-keys': 'activity.action.generateKeys',
  change: 'activity.action.change',
} as const satisfies Record<AuditAction, MessageKey>

/** "Open application orders-api": the link to an entry's resource, by its kind. */
const OPEN_WORDS = {
  application: 'activity.resource.openApplication',
  server: 'activity.resource.openServer',
  'server-group': 'activity.resource.openServerGroup',
  cluster: 'activity.resource.openCluster',
  device: 'activity.resource.openDevice',
  'client-application': 'activity.resource.openClientApplication',
} as const satisfies Record<AuditResourceKind, MessageKey>

/** The sentence for a resource whose last recorded change ended it (see `endsResource`). */
function endedKey(action: AuditAction): MessageKey {
  if (action === 'unregister') return 'activity.resource.unregistered'
  if (action === 'remove') return 'activity.resource.removed'
  return 'activity.resource.deleted'
}

/**
 * Who did what: every change made through the console, newest first, from the audit
 * trail (ADR 015). Filters live in the URL; "Load more" follows the server's cursor.
 */
export function ActivityPage() {
  const t = useT()
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
      title={t('activity.page.title')}
      subtitle={t('activity.page.subtitle')}
      actions={
        <>
          <Button onClick={() => void entries.refetch()} busy={entries.isRefetching}>
            {t('activity.page.refresh')}
          </Button>
          <ExportLink filters={filters} />
        </>
      }
      toolbar={<Filters filters={filters} onChange={go} onClear={clear} />}
      query={entries}
      nouns={[t('activity.page.nounOne'), t('activity.page.nounOther')]}
      loadingLabel={t('activity.page.loading')}
      errorTitle={t('activity.page.loadFailed')}
      total={items.length}
      shown={items.length}
      empty={
        isFiltered(filters) ? (
          <EmptyState title={t('activity.page.noMatch')}>
            <Button onClick={clear}>{t('activity.filters.clear')}</Button>
          </EmptyState>
        ) : (
          <EmptyState title={t('activity.page.emptyTitle')}>
            <p>{t('activity.page.emptyHint')}</p>
          </EmptyState>
        )
      }
      onClear={clear}
    >
      <ol className="activity-list" aria-label={t('activity.page.entries')}>
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
            {t('activity.page.loadMore')}
          </Button>
        ) : (
          <span className="field-hint" role="status">
            {t('activity.page.end', { count: items.length })}
          </span>
        )}
      </div>
      {failedRead(
        // Only a failed next page: a failed first read is the list's own state.
        {
          error: entries.isFetchNextPageError ? entries.error : null,
          refetch: entries.fetchNextPage,
        },
        t('activity.page.loadMoreFailed'),
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
  const t = useT()
  // Remounting the text fields when the URL changes (back, clear) shows the URL's values.
  const textKey = `${filters.operator}\u0000${filters.q}`
  return (
    <form
      role="search"
      aria-label={t('activity.filters.label')}
      className="activity-filters"
      onSubmit={submit}
    >
      <TextField
        key={`o${textKey}`}
        label={t('activity.filters.operator')}
        name="operator"
        defaultValue={filters.operator}
      />
      <TextField
        key={`q${textKey}`}
        label={t('activity.filters.resourceName')}
        name="q"
        type="search"
        defaultValue={filters.q}
      />
      <Choice
        label={t('activity.filters.family')}
        value={filters.family}
        options={AUDIT_FAMILIES.map((f) => [f, FAMILY_NAMES[f] ?? f])}
        onChange={set('family')}
      />
      <Choice
        label={t('activity.filters.action')}
        value={filters.action}
        options={AUDIT_ACTIONS.map((a) => [a, t(ACTION_WORDS[a])])}
        onChange={set('action')}
      />
      <Choice
        label={t('activity.filters.outcome')}
        value={filters.outcome}
        options={AUDIT_OUTCOMES.map((o) => [o, t(OUTCOME_WORDS[o])])}
        onChange={set('outcome')}
      />
      <TextField
        label={t('activity.filters.from')}
        type="date"
        value={filters.from}
        onChange={set('from')}
      />
      <TextField
        label={t('activity.filters.to')}
        type="date"
        value={filters.to}
        onChange={set('to')}
      />
      <div className="toolbar">
        <Button type="submit">{t('activity.filters.apply')}</Button>
        <Button onClick={onClear} disabled={!isFiltered(filters)}>
          {t('activity.filters.clear')}
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
  const t = useT()
  return (
    <SelectField label={label} value={value} onChange={onChange}>
      <option value="">{t('activity.filters.all')}</option>
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
  const t = useT()
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
        {download.isPending ? t('activity.export.pending') : t('activity.export.label')}
      </a>
      {download.error && <ErrorPanel error={download.error} title={t('activity.export.failed')} />}
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
            <Msg id="activity.entry.by" values={{ operator: entry.operator }} />
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
  const t = useT()
  const curl = toCurl(auditEntryRequest(entry), apiOrigin())
  return (
    <div className="activity-details">
      <dl className="fields">
        <div>
          <dt>{t('activity.filters.outcome')}</dt>
          <dd>
            <OutcomeBadge outcome={entry.outcome} />{' '}
            {t('activity.details.http', { status: String(entry.status) })}
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
            <dt>{t('activity.details.transaction')}</dt>
            <dd>
              <ApiText>{entry.transactionId}</ApiText>
              {entry.transactionStatus && (
                <>
                  {' · '}
                  <ApiText>{entry.transactionStatus}</ApiText>
                </>
              )}
              {entry.outcome === 'pending' && ` ${t('activity.details.stillOpen')}`}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('activity.details.resource')}</dt>
          <dd>
            <ResourceLink entry={entry} envId={scope.envId} />
          </dd>
        </div>
        {entry.details && (
          <div>
            <dt>{t('activity.details.details')}</dt>
            <dd>
              <ApiText>{entry.details}</ApiText>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('activity.details.where')}</dt>
          <dd>
            {FAMILY_NAMES[entry.family] ?? entry.family}
            {entry.environment && (
              <>
                {' · '}
                <Msg id="activity.details.environment" values={{ name: entry.environment }} />
              </>
            )}
            {entry.organization && (
              <>
                {' · '}
                <Msg id="activity.details.organization" values={{ name: entry.organization }} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('activity.details.took')}</dt>
          <dd>
            <Msg
              id="activity.details.duration"
              values={{ ms: entry.durationMs, request: entry.requestId }}
            />
          </dd>
        </div>
      </dl>
      <CodeBlock
        text={curl}
        label={t('activity.details.curlLabel')}
        copyLabel={t('activity.details.curlCopy')}
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
  const t = useT()
  const name = entry.resourceName ?? entry.resourceId ?? t('activity.resource.unknown')
  if (!to || !kind) return <ApiText>{name}</ApiText>
  const latest = history.data?.[0]
  if (latest && endsResource(latest))
    return <Msg id={endedKey(latest.action)} values={{ name, time: formatDateTime(latest.time) }} />
  return (
    <Link to={to}>
      <Msg id={OPEN_WORDS[kind]} values={{ name }} />
    </Link>
  )
}
