import { useQuery } from '@tanstack/react-query'
import { auditQueries } from '../../api/console/audit.ts'
import { RecentActivityPanel } from '../../components/recent-activity.tsx'
import { useState, type ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import { clusterQueries } from '../../api/runtime-manager/clusters.ts'
import { memberRollup, readVisibility } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
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
import { primaryName } from './cluster-list-model.ts'
import {
  AddClusterServerDialog,
  addPermission,
  BulkRemoveClusterServersButton,
  RemoveClusterServerButton,
} from './cluster-membership.tsx'
import { SelectAllMembers, SelectMember, useMemberSelection } from './bulk-membership.tsx'
import { DeleteClusterButton } from './delete-clusters.tsx'

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? '—'}</dd>
    </>
  )
}

/** One cluster: members with clustering IPs, the primary node, visibility, applications. */
export function ClusterPage() {
  const { scope } = useConsole()
  const { clusterId = '' } = useParams()
  const id = idFromPath(clusterId)
  const cluster = useQuery({ ...clusterQueries.detail(scope, id), enabled: Number.isFinite(id) })

  if (!Number.isFinite(id)) return <NotFound clusterId={clusterId} />
  if (cluster.isPending) return <LoadingState label="Loading cluster…" />
  if (cluster.isError && !cluster.data) {
    if (isApiError(cluster.error) && cluster.error.status === 404)
      return <NotFound clusterId={clusterId} error={cluster.error} />
    return (
      <ErrorPanel
        error={cluster.error}
        title="Could not load this cluster"
        onRetry={() => void cluster.refetch()}
        retrying={cluster.isFetching}
      />
    )
  }
  const c = cluster.data
  const rollup = memberRollup(c.servers)
  return (
    <div className="page">
      <PageHeader
        breadcrumbs={
          <>
            <Link to={paths.clusters(scope.envId)}>Clusters</Link> /{' '}
            <ApiText truncate>{c.name}</ApiText>
          </>
        }
        title={
          <>
            <ApiText lines={3}>{c.name}</ApiText> <RollupBadge servers={c.servers} />
          </>
        }
        subtitle={`${c.multicastEnabled ? 'Multicast' : 'Unicast'} cluster · ${rollup.total} of ${MAX_CLUSTER_SERVERS} servers`}
        actions={
          <>
            <Freshness query={cluster} />
            <DeleteClusterButton cluster={c} />
          </>
        }
      />
      <div className="grid-2">
        <section className="card" aria-labelledby="overview">
          <h2 id="overview">Overview</h2>
          <dl className="fields">
            <Field label="ID">{c.id}</Field>
            <Field label="Mode">
              {c.multicastEnabled
                ? 'Multicast: nodes discover each other'
                : 'Unicast: nodes know each other’s IP addresses'}
            </Field>
            <Field label="Primary node">{primaryName(c) || 'None reported'}</Field>
            <Field label="Servers">
              {rollup.total} of at most {MAX_CLUSTER_SERVERS}
            </Field>
            <Field label="Created">{formatDateTime(toEpochMs(c.timeCreated))}</Field>
            <Field label="Last update">{formatDateTime(toEpochMs(c.timeUpdated))}</Field>
          </dl>
        </section>
        <Visibility cluster={c} />
      </div>
      <Members cluster={c} />
      <TargetApplications target={c} kind="cluster" />
      <RecentActivity id={String(c.id)} name={c.name} />
    </div>
  )
}

