import { auditQueries } from '../../api/console/audit.ts'
import { linkColumn, PlainTable, type PlainColumn } from '../../components/plain-table.tsx'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import { applicationState } from '../../api/runtime-manager/application-status.ts'
import {
  deleteApplicationRequest,
  desiredStatusRequest,
  redeployRequest,
  useDeleteApplication,
  useRedeployApplication,
  useSetDesiredStatus,
} from '../../api/runtime-manager/applications.ts'
import { Button } from '../../components/button.tsx'
import { MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { usePageCommands } from '../../components/page-commands.tsx'
import { DetailHeader, type DetailViewProps } from '../../components/detail-page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import {
  applicationPhaseStatus,
  applicationStatus,
  runtimeAppStatusWords,
  serverStatus,
} from '../../components/status-tones.ts'
import { formatBytes, formatDuration } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { UpdateArtifactDialog } from './update-artifact-dialog.tsx'
import { TARGET_WORDS } from './application-list-model.ts'
import { Field, TimeField } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { Msg, useT } from '../../components/i18n.tsx'
import type { t as translate } from '../../lib/i18n.ts'

/**
 * An application's page: its route reads the application (and starts that read in its
 * loader), a 404 is the route's (ADR 020).
 */
/** The page's reading of a target's type: anything but a server or a cluster is a group. */
function targetKind(type: string): keyof typeof TARGET_WORDS {
  return type === 'SERVER' ? 'server' : type === 'CLUSTER' ? 'cluster' : 'group'
}

export function ApplicationView({ item: app, freshness }: DetailViewProps<Application>) {
  const { scope } = useConsole()
  const t = useT()
  const state = applicationState(app)
  const kind = targetKind(app.target.type)
  const status = applicationPhaseStatus(state)
  const members = app.target.type === 'SERVER' ? [app.target] : (app.target.servers ?? [])
  const memberById = new Map(members.map((s) => [s.id, s]))
  const properties = Object.entries(app.configuration ?? {})

  return (
    <>
      <DetailHeader
        back={{ to: paths.applications(scope.envId), label: t('applications.list.title') }}
        name={app.name}
        badge={
          <StatusBadge
            label={status.label}
            tone={status.tone}
            raw={applicationStatus(app.lastReportedStatus, app.desiredStatus).raw}
          />
        }
        subtitle={
          <span>
            <Msg
              id="applications.detail.shouldBe"
              values={{
                desired: (
                  <strong title={app.desiredStatus}>
                    {runtimeAppStatusWords(app.desiredStatus).label}
                  </strong>
                ),
                reported: (
                  <strong title={app.lastReportedStatus}>
                    {runtimeAppStatusWords(app.lastReportedStatus).label}
                  </strong>
                ),
              }}
            />
            {status.detail ? ` · ${status.detail}` : ''}
          </span>
        }
        actions={freshness}
      />
      <ApplicationActions app={app} settling={state.settling} />
      {state.phase === 'failed' && state.failure && (
        <div className="alert alert-error" role="alert">
          <div className="alert-title">{t('applications.detail.failedTitle')}</div>
          {state.failure}
          <div className="muted">{t('applications.detail.failedHint')}</div>
        </div>
      )}
      <div className="grid-2">
        <Card id="artifact" title={t('applications.list.artifact')}>
          <dl className="fields">
            <Field label={t('applications.detail.file')}>{app.artifact.fileName}</Field>
            <Field label={t('applications.list.size')}>
              {app.artifact.fileSize !== undefined ? formatBytes(app.artifact.fileSize) : undefined}
            </Field>
            <Field label={t('applications.detail.checksum')}>
              {app.artifact.fileChecksum ? (
                <span className="mono">{app.artifact.fileChecksum}</span>
              ) : undefined}
            </Field>
            <TimeField label={t('applications.list.updated')} at={app.artifact.timeUpdated} />
            <Field label={t('applications.detail.uptime')}>
              {typeof app.uptime === 'number' && app.uptime > 0
                ? formatDuration(app.uptime)
                : undefined}
            </Field>
          </dl>
        </Card>
        <Card id="target" title={t('applications.list.target')}>
          <dl className="fields">
            <Field label={t('applications.detail.type')}>{t(TARGET_WORDS[kind].whole)}</Field>
            <Field label={t('applications.list.name')}>
              <Link
                to={
                  kind === 'server'
                    ? paths.server(scope.envId, app.target.id)
                    : paths.target(scope.envId, kind, app.target.id)
                }
              >
                {app.target.name}
              </Link>
            </Field>
            <Field label={t('applications.list.status')}>
              {app.target.status ? (
                <span title={app.target.status}>{serverStatus(app.target.status).label}</span>
              ) : undefined}
            </Field>
            <Field label={t('applications.detail.servers')}>{members.length}</Field>
          </dl>
        </Card>
        <Card id="properties" title={t('applications.detail.properties')}>
          {properties.length === 0 ? (
            <p className="muted">{t('applications.detail.noProperties')}</p>
          ) : (
            <dl className="fields">
              {properties.map(([key, value]) => (
                <Field key={key} label={key}>
                  <span className="mono">{value}</span>
                </Field>
              ))}
            </dl>
          )}
        </Card>
      </div>
      <Card id="servers" title={t('applications.detail.onEachServer')}>
        <PlainTable
          label={t('applications.detail.statusOnEach')}
          stackOnPhone
          rows={app.serverArtifacts ?? []}
          rowKey={(artifact) => artifact.id}
          columns={artifactColumns(scope.envId, memberById, t)}
        />
      </Card>
      <ResourceActivity
        query={auditQueries.resource('application', String(app.id))}
        name={app.name}
      />
    </>
  )
}

