import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Suspense } from 'react'
import { Link, useParams } from 'react-router'
import { auditQueries } from '../../api/console/audit.ts'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import { ApiText } from '../../components/api-text.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { RecentActivityPanel } from '../../components/recent-activity.tsx'
import { LoadingState } from '../../components/states.tsx'
import { idFromPath, paths } from '../../lib/paths.ts'
import { useT } from '../../components/i18n.tsx'
import { DeleteTargetButton } from './delete-target.tsx'
import { RollupBadge } from './rollup-badge.tsx'
import { TargetApplications } from './target-applications.tsx'
import { wordsOf, type TargetKindSpec } from './target-kind.ts'
import { TargetMembers } from './target-membership.tsx'

/**
 * One server group or cluster: its members and their status (with the kind's own
 * sections and columns), its applications on each member, its recent changes.
 * `param` is the route's id parameter. Its read starts in the route's loader, and an id
 * that is not there (or a first read that fails) is the route's (ADR 020).
 */
export function TargetPage<T extends TargetRecord, B extends { name: string }>({
  kind,
  param,
}: {
  kind: TargetKindSpec<T, B>
  param: string
}) {
  const t = useT()
  return (
    <Suspense fallback={<LoadingState label={t(wordsOf(kind.kind).loading)} />}>
      <TargetDetail kind={kind} param={param} />
    </Suspense>
  )
}

function TargetDetail<T extends TargetRecord, B extends { name: string }>({
  kind,
  param,
}: {
  kind: TargetKindSpec<T, B>
  param: string
}) {
  const { scope } = useConsole()
  const translate = useT()
  const rawId = useParams()[param] ?? ''
  const target = useSuspenseQuery(kind.api.queries.detail(scope, idFromPath(rawId)))
  const words = wordsOf(kind.kind)
  const t = target.data
  return (
    <div className="page">
      <PageHeader
        breadcrumbs={
          <>
            <Link to={paths.targets(scope.envId, kind.kind)}>{translate(words.plural)}</Link> /{' '}
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
      <TargetApplications target={t} none={words.appsNone} />
      <RecentActivity auditKind={kind.auditKind} id={String(t.id)} name={t.name} />
    </div>
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