function Members({ cluster }: { cluster: Cluster }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const [addOpen, setAddOpen] = useState(false)
  const visibility = readVisibility(cluster.visibilityMap)
  const total = cluster.servers.length
  const selection = useMemberSelection(cluster.servers)
  return (
    <section className="card" aria-labelledby="members">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="members">Servers</h2>
        <div className="toolbar">
          <BulkRemoveClusterServersButton cluster={cluster} selection={selection} />
          <Button permission={addPermission(cluster, canManage)} onClick={() => setAddOpen(true)}>
            Add server…
          </Button>
        </div>
      </div>
      <table className="data compact" aria-label={`Servers of ${cluster.name}`}>
        <thead>
          <tr>
            <th scope="col" style={{ width: 40 }}>
              <SelectAllMembers selection={selection} total={total} />
            </th>
            <th scope="col">Name</th>
            <th scope="col" style={{ width: 160 }}>
              Status
            </th>
            <th scope="col">Clustering IP</th>
            <th scope="col" style={{ width: 90 }}>
              Port
            </th>
            <th scope="col" style={{ width: 100 }}>
              Role
            </th>
            <th scope="col" style={{ width: 150 }}>
              Sees
            </th>
            <th scope="col" style={{ width: 120 }}>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cluster.servers.map((s) => {
            const status = serverStatus(s.status)
            const seen = visibility?.get(s.id)
            const others = seen ? [...seen].filter((id) => id !== s.id).length : null
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
                <td className="mono">{s.currentClusteringIp ?? s.serverIp ?? '—'}</td>
                <td className="mono">{s.currentClusteringPort ?? '—'}</td>
                <td>{cluster.primaryNodeId === s.id ? <strong>Primary</strong> : 'Member'}</td>
                <td>
                  {others === null
                    ? 'Not reported'
                    : `${others} of ${total - 1} other${total - 1 === 1 ? '' : 's'}`}
                </td>
                <td>
                  <RemoveClusterServerButton cluster={cluster} server={s} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {addOpen && (
        <AddClusterServerDialog cluster={cluster} open={addOpen} onOpenChange={setAddOpen} />
      )}
    </section>
  )
}

/** Which nodes see which: a node that sees fewer than all the others is split off. */
function Visibility({ cluster }: { cluster: Cluster }) {
  const visibility = readVisibility(cluster.visibilityMap)
  const nodes = cluster.servers
  const complete =
    visibility !== null &&
    nodes.every((a) => nodes.every((b) => a.id === b.id || visibility.get(a.id)?.has(b.id)))
  return (
    <section className="card" aria-labelledby="visibility">
      <h2 id="visibility">Visibility</h2>
      {visibility === null ? (
        <p className="muted">The cluster reports no visibility map.</p>
      ) : (
        <>
          <p style={{ marginTop: 0 }} className={complete ? undefined : 'alert alert-warn'}>
            {complete
              ? 'Every node sees every other node.'
              : 'Some nodes do not see each other: they cannot share state until they reconnect.'}
          </p>
          <div style={{ overflowX: 'auto' }}>
            <table className="data compact" aria-label="Which nodes see each other">
              <thead>
                <tr>
                  <th scope="col">Node</th>
                  {nodes.map((n) => (
                    <th key={n.id} scope="col" title={n.name}>
                      <ApiText>{n.name}</ApiText>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {nodes.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" title={a.name} style={{ fontWeight: 'normal' }}>
                      <ApiText>{a.name}</ApiText>
                    </th>
                    {nodes.map((b) =>
                      a.id === b.id ? (
                        <td key={b.id} className="muted">
                          —
                        </td>
                      ) : visibility.get(a.id)?.has(b.id) ? (
                        <td key={b.id}>
                          <StatusBadge label="Sees" tone="ok" />
                        </td>
                      ) : (
                        <td key={b.id}>
                          <StatusBadge label="Does not see" tone="danger" />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

function NotFound({ clusterId, error }: { clusterId: string; error?: unknown }) {
  const { scope, environment } = useConsole()
  return (
    <NotFoundState
      title="Cluster not found"
      error={error}
      back={{ to: paths.clusters(scope.envId), label: 'Back to clusters' }}
    >
      There is no cluster <code>{clusterId}</code> in <ApiText>{environment.name}</ApiText>. It may
      have been deleted.
    </NotFoundState>
  )
}

/** This cluster's last changes from the audit trail (ADR 015). */
function RecentActivity({ id, name }: { id: string; name: string }) {
  const { scope } = useConsole()
  const activity = useQuery(auditQueries.resource('cluster', id))
  return (
    <RecentActivityPanel
      query={activity}
      activityHref={paths.activity(scope.envId, new URLSearchParams({ q: name }).toString())}
    />
  )
}