type ServerArtifact = NonNullable<Application['serverArtifacts']>[number]

/** The table of the application's copy on each server; cells are render functions. */
function artifactColumns(
  envId: string,
  memberById: ReadonlyMap<number, { name: string; status?: string }>,
  t: typeof translate,
): PlainColumn<ServerArtifact>[] {
  return [
    linkColumn(
      t('applications.detail.server'),
      (artifact) => paths.server(envId, artifact.serverId),
      (artifact) => memberById.get(artifact.serverId)?.name,
      (artifact) => t('applications.detail.serverById', { id: String(artifact.serverId) }),
    ),
    {
      label: t('applications.detail.serverStatus'),
      cell: (artifact) => {
        const serverState = memberById.get(artifact.serverId)?.status
        return serverState ? <StatusBadge {...serverStatus(serverState)} /> : '—'
      },
    },
    {
      label: t('applications.detail.application'),
      cell: (artifact) => (
        <StatusBadge {...applicationStatus(artifact.lastReportedStatus, artifact.desiredStatus)} />
      ),
    },
    {
      label: t('applications.detail.desired'),
      title: (artifact) => artifact.desiredStatus,
      cell: (artifact) =>
        artifact.desiredStatus ? runtimeAppStatusWords(artifact.desiredStatus).label : '—',
    },
    {
      label: t('applications.detail.message'),
      title: (artifact) => artifact.message ?? undefined,
      cell: (artifact) => artifact.message ?? '',
    },
  ]
}

