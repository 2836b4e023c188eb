import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { auditQueries } from '../../api/console/audit.ts'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import { ApiText } from '../../components/api-text.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { RecentActivityPanel } from '../../components/recent-activity.tsx'
import { LoadingState, NotFoundState } from '../../components/states.tsx'
import { isApiError } from '../../lib/api-error.ts'
import { idFromPath, paths, TARGET_KINDS, type TargetKind } from '../../lib/paths.ts'
import { DeleteTargetButton } from './delete-target.tsx'
import { RollupBadge } from './rollup-badge.tsx'
import { TargetApplications } from './target-applications.tsx'
import type { TargetKindSpec } from './target-kind.ts'
import { TargetMembers } from './target-membership.tsx'

/**
 * One server group or cluster: its members and their status (with the kind's own
 * sections and columns), its applications on each member, its recent changes.
 * `param` is the route's id parameter.
 */
export function TargetPage<T extends TargetRecord, B extends { name: string }>({
  kind,
  param,
}: {
  kind: TargetKindSpec<T, B>
  param: string
}) {
  const { scope } = useConsole()
  const { [param]: rawId = '' } = useParams()
  const id = idFromPath(rawId)
  const target = useQuery({ ...kind.api.queries.detail(scope, id), enabled: Number.isFinite(id) })
  const { label: full, plural } = TARGET_KINDS[kind.kind]

  if (!Number.isFinite(id)) return <NotFound kind={kind.kind} rawId={rawId} />
  if (target.isPending) return <LoadingState label={`Loading ${full}…`} />
  // Settled without data: the load failed.
  const t = target.data
  if (t === undefined) {
    if (isApiError(target.error) && target.error.status === 404)
      return <NotFound kind={kind.kind} rawId={rawId} error={target.error} />
    return (
      <ErrorPanel
        error={target.error}
        title={`Could not load this ${full}`}
        onRetry={() => void target.refetch()}
        retrying={target.isFetching}
      />
    )
  }
  return (
    <div className="page">
      <PageHeader
        breadcrumbs={
          <>
            <Link to={paths.targets(scope.envId, kind.kind)}>{plural}</Link> /{' '}
            <ApiText truncate>{t.name}</ApiText>
          </>
        }
        title={
          <>
            <ApiText lines={3}>{t.name}</ApiText> <RollupBadge servers={t.servers} />
          </>
        }
        subtitle={kind.page.subtitle(t)}
        actions={
          <>
            <Freshness query={target} />
            <DeleteTargetButton kind={kind} target={t} />
          </>
        }
      />
      {kind.page.sections?.(t)}
      <TargetMembers kind={kind} target={t} />
      <TargetApplications target={t} kind={full} />
      <RecentActivity auditKind={kind.auditKind} id={String(t.id)} name={t.name} />
    </div>
  )
}

function NotFound({ kind, rawId, error }: { kind: TargetKind; rawId: string; error?: unknown }) {
  const { scope, environment } = useConsole()
  const { label, title } = TARGET_KINDS[kind]
  return (
    <NotFoundState
      title={`${title} not found`}
      error={error}
      back={{ to: paths.targets(scope.envId, kind), label: `Back to ${label}s` }}
    >
      There is no {label} <code>{rawId}</code> in <ApiText>{environment.name}</ApiText>. It may have
      been deleted.
    </NotFoundState>
  )
}

/** This group's or cluster's last changes from the audit trail (ADR 015). */
function RecentActivity({
  auditKind,
  id,
  name,
}: {
  auditKind: 'server-group' | 'cluster'
  id: string
  name: string
}) {
  const { scope } = useConsole()
  const activity = useQuery(auditQueries.resource(auditKind, id))
  return (
    <RecentActivityPanel
      query={activity}
      activityHref={paths.activity(scope.envId, new URLSearchParams({ q: name }).toString())}
    />
  )
}
