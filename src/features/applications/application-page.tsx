import { auditQueries } from '../../api/console/audit.ts'
import { TableHead } from '../../components/table-head.tsx'
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
import { ApiText } from '../../components/api-text.tsx'
import { Button } from '../../components/button.tsx'
import { confirmTitle, MutationConfirmButton } from '../../components/confirm-dialog.tsx'
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
import { formatBytes, formatDateTime, formatDuration, toEpochMs } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { UpdateArtifactDialog } from './update-artifact-dialog.tsx'
import { Field } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastOutcome } from '../../components/outcome-message.tsx'

/**
 * An application's page: its route reads the application (and starts that read in its
 * loader), a 404 is the route's (ADR 020).
 */
export function ApplicationView({ item: app, freshness }: DetailViewProps<Application>) {
  const { scope } = useConsole()
  const state = applicationState(app)
  const status = applicationPhaseStatus(state)
  const members = app.target.type === 'SERVER' ? [app.target] : (app.target.servers ?? [])
  const memberById = new Map(members.map((s) => [s.id, s]))
  const properties = Object.entries(app.configuration ?? {})

  return (
    <>
      <DetailHeader
        back={{ to: paths.applications(scope.envId), label: 'Applications' }}
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
            Should be{' '}
            <strong title={app.desiredStatus}>
              {runtimeAppStatusWords(app.desiredStatus).label}
            </strong>{' '}
            · reports{' '}
            <strong title={app.lastReportedStatus}>
              {runtimeAppStatusWords(app.lastReportedStatus).label}
            </strong>
            {status.detail ? ` · ${status.detail}` : ''}
          </span>
        }
        actions={freshness}
      />
      <ApplicationActions app={app} settling={state.settling} />
      {state.phase === 'failed' && state.failure && (
        <div className="alert alert-error" role="alert">
          <div className="alert-title">The deployment failed</div>
          {state.failure}
          <div className="muted">Fix the artifact and update it, or redeploy to retry.</div>
        </div>
      )}
      <div className="grid-2">
        <Card id="artifact" title="Artifact">
          <dl className="fields">
            <Field label="File">{app.artifact.fileName}</Field>
            <Field label="Size">
              {app.artifact.fileSize !== undefined ? formatBytes(app.artifact.fileSize) : undefined}
            </Field>
            <Field label="Checksum">
              {app.artifact.fileChecksum ? (
                <span className="mono">{app.artifact.fileChecksum}</span>
              ) : undefined}
            </Field>
            <Field label="Updated">{formatDateTime(toEpochMs(app.artifact.timeUpdated))}</Field>
            <Field label="Uptime">
              {typeof app.uptime === 'number' && app.uptime > 0
                ? formatDuration(app.uptime)
                : undefined}
            </Field>
          </dl>
        </Card>
        <Card id="target" title="Target">
          <dl className="fields">
            <Field label="Type">
              {app.target.type === 'SERVER'
                ? 'Server'
                : app.target.type === 'CLUSTER'
                  ? 'Cluster'
                  : 'Server group'}
            </Field>
            <Field label="Name">
              {app.target.type === 'SERVER' ? (
                <Link to={paths.server(scope.envId, app.target.id)}>{app.target.name}</Link>
              ) : (
                <Link
                  to={
                    app.target.type === 'CLUSTER'
                      ? paths.cluster(scope.envId, app.target.id)
                      : paths.serverGroup(scope.envId, app.target.id)
                  }
                >
                  {app.target.name}
                </Link>
              )}
            </Field>
            <Field label="Status">
              {app.target.status ? (
                <span title={app.target.status}>{serverStatus(app.target.status).label}</span>
              ) : undefined}
            </Field>
            <Field label="Servers">{members.length}</Field>
          </dl>
        </Card>
        <Card id="properties" title="Properties">
          {properties.length === 0 ? (
            <p className="muted">No application properties were set.</p>
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
      <Card id="servers" title="On each server">
        <table className="data stack-on-phone" aria-label="Status on each server">
          <TableHead columns={['Server', 'Server status', 'Application', 'Desired', 'Message']} />
          <tbody>
            {(app.serverArtifacts ?? []).map((artifact) => {
              const server = memberById.get(artifact.serverId)
              const reported = applicationStatus(
                artifact.lastReportedStatus,
                artifact.desiredStatus,
              )
              return (
                <tr key={artifact.id}>
                  <td data-slot="title">
                    <Link to={paths.server(scope.envId, artifact.serverId)}>
                      {server?.name ?? `Server ${artifact.serverId}`}
                    </Link>
                  </td>
                  <td data-label="Server status">
                    {server?.status ? <StatusBadge {...serverStatus(server.status)} /> : '—'}
                  </td>
                  <td data-label="Application">
                    <StatusBadge {...reported} />
                  </td>
                  <td data-label="Desired" title={artifact.desiredStatus}>
                    {artifact.desiredStatus
                      ? runtimeAppStatusWords(artifact.desiredStatus).label
                      : '—'}
                  </td>
                  <td data-label="Message" title={artifact.message ?? undefined}>
                    {artifact.message ?? ''}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </Card>
      <ResourceActivity
        query={auditQueries.resource('application', String(app.id))}
        name={app.name}
      />
    </>
  )
}

function ApplicationActions({ app, settling }: { app: Application; settling: boolean }) {
  const { scope } = useConsole()
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
      deploying ? 'A deployment is in progress.' : app.desiredStatus === status ? already : null,
    )

  const start = () => setStatus.mutate({ id: app.id, desiredStatus: 'STARTED', label })
  const updatePermission = gate(canUpdate, deploying ? 'A deployment is in progress.' : null)
  // The palette offers the page's actions with the buttons' own handlers and permissions
  // (ADR 026); those behind a confirmation register through MutationConfirmButton.
  const busy = setStatus.isPending ? 'A start or stop is in progress.' : null
  usePageCommands([
    {
      id: 'start',
      label: 'Start',
      subject: app.name,
      permission: statusPermission('STARTED', 'It is already started.'),
      unavailable: busy,
      run: start,
    },
    {
      id: 'update',
      label: 'Update the artifact of',
      subject: app.name,
      asks: true,
      permission: updatePermission,
      run: () => setUpdateOpen(true),
    },
  ])

  return (
    <div className="field">
      <div className="toolbar" role="group" aria-label="Actions">
        <Button
          variant="primary"
          permission={statusPermission('STARTED', 'It is already started.')}
          busy={busyWith === 'STARTED'}
          disabled={setStatus.isPending}
          onClick={start}
        >
          Start
        </Button>
        <MutationConfirmButton
          trigger={{
            permission: statusPermission('STOPPED', 'It is already stopped.'),
            busy: busyWith === 'STOPPED',
            disabled: setStatus.isPending,
            children: 'Stop…',
          }}
          command={{ id: 'stop', label: 'Stop', subject: app.name, unavailable: busy }}
          mutation={setStatus}
          title={confirmTitle('Stop', app.name)}
          confirmLabel="Stop"
          risk="availability"
          requests={[desiredStatusRequest(scope, app.id, 'STOPPED', label)]}
          variables={{ id: app.id, desiredStatus: 'STOPPED', label }}
          onSuccess={(_, close) => {
            toastOutcome({ verb: 'stop', past: 'Stopped' }, app.name, { kind: 'succeeded' })
            close()
          }}
        >
          <p style={{ marginTop: 0 }}>
            The application stops on every server of <ApiText>{app.target.name}</ApiText>: its
            clients get no answer until it is started again.
          </p>
        </MutationConfirmButton>
        <MutationConfirmButton
          trigger={{
            permission: gate(canManage, deploying ? 'A deployment is in progress.' : null),
            children: 'Redeploy…',
          }}
          command={{ id: 'redeploy', label: 'Redeploy', subject: app.name }}
          mutation={redeploy}
          title={confirmTitle('Redeploy', app.name)}
          confirmLabel="Redeploy"
          risk="availability"
          tone="primary"
          requests={[redeployRequest(scope, app.id, label)]}
          variables={{ id: app.id, label }}
          onSuccess={(_, close) => {
            toastOutcome({ verb: 'redeploy', past: 'Redeployed' }, app.name, { kind: 'succeeded' })
            close()
          }}
        >
          <p style={{ marginTop: 0 }}>
            The current artifact ({app.artifact.fileName ?? app.artifact.name}) is deployed again on
            every server of the target. The application restarts: requests fail briefly while it
            does.
          </p>
        </MutationConfirmButton>
        <Button permission={updatePermission} onClick={() => setUpdateOpen(true)}>
          Update artifact…
        </Button>
        <MutationConfirmButton
          trigger={{ variant: 'danger', permission: canDelete, children: 'Delete…' }}
          command={{ id: 'delete', label: 'Delete', subject: app.name }}
          mutation={remove}
          title={confirmTitle('Delete', app.name)}
          confirmLabel="Delete"
          requests={[deleteApplicationRequest(scope, app.id, label)]}
          risk="irreversible"
          typeToConfirm={app.name}
          variables={{ id: app.id, label }}
          onSuccess={() => {
            toastOutcome({ verb: 'delete', past: 'Deleted' }, app.name, { kind: 'succeeded' })
            void navigate(paths.applications(scope.envId))
          }}
        >
          <p style={{ marginTop: 0 }}>
            The application is undeployed from every server of its target and removed with its
            artifact. This cannot be undone: to bring it back, deploy the artifact again.
          </p>
        </MutationConfirmButton>
        {settling && <span className="updated">Following the change: refreshing every 2 s</span>}
      </div>
      {/* A failed stop shows in its confirmation, which stays open. */}
      {setStatus.error && setStatus.variables?.desiredStatus === 'STARTED' && (
        <ErrorPanel
          error={setStatus.error}
          title="Start failed; the page shows the backend's current state"
        />
      )}
      <UpdateArtifactDialog app={app} open={updateOpen} onOpenChange={setUpdateOpen} />
    </div>
  )
}