function ApplicationActions({ app, settling }: { app: Application; settling: boolean }) {
  const { scope } = useConsole()
  const t = useT()
  const navigate = useNavigate()
  const canManage = usePermission('manageApplications')
  const canUpdate = usePermission('createApplications')
  const canDelete = usePermission('deleteApplications')
  const setStatus = useSetDesiredStatus(scope)
  const redeploy = useRedeployApplication(scope)
  const remove = useDeleteApplication(scope)
  // Words for the audit trail (ADR 015): a deleted application's answer has no name.
  const label = { name: app.name, on: app.target.name }
  const [updateOpen, setUpdateOpen] = useState(false)
  const deploying = app.desiredStatus === 'UPDATED'
  const busyWith = setStatus.isPending ? setStatus.variables?.desiredStatus : undefined

  // State-based limits keep the permission reason when both apply: the scope is the harder limit.
  const gate = (base: Permission, blocked: string | null): Permission =>
    !base.allowed ? base : blocked ? { allowed: false, reason: blocked } : base
  // Start and Stop are refused while a deployment runs, and once the application is so.
  const statusPermission = (status: 'STARTED' | 'STOPPED', already: string) =>
    gate(
      canManage,
      deploying
        ? t('applications.detail.deploymentRunning')
        : app.desiredStatus === status
          ? already
          : null,
    )

  const start = () => setStatus.mutate({ id: app.id, desiredStatus: 'STARTED', label })
  const updatePermission = gate(
    canUpdate,
    deploying ? t('applications.detail.deploymentRunning') : null,
  )
  // The palette offers the page's actions with the buttons' own handlers and permissions
  // (ADR 026); those behind a confirmation register through MutationConfirmButton.
  const busy = setStatus.isPending ? t('applications.detail.statusRunning') : null
  usePageCommands([
    {
      id: 'start',
      label: t('applications.detail.start'),
      subject: app.name,
      permission: statusPermission('STARTED', t('applications.detail.alreadyStarted')),
      unavailable: busy,
      run: start,
    },
    {
      id: 'update',
      label: t('applications.detail.updateCommand'),
      subject: app.name,
      asks: true,
      permission: updatePermission,
      run: () => setUpdateOpen(true),
    },
  ])

  return (
    <div className="field">
      <div className="toolbar" role="group" aria-label={t('applications.detail.actions')}>
        <Button
          variant="primary"
          permission={statusPermission('STARTED', t('applications.detail.alreadyStarted'))}
          busy={busyWith === 'STARTED'}
          disabled={setStatus.isPending}
          onClick={start}
        >
          {t('applications.detail.start')}
        </Button>
        <MutationConfirmButton
          trigger={{
            permission: statusPermission('STOPPED', t('applications.detail.alreadyStopped')),
            busy: busyWith === 'STOPPED',
            disabled: setStatus.isPending,
            children: t('applications.bulk.stopAction'),
          }}
          command={{
            id: 'stop',
            label: t('applications.bulk.stopWord'),
            subject: app.name,
            unavailable: busy,
          }}
          mutation={setStatus}
          title={<Msg id="applications.detail.stopTitle" values={{ name: app.name }} />}
          confirmLabel={t('applications.bulk.stopWord')}
          risk="availability"
          requests={[desiredStatusRequest(scope, app.id, 'STOPPED', label)]}
          variables={{ id: app.id, desiredStatus: 'STOPPED', label }}
          onSuccess={(_, close) => {
            toastSucceeded('applications.stop.succeeded', { name: app.name })
            close()
          }}
        >
          <p style={{ marginTop: 0 }}>
            <Msg id="applications.detail.stopExplain" values={{ target: app.target.name }} />
          </p>
        </MutationConfirmButton>
        <MutationConfirmButton
          trigger={{
            permission: gate(
              canManage,
              deploying ? t('applications.detail.deploymentRunning') : null,
            ),
            children: t('applications.detail.redeployAction'),
          }}
          command={{ id: 'redeploy', label: t('applications.detail.redeploy'), subject: app.name }}
          mutation={redeploy}
          title={<Msg id="applications.detail.redeployTitle" values={{ name: app.name }} />}
          confirmLabel={t('applications.detail.redeploy')}
          risk="availability"
          tone="primary"
          requests={[redeployRequest(scope, app.id, label)]}
          variables={{ id: app.id, label }}
          onSuccess={(_, close) => {
            toastSucceeded('applications.redeploy.succeeded', { name: app.name })
            close()
          }}
        >
          <p style={{ marginTop: 0 }}>
            <Msg
              id="applications.detail.redeployExplain"
              values={{ artifact: app.artifact.fileName ?? app.artifact.name }}
            />
          </p>
        </MutationConfirmButton>
        <Button permission={updatePermission} onClick={() => setUpdateOpen(true)}>
          {t('applications.detail.updateAction')}
        </Button>
        <MutationConfirmButton
          trigger={{
            variant: 'danger',
            permission: canDelete,
            children: t('applications.bulk.deleteAction'),
          }}
          command={{ id: 'delete', label: t('applications.bulk.deleteWord'), subject: app.name }}
          mutation={remove}
          title={<Msg id="applications.detail.deleteTitle" values={{ name: app.name }} />}
          confirmLabel={t('applications.bulk.deleteWord')}
          requests={[deleteApplicationRequest(scope, app.id, label)]}
          risk="irreversible"
          typeToConfirm={app.name}
          variables={{ id: app.id, label }}
          onSuccess={() => {
            toastSucceeded('applications.delete.succeeded', { name: app.name })
            void navigate(paths.applications(scope.envId))
          }}
        >
          <p style={{ marginTop: 0 }}>{t('applications.detail.deleteExplain')}</p>
        </MutationConfirmButton>
        {settling && <span className="updated">{t('applications.detail.following')}</span>}
      </div>
      {/* A failed stop shows in its confirmation, which stays open. */}
      {setStatus.error && setStatus.variables?.desiredStatus === 'STARTED' && (
        <ErrorPanel error={setStatus.error} title={t('applications.detail.startFailed')} />
      )}
      <UpdateArtifactDialog app={app} open={updateOpen} onOpenChange={setUpdateOpen} />
    </div>
  )
}
