import { useQuery } from '@tanstack/react-query'
import { linkColumn, PlainTable, type PlainColumn } from '../../components/plain-table.tsx'
import { auditQueries } from '../../api/console/audit.ts'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { Link, useNavigate } from 'react-router'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import { unregisterServerRequest, useUnregisterServer } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { ApiText } from '../../components/api-text.tsx'
import { MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { DetailHeader, type DetailViewProps } from '../../components/detail-page.tsx'
import { QuerySection } from '../../components/query-section.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { applicationStatus } from '../../components/status-tones.ts'
import { useNow } from '../../components/use-now.ts'
import { formatBytes } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { ExpiryTags, ServerStatusBadge } from './server-cells.tsx'
import { membershipOf } from '../../api/runtime-manager/target-rules.ts'
import { Field, TimeField } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { Msg, useT, ApiList } from '../../components/i18n.tsx'
import type { t as translate } from '../../lib/i18n.ts'

/**
 * A server's page: its route reads the server (and starts that read in its loader), a 404
 * is the route's (ADR 020).
 */
export function ServerView({ item: s, freshness }: DetailViewProps<Server>) {
  const { scope } = useConsole()
  const t = useT()
  const now = useNow(60_000)
  return (
    <>
      <DetailHeader
        back={{ to: paths.servers(scope.envId), label: t('servers.list.title') }}
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
        <Card id="overview" title={t('servers.detail.overview')}>
          <dl className="fields">
            <Field label={t('servers.detail.id')}>{s.id}</Field>
            <Field label={t('servers.detail.type')}>
              {s.serverType === 'GATEWAY'
                ? t('servers.detail.typeGateway')
                : t('servers.detail.typeMule')}
            </Field>
            <Field label={t('servers.detail.muleVersion')}>{s.muleVersion}</Field>
            {s.gatewayVersion && (
              <Field label={t('servers.detail.gatewayVersion')}>{s.gatewayVersion}</Field>
            )}
            <Field label={t('servers.detail.agentVersion')}>{s.agentVersion}</Field>
            <Field label={t('servers.detail.addresses')}>
              {(s.addresses ?? []).length === 0
                ? '—'
                : (s.addresses ?? []).map((a) => (
                    <div key={`${a.ip}-${a.networkInterface ?? ''}`} className="mono">
                      {a.ip}
                      {a.networkInterface ? ` (${a.networkInterface})` : ''}
                    </div>
                  ))}
            </Field>
            <TimeField label={t('servers.detail.registered')} at={s.timeCreated} />
            <TimeField label={t('servers.detail.lastUpdate')} at={s.timeUpdated} />
          </dl>
        </Card>
        <Card id="membership" title={t('servers.detail.membership')}>
          <Membership server={s} />
          <h2 style={{ marginTop: 16 }}>{t('servers.detail.expiry')}</h2>
          <dl className="fields">
            <TimeField label={t('servers.detail.licenceExpires')} at={s.licenseExpirationDate} />
            <TimeField
              label={t('servers.detail.certificateExpires')}
              at={s.certificateExpirationDate}
            />
          </dl>
        </Card>
        <Card id="runtime" title={t('servers.detail.runtime')}>
          {s.runtimeInformation ? (
            <dl className="fields">
              <Field label={t('servers.detail.jvm')}>
                {[
                  s.runtimeInformation.jvmInformation?.runtime?.name,
                  s.runtimeInformation.jvmInformation?.runtime?.version,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined}
              </Field>
              <Field label={t('servers.detail.jvmVendor')}>
                {s.runtimeInformation.jvmInformation?.runtime?.vendor}
              </Field>
              <Field label={t('servers.detail.os')}>
                {[
                  s.runtimeInformation.osInformation?.name,
                  s.runtimeInformation.osInformation?.version,
                  s.runtimeInformation.osInformation?.architecture,
                ]
                  .filter(Boolean)
                  .join(' ') || undefined}
              </Field>
              <Field label={t('servers.detail.processors')}>
                {s.runtimeInformation.availableProcessors}
              </Field>
              <Field label={t('servers.detail.timeZone')}>{s.runtimeInformation.timezone}</Field>
              <Field label={t('servers.detail.encoding')}>{s.runtimeInformation.encoding}</Field>
            </dl>
          ) : (
            <p className="muted">{t('servers.detail.runtimeNotReported')}</p>
          )}
        </Card>
      </div>
      <ServerApplications server={s} />
      <ResourceActivity query={auditQueries.resource('server', String(s.id))} name={s.name} />
    </>
  )
}

function Membership({ server }: { server: Server }) {
  const t = useT()
  const m = membershipOf(server)
  if (!m) return <p className="muted">{t('servers.detail.noMembership')}</p>
  return (
    <dl className="fields">
      <Field
        label={m.kind === 'group' ? t('servers.detail.serverGroup') : t('servers.detail.cluster')}
      >
        <MembershipLink membership={m} />
      </Field>
      {m.kind === 'cluster' && (
        <Field label={t('servers.detail.clusteringIp')}>
          {server.currentClusteringIp ?? server.serverIp}
        </Field>
      )}
      {m.kind === 'cluster' && server.currentClusteringPort != null && (
        <Field label={t('servers.detail.clusteringPort')}>{server.currentClusteringPort}</Field>
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
  const t = useT()
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
          reason:
            member.kind === 'group'
              ? t('servers.unregister.inGroup', { name: member.name })
              : t('servers.unregister.inCluster', { name: member.name }),
        }
      : { allowed: true }
  const ownApps = (apps.data?.items ?? []).filter((a) => a.target.id === server.id)

  return (
    <MutationConfirmButton
      trigger={{ variant: 'danger', permission, children: t('servers.unregister.trigger') }}
      mutation={unregister}
      title={<Msg id="servers.unregister.title" values={{ name: server.name }} />}
      confirmLabel={t('servers.unregister.confirm')}
      risk="irreversible"
      typeToConfirm={server.name}
      requests={[unregisterServerRequest(scope, server.id, { name: server.name })]}
      variables={{ id: server.id, label: { name: server.name } }}
      onSuccess={() => {
        toastSucceeded('servers.unregister.succeeded', { name: server.name })
        void navigate(paths.servers(scope.envId))
      }}
    >
      <p style={{ marginTop: 0 }}>{t('servers.unregister.body')}</p>
      {ownApps.length > 0 && (
        <p className="alert alert-warn">
          <Msg
            id="servers.unregister.ownApps"
            values={{
              count: ownApps.length,
              names: <ApiList names={ownApps.map((a) => a.name)} max={Infinity} />,
            }}
          />
        </p>
      )}
    </MutationConfirmButton>
  )
}

function ServerApplications({ server }: { server: Server }) {
  const { scope } = useConsole()
  const t = useT()
  const apps = useQuery(applicationQueries.list(scope, { targetId: server.id }))
  return (
    <QuerySection
      headingId="apps"
      heading={t('servers.apps.title')}
      query={apps}
      loading={t('servers.apps.loading')}
      errorTitle={t('servers.apps.failed')}
      noun={[t('servers.apps.nounOne'), t('servers.apps.nounOther')]}
    >
      {apps.data && apps.data.items.length === 0 && (
        <p className="muted">{t('servers.apps.none')}</p>
      )}
      {apps.data && apps.data.items.length > 0 && (
        <PlainTable
          label={t('servers.apps.title')}
          rows={apps.data.items}
          rowKey={(app) => app.id}
          columns={applicationColumns(scope.envId, server.id, t)}
          stackOnPhone
        />
      )}
    </QuerySection>
  )
}

/** The table of the applications on a server; cells are render functions. */
function applicationColumns(envId: string, serverId: number, t: typeof translate) {
  return [
    linkColumn(
      t('servers.apps.name'),
      (app) => paths.application(envId, app.id),
      (a) => a.name,
    ),
    {
      label: t('servers.apps.status'),
      cell: (app) => {
        const artifact = artifactOn(app, serverId)
        return (
          <StatusBadge
            {...applicationStatus(
              artifact?.lastReportedStatus ?? app.lastReportedStatus,
              artifact?.desiredStatus ?? app.desiredStatus,
            )}
          />
        )
      },
    },
    { label: t('servers.apps.deployedTo'), cell: (app) => <DeployedVia app={app} /> },
    {
      label: t('servers.apps.artifact'),
      title: (app) => app.artifact.fileName,
      cell: (app) => (
        <>
          {app.artifact.fileName ?? app.artifact.name}
          {app.artifact.fileSize !== undefined && (
            <span className="muted"> · {formatBytes(app.artifact.fileSize)}</span>
          )}
        </>
      ),
    },
    {
      label: t('servers.apps.message'),
      title: (app) => artifactOn(app, serverId)?.message ?? undefined,
      cell: (app) => {
        const message = artifactOn(app, serverId)?.message
        return message ? <ApiText>{message}</ApiText> : ''
      },
    },
  ] satisfies PlainColumn<Application>[]
}

/** What this server runs of an application: its copy's own status and message. */
function artifactOn(app: Application, serverId: number) {
  return app.serverArtifacts?.find((a) => a.serverId === serverId)
}

/** How the application reaches the server: deployed to it, or to its group or cluster. */
function DeployedVia({ app }: { app: Application }) {
  const t = useT()
  return app.target.type === 'SERVER' ? (
    t('servers.apps.viaServer')
  ) : (
    <Msg
      id={app.target.type === 'CLUSTER' ? 'servers.apps.viaCluster' : 'servers.apps.viaGroup'}
      values={{ name: app.target.name }}
    />
  )
}
