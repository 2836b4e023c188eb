import { useQuery } from '@tanstack/react-query'
import { TableHead } from '../../components/table-head.tsx'
import { auditQueries } from '../../api/console/audit.ts'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { Link, useNavigate } from 'react-router'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import { unregisterServerRequest, useUnregisterServer } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { ApiList, ApiText } from '../../components/api-text.tsx'
import { confirmTitle, MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import { DetailHeader, type DetailViewProps } from '../../components/detail-page.tsx'
import { QuerySection } from '../../components/query-section.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { applicationStatus } from '../../components/status-tones.ts'
import { useNow } from '../../components/use-now.ts'
import { formatBytes, formatDateTime, toEpochMs } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { ExpiryTags, ServerStatusBadge } from './server-cells.tsx'
import { membershipOf } from './server-list-model.ts'
import { Field } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastOutcome } from '../../components/outcome-message.tsx'

/**
 * A server's page: its route reads the server (and starts that read in its loader), a 404
 * is the route's (ADR 020).
 */
export function ServerView({ item: s, freshness }: DetailViewProps<Server>) {
  const { scope } = useConsole()
  const now = useNow(60_000)
  return (
    <>
      <DetailHeader
        back={{ to: paths.servers(scope.envId), label: 'Servers' }}
        name={s.name}
        badge={<ServerStatusBadge status={s.status} />}
        subtitle={<ExpiryTags server={s} now={now} />}
        actions={
          <>
            {freshness}
            <UnregisterButton server={s} />
          </>
        }
      />
      <div className="grid-2">
        <Card id="overview" title="Overview">
          <dl className="fields">
            <Field label="ID">{s.id}</Field>
            <Field label="Type">
              {s.serverType === 'GATEWAY' ? 'API Gateway' : 'Mule runtime'}
            </Field>
            <Field label="Mule version">{s.muleVersion}</Field>
            {s.gatewayVersion && <Field label="Gateway version">{s.gatewayVersion}</Field>}
            <Field label="Agent version">{s.agentVersion}</Field>
            <Field label="Addresses">
              {(s.addresses ?? []).length === 0
                ? '—'
                : (s.addresses ?? []).map((a) => (
                    <div key={`${a.ip}-${a.networkInterface ?? ''}`} className="mono">
                      {a.ip}
                      {a.networkInterface ? ` (${a.networkInterface})` : ''}
                    </div>
                  ))}
            </Field>
            <Field label="Registered">{formatDateTime(toEpochMs(s.timeCreated))}</Field>
            <Field label="Last update">{formatDateTime(toEpochMs(s.timeUpdated))}</Field>
          </dl>
        </Card>
        <Card id="membership" title="Group or cluster">
          <Membership server={s} />
          <h2 style={{ marginTop: 16 }}>Expiry</h2>
          <dl className="fields">
            <Field label="Licence expires">
              {formatDateTime(toEpochMs(s.licenseExpirationDate))}
            </Field>
            <Field label="Certificate expires">
              {formatDateTime(toEpochMs(s.certificateExpirationDate))}
            </Field>
          </dl>
        </Card>
        <Card id="runtime" title="Runtime information">
          {s.runtimeInformation ? (
            <dl className="fields">
              <Field label="JVM">
                {[
                  s.runtimeInformation.jvmInformation?.runtime?.name,
                  s.runtimeInformation.jvmInformation?.runtime?.version,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined}
              </Field>
              <Field label="JVM vendor">
                {s.runtimeInformation.jvmInformation?.runtime?.vendor}
              </Field>
              <Field label="Operating system">
                {[
                  s.runtimeInformation.osInformation?.name,
                  s.runtimeInformation.osInformation?.version,
                  s.runtimeInformation.osInformation?.architecture,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined}
              </Field>
              <Field label="Processors">{s.runtimeInformation.availableProcessors}</Field>
              <Field label="Time zone">{s.runtimeInformation.timezone}</Field>
              <Field label="Encoding">{s.runtimeInformation.encoding}</Field>
            </dl>
          ) : (
            <p className="muted">Not reported yet: the agent has not connected.</p>
          )}
        </Card>
      </div>
      <ServerApplications server={s} />
      <ResourceActivity query={auditQueries.resource('server', String(s.id))} name={s.name} />
    </>
  )
}

function Membership({ server }: { server: Server }) {
  const m = membershipOf(server)
  if (!m) return <p className="muted">Not in a server group or cluster.</p>
  return (
    <dl className="fields">
      <Field label={m.kind === 'group' ? 'Server group' : 'Cluster'}>
        <MembershipLink membership={m} />
      </Field>
      {m.kind === 'cluster' && (
        <Field label="Clustering IP">{server.currentClusteringIp ?? server.serverIp}</Field>
      )}
      {m.kind === 'cluster' && server.currentClusteringPort != null && (
        <Field label="Clustering port">{server.currentClusteringPort}</Field>
      )}
    </dl>
  )
}

function MembershipLink({
  membership,
}: {
  membership: NonNullable<ReturnType<typeof membershipOf>>
}) {
  const { scope } = useConsole()
  return (
    <Link
      to={
        membership.kind === 'group'
          ? paths.serverGroup(scope.envId, membership.id)
          : paths.cluster(scope.envId, membership.id)
      }
    >
      {membership.name}
    </Link>
  )
}

function UnregisterButton({ server }: { server: Server }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const navigate = useNavigate()
  const unregister = useUnregisterServer(scope)
  const apps = useQuery(applicationQueries.list(scope, { targetId: server.id }))
  const member = membershipOf(server)
  const permission: Permission = !canManage.allowed
    ? canManage
    : member
      ? {
          allowed: false,
          reason: `Remove it from ${member.kind === 'group' ? 'server group' : 'cluster'} '${member.name}' first.`,
        }
      : { allowed: true }
  const ownApps = (apps.data?.items ?? []).filter((a) => a.target.id === server.id)

  return (
    <MutationConfirmButton
      trigger={{ variant: 'danger', permission, children: 'Unregister…' }}
      mutation={unregister}
      title={confirmTitle('Unregister', server.name)}
      confirmLabel="Unregister"
      risk="irreversible"
      typeToConfirm={server.name}
      requests={[unregisterServerRequest(scope, server.id, { name: server.name })]}
      variables={{ id: server.id, label: { name: server.name } }}
      onSuccess={() => {
        toastOutcome({ verb: 'unregister', past: 'Unregistered' }, server.name, {
          kind: 'succeeded',
        })
        void navigate(paths.servers(scope.envId))
      }}
    >
      <p style={{ marginTop: 0 }}>
        The server is removed from Runtime Manager and its agent stops reporting. To manage this
        host again, register it anew.
      </p>
      {ownApps.length > 0 && (
        <p className="alert alert-warn">
          {ownApps.length} application{ownApps.length === 1 ? '' : 's'} deployed to this server
          alone will be removed with it:{' '}
          <ApiList names={ownApps.map((a) => a.name)} max={Infinity} />.
        </p>
      )}
    </MutationConfirmButton>
  )
}

function ServerApplications({ server }: { server: Server }) {
  const { scope } = useConsole()
  const apps = useQuery(applicationQueries.list(scope, { targetId: server.id }))
  return (
    <QuerySection
      headingId="apps"
      heading="Applications on this server"
      query={apps}
      loading="Loading applications…"
      errorTitle="Could not load the applications"
    >
      <RejectedRecords rejected={apps.data?.rejected} noun={['application', 'applications']} />
      {apps.data && apps.data.items.length === 0 && (
        <p className="muted">No applications are deployed to this server.</p>
      )}
      {apps.data && apps.data.items.length > 0 && (
        <table className="data" aria-label="Applications on this server">
          <TableHead
            columns={['Name', 'Status on this server', 'Deployed to', 'Artifact', 'Message']}
          />
          <tbody>
            {apps.data.items.map((app) => (
              <ApplicationRow key={app.id} app={app} serverId={server.id} />
            ))}
          </tbody>
        </table>
      )}
    </QuerySection>
  )
}

function ApplicationRow({ app, serverId }: { app: Application; serverId: number }) {
  const { scope } = useConsole()
  const artifact = app.serverArtifacts?.find((a) => a.serverId === serverId)
  const status = applicationStatus(
    artifact?.lastReportedStatus ?? app.lastReportedStatus,
    artifact?.desiredStatus ?? app.desiredStatus,
  )
  const via =
    app.target.type === 'SERVER' ? (
      'This server'
    ) : (
      <>
        {app.target.type === 'CLUSTER' ? 'Cluster' : 'Group'} <ApiText>{app.target.name}</ApiText>
      </>
    )
  return (
    <tr>
      <td>
        <Link to={paths.application(scope.envId, app.id)}>{app.name}</Link>
      </td>
      <td>
        <StatusBadge {...status} />
      </td>
      <td>{via}</td>
      <td title={app.artifact.fileName}>
        {app.artifact.fileName ?? app.artifact.name}
        {app.artifact.fileSize !== undefined && (
          <span className="muted"> · {formatBytes(app.artifact.fileSize)}</span>
        )}
      </td>
      <td title={artifact?.message ?? undefined}>
        {artifact?.message ? <ApiText>{artifact.message}</ApiText> : ''}
      </td>
    </tr>
  )
}
