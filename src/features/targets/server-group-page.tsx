import { useQuery } from '@tanstack/react-query'
import { auditQueries } from '../../api/console/audit.ts'
import { RecentActivityPanel } from '../../components/recent-activity.tsx'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { serverGroupQueries } from '../../api/runtime-manager/server-groups.ts'
import { memberRollup } from '../../api/runtime-manager/target-rules.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { ApiText } from '../../components/api-text.tsx'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { RollupBadge } from './rollup-badge.tsx'
import { LoadingState, NotFoundState } from '../../components/states.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { TargetApplications } from './target-applications.tsx'
import { isApiError } from '../../lib/api-error.ts'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { idFromPath, paths } from '../../lib/paths.ts'
import { DeleteGroupButton } from './delete-groups.tsx'
import {
  AddGroupServerDialog,
  BulkRemoveGroupServersButton,
  RemoveGroupServerButton,
} from './group-membership.tsx'
import { SelectAllMembers, SelectMember, useMemberSelection } from './bulk-membership.tsx'

/** One server group: its members and their status, its applications on each member. */
export function ServerGroupPage() {
  const { scope } = useConsole()
  const { groupId = '' } = useParams()
  const id = idFromPath(groupId)
  const group = useQuery({
    ...serverGroupQueries.detail(scope, id),
    enabled: Number.isFinite(id),
  })

  if (!Number.isFinite(id)) return <NotFound groupId={groupId} />
  if (group.isPending) return <LoadingState label="Loading server group…" />
  if (group.isError && !group.data) {
    if (isApiError(group.error) && group.error.status === 404)
      return <NotFound groupId={groupId} error={group.error} />
    return (
      <ErrorPanel
        error={group.error}
        title="Could not load this server group"
        onRetry={() => void group.refetch()}
        retrying={group.isFetching}
      />
    )
  }
  const g = group.data
  const rollup = memberRollup(g.servers)
  return (
    <div className="page">
      <PageHeader
        breadcrumbs={
          <>
            <Link to={paths.serverGroups(scope.envId)}>Server groups</Link> /{' '}
            <ApiText truncate>{g.name}</ApiText>
          </>
        }
        title={
          <>
            <ApiText lines={3}>{g.name}</ApiText> <RollupBadge servers={g.servers} />
          </>
        }
        subtitle={`Server group · ${rollup.total} server${rollup.total === 1 ? '' : 's'} · created ${formatDateTime(toEpochMs(g.timeCreated))}`}
        actions={
          <>
            <Freshness query={group} />
            <DeleteGroupButton group={g} />
          </>
        }
      />
      <Members group={g} />
      <TargetApplications target={g} kind="server group" />
      <RecentActivity id={String(g.id)} name={g.name} />
    </div>
  )
}

function Members({ group }: { group: ServerGroup }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const [addOpen, setAddOpen] = useState(false)
  const selection = useMemberSelection(group.servers)
  return (
    <section className="card" aria-labelledby="members">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="members">Servers</h2>
        <div className="toolbar">
          <BulkRemoveGroupServersButton group={group} selection={selection} />
          <Button permission={canManage} onClick={() => setAddOpen(true)}>
            Add server…
          </Button>
        </div>
      </div>
      <table className="data compact" aria-label={`Servers of ${group.name}`}>
        <thead>
          <tr>
            <th scope="col" style={{ width: 40 }}>
              <SelectAllMembers selection={selection} total={group.servers.length} />
            </th>
            <th scope="col">Name</th>
            <th scope="col" style={{ width: 180 }}>
              Status
            </th>
            <th scope="col">Addresses</th>
            <th scope="col" style={{ width: 140 }}>
              Runtime
            </th>
            <th scope="col" style={{ width: 120 }}>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.servers.map((s) => {
            const status = serverStatus(s.status)
            return (
              <tr key={s.id}>
                <td>
                  <SelectMember server={s} selection={selection} />
                </td>
                <td>
                  <Link to={paths.server(scope.envId, s.id)}>{s.name}</Link>
                </td>
                <td>
                  <StatusBadge label={status.label} tone={status.tone} />
                </td>
                <td className="mono">{(s.addresses ?? []).map((a) => a.ip).join(', ') || '—'}</td>
                <td>{s.muleVersion ?? s.gatewayVersion ?? '—'}</td>
                <td>
                  <RemoveGroupServerButton group={group} server={s} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {addOpen && <AddGroupServerDialog group={group} open={addOpen} onOpenChange={setAddOpen} />}
    </section>
  )
}

function NotFound({ groupId, error }: { groupId: string; error?: unknown }) {
  const { scope, environment } = useConsole()
  return (
    <NotFoundState
      title="Server group not found"
      error={error}
      back={{ to: paths.serverGroups(scope.envId), label: 'Back to server groups' }}
    >
      There is no server group <code>{groupId}</code> in <ApiText>{environment.name}</ApiText>. It
      may have been deleted.
    </NotFoundState>
  )
}

/** This server group's last changes from the audit trail (ADR 015). */
function RecentActivity({ id, name }: { id: string; name: string }) {
  const { scope } = useConsole()
  const activity = useQuery(auditQueries.resource('server-group', id))
  return (
    <RecentActivityPanel
      query={activity}
      activityHref={paths.activity(scope.envId, new URLSearchParams({ q: name }).toString())}
    />
  )
}
