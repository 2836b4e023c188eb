import { useQuery } from '@tanstack/react-query'
import { TableHead } from '../../components/table-head.tsx'
import { auditQueries } from '../../api/console/audit.ts'
import { ResourceActivity } from '../../components/recent-activity.tsx'
import { useState, type ReactNode } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { parseAppId } from '../../api/device-admin/app-id.ts'
import type {
  Association,
  Device,
  SettableDeviceStatus,
  Transaction,
} from '../../api/device-admin/device-schemas.ts'
import {
  changeApplicationStatusRequest,
  changeDeviceStatusRequest,
  deviceQueries,
  removeDeviceRequest,
  useChangeApplicationStatus,
  useChangeDeviceStatus,
  useRemoveDevice,
  type ApplyMode,
} from '../../api/device-admin/devices.ts'
import {
  isTransactionFailedError,
  transactionErrors,
} from '../../api/device-admin/transaction-state.ts'
import { ApiText } from '../../components/api-text.tsx'
import { Button } from '../../components/button.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, type Permission } from '../../components/console-context.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { DetailFrame, DetailHeader } from '../../components/detail-page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import {
  deviceLabel,
  deviceStatusAction,
  deviceStatusTone,
  transactionStatusTone,
  usersOf,
} from './device-list-model.ts'
import { useDeviceChangePermission } from './device-permission.ts'
import { ModeChoice } from './mode-choice.tsx'
import {
  openAppTransactions,
  recentTransactions,
  TransactionsPanel,
  useFollowAndAnnounce,
} from './transactions-panel.tsx'
import './devices.css'
import { Field } from '../../components/field.tsx'
import { Card } from '../../components/card.tsx'
import { toastOutcome } from '../../components/outcome-message.tsx'

/** A device's page; its read starts in the route's loader, and "not found" is the route's (ADR 020). */
export function DevicePage() {
  const { runtime = '', deviceId = '' } = useParams()
  const [searchParams] = useSearchParams()
  const hint = searchParams.get('hint') ?? ''
  return (
    <DetailFrame loading="Loading device…" query={deviceQueries.detail(runtime, deviceId, hint)}>
      {(device, freshness) => (
        <DeviceView runtime={runtime} device={device} freshness={freshness} />
      )}
    </DetailFrame>
  )
}

function DeviceView({
  runtime,
  device,
  freshness,
}: {
  runtime: string
  device: Device
  freshness: ReactNode
}) {
  const { scope } = useConsole()
  const status = deviceStatusTone(device.status)
  const lastAccessed = device.lastAccessed ? Date.parse(device.lastAccessed) : undefined
  return (
    <>
      <DetailHeader
        back={{ to: paths.devices(scope.envId, runtime), label: <>Devices of {runtime}</> }}
        name={deviceLabel(device)}
        badge={<StatusBadge {...status} />}
        subtitle={
          <span>
            {device.deviceModel ? <ApiText>{device.deviceModel}</ApiText> : 'Unknown model'} ·{' '}
            {device.deviceOs ? <ApiText>{device.deviceOs}</ApiText> : 'unknown OS'} · users{' '}
            <ApiText>{usersOf(device)}</ApiText>
          </span>
        }
        actions={freshness}
      />
      <DeviceActions runtime={runtime} device={device} />
      <Card id="device-facts" title="Device">
        <dl className="fields">
          <Field label="Device id">
            <span className="mono">{device.id}</span>
          </Field>
          <Field label="Status">{status.label}</Field>
          <Field label="Users">{usersOf(device)}</Field>
          <Field label="Last access">{formatDateTime(lastAccessed)}</Field>
        </dl>
      </Card>
      <Applications runtime={runtime} device={device} />
      <TransactionsPanel
        runtime={runtime}
        deviceId={device.id}
        title="Transactions of this device"
      />
      <ResourceActivity
        query={auditQueries.resource('device', device.id)}
        name={deviceLabel(device)}
      />
    </>
  )
}

const STATUS_ACTIONS: ReadonlyArray<{
  status: SettableDeviceStatus
  label: string
  explain: string
}> = [
  {
    status: 'LOST',
    label: 'Mark lost',
    explain: 'A lost device can no longer reach the server with any application of this runtime.',
  },
  {
    status: 'STOLEN',
    label: 'Mark stolen',
    explain: 'A stolen device can no longer reach the server with any application of this runtime.',
  },
  {
    status: 'DISABLED',
    label: 'Disable device',
    explain: 'A disabled device can no longer reach the server until it is made active again.',
  },
  {
    status: 'ACTIVE',
    label: 'Mark active',
    explain: 'The device can reach the server again with its enabled applications.',
  },
]

function DeviceActions({ runtime, device }: { runtime: string; device: Device }) {
  const { scope } = useConsole()
  const navigate = useNavigate()
  const canChange = useDeviceChangePermission()
  const changeStatus = useChangeDeviceStatus(runtime)
  const remove = useRemoveDevice(runtime)
  const [confirm, setConfirm] = useState<SettableDeviceStatus | 'remove' | null>(null)
  const name = deviceLabel(device)
  const action = STATUS_ACTIONS.find((a) => a.status === confirm)

  const gate = (target: SettableDeviceStatus): Permission =>
    !canChange.allowed
      ? canChange
      : device.status === target
        ? { allowed: false, reason: `It is already ${target.toLowerCase()}.` }
        : canChange
  const close = () => {
    setConfirm(null)
    changeStatus.reset()
    remove.reset()
  }

  return (
    <div className="toolbar" role="group" aria-label="Device actions">
      {STATUS_ACTIONS.map((a) => (
        <Button key={a.status} permission={gate(a.status)} onClick={() => setConfirm(a.status)}>
          {a.label}…
        </Button>
      ))}
      <Button variant="danger" permission={canChange} onClick={() => setConfirm('remove')}>
        Remove device…
      </Button>
      {action && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={
            <>
              {action.label}: <ApiText>{name}</ApiText>?
            </>
          }
          confirmLabel={action.label}
          risk="availability"
          tone={action.status === 'ACTIVE' ? 'primary' : 'danger'}
          pending={changeStatus.isPending}
          error={changeStatus.error ?? undefined}
          requests={[changeDeviceStatusRequest(runtime, device.id, action.status, { name })]}
          onConfirm={() =>
            changeStatus.mutate(
              { deviceId: device.id, status: action.status, deviceName: name },
              {
                onSuccess: () => {
                  const done = deviceStatusAction(name, action.status)
                  toastOutcome(done.action, done.subject, { kind: 'succeeded' })
                  close()
                },
              },
            )
          }
        >
          <p style={{ marginTop: 0 }}>{action.explain}</p>
        </ConfirmDialog>
      )}
      {confirm === 'remove' && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={
            <>
              Remove <ApiText>{name}</ApiText>?
            </>
          }
          confirmLabel="Remove device"
          risk="irreversible"
          typeToConfirm={name}
          pending={remove.isPending}
          error={remove.error ?? undefined}
          requests={[removeDeviceRequest(runtime, device.id, { name })]}
          onConfirm={() =>
            remove.mutate(
              { deviceId: device.id, deviceName: name },
              {
                onSuccess: () => {
                  toastOutcome(
                    { verb: 'remove', past: 'Removed' },
                    { kind: 'device', name },
                    { kind: 'succeeded' },
                  )
                  void navigate(paths.devices(scope.envId, runtime))
                },
              },
            )
          }
        >
          <p style={{ marginTop: 0 }}>
            The device and its application statuses are removed from runtime{' '}
            <ApiText>{runtime}</ApiText>; open changes of it are canceled. If an application
            connects from it again, it registers as a new device with every application enabled.
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}

/** A change that did not succeed, with its transaction's details when there is one. */
function ChangeError({ error, what }: { error: unknown; what: ReactNode }) {
  if (isTransactionFailedError(error)) {
    const tx = error.transaction
    const errors = transactionErrors(tx)
    return (
      <div className="alert alert-error" role="alert">
        <div className="alert-title">
          {what} failed: transaction <ApiText>{String(tx.id)}</ApiText>{' '}
          <span title={tx.status}>{transactionStatusTone(tx.status).label.toLowerCase()}</span>
        </div>
        {errors.length > 0 ? (
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <ApiText>{e}</ApiText>
              </li>
            ))}
          </ul>
        ) : (
          <div>
            <ApiText>{error.message}</ApiText>
          </div>
        )}
        <div className="muted">The switch shows the status the server still has.</div>
      </div>
    )
  }
  return <ErrorPanel error={error} title={<>{what} failed</>} />
}

function Applications({ runtime, device }: { runtime: string; device: Device }) {
  const canChange = useDeviceChangePermission()
  const change = useChangeApplicationStatus(runtime)
  const recent = useQuery(recentTransactions(runtime))
  const [mode, setMode] = useState<ApplyMode>('wait')
  const apps = device.applicationDeviceAssociations ?? []
  const name = deviceLabel(device)
  const busyApp = change.isPending ? change.variables?.appName : undefined
  const failed = change.error && change.variables ? change.variables : null
  // Disabling cuts the user off the app on this device: it is confirmed first (ADR 028);
  // enabling is not. The outcome then shows on the page, as for an enable.
  const [disabling, setDisabling] = useState<Association | null>(null)

  const send = (app: Association) => {
    const status = app.status === 'ENABLED' ? 'DISABLED' : 'ENABLED'
    const action =
      status === 'ENABLED'
        ? { verb: 'enable', past: 'Enabled' }
        : { verb: 'disable', past: 'Disabled' }
    change.mutate(
      { deviceId: device.id, appName: app.appName, status, mode, deviceName: name },
      {
        // A queued change is sent, not done: the transactions panel follows it and says its end.
        onSuccess: (outcome) =>
          toastOutcome(
            action,
            { name: app.appName, relation: { word: 'on', name } },
            outcome.phase === 'success' ? { kind: 'succeeded' } : { kind: 'unknown' },
          ),
      },
    )
  }

  return (
    <section className="card devices-stack" aria-labelledby="device-apps">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="device-apps" style={{ margin: 0 }}>
          Applications
        </h2>
        <ModeChoice mode={mode} onChange={setMode} />
      </div>
      {!canChange.allowed && (
        <p className="muted" role="note">
          Read only: {canChange.reason}
        </p>
      )}
      {failed && (
        <ChangeError
          error={change.error}
          what={
            <>
              {failed.status === 'ENABLED' ? 'Enabling' : 'Disabling'}{' '}
              <ApiText>{failed.appName}</ApiText>
            </>
          }
        />
      )}
      {apps.length === 0 ? (
        <p className="muted">No application of this runtime is registered on this device.</p>
      ) : (
        <div className="apps-scroll">
          <table className="data" aria-label="Applications on this device">
            <TableHead
              columns={[
                { label: 'Application', width: '18%' },
                { label: 'Platform', width: '11%' },
                { label: 'Version', width: '11%' },
                { label: 'Bundle id', width: '20%' },
                { label: 'Status', width: '16%' },
                'Pending change',
              ]}
            />
            <tbody>
              {apps.map((app) => {
                const parsed = parseAppId(app.appId)
                const enabled = app.status === 'ENABLED'
                const open = openAppTransactions(recent.data?.items, device.id, app.appName)
                return (
                  <tr key={app.appName}>
                    <td>
                      <ApiText>{app.appName}</ApiText>
                    </td>
                    <td>{parsed.platformLabel ?? '—'}</td>
                    <td>{parsed.version ?? '—'}</td>
                    <td className="mono" title={app.appId}>
                      {parsed.bundleId}
                    </td>
                    <td>
                      <Button
                        role="switch"
                        aria-checked={enabled}
                        aria-label={app.appName}
                        variant="ghost"
                        size="small"
                        className="app-switch"
                        permission={canChange}
                        busy={busyApp === app.appName}
                        disabled={change.isPending}
                        onClick={() => (enabled ? setDisabling(app) : send(app))}
                      >
                        <span className="track" aria-hidden="true" />
                        <span aria-hidden="true">{enabled ? 'Enabled' : 'Disabled'}</span>
                      </Button>
                    </td>
                    <td>
                      {open[0] ? (
                        <PendingChange runtime={runtime} tx={open[0]} />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {disabling && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : setDisabling(null))}
          title={
            <>
              Disable <ApiText>{disabling.appName}</ApiText> on <ApiText>{name}</ApiText>?
            </>
          }
          confirmLabel="Disable"
          risk="availability"
          pending={false}
          requests={[
            changeApplicationStatusRequest(
              runtime,
              device.id,
              disabling.appName,
              'DISABLED',
              mode,
              {
                name,
              },
            ),
          ]}
          onConfirm={() => {
            send(disabling)
            setDisabling(null)
          }}
        >
          <p style={{ marginTop: 0 }}>
            The application can no longer reach the server from this device: whoever uses it there
            is cut off until it is enabled again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** A queued change of this application, followed until its transaction ends. */
function PendingChange({ runtime, tx }: { runtime: string; tx: Transaction }) {
  const followed = useFollowAndAnnounce(runtime, tx)
  const current = followed.data ?? tx
  const target = tx.description?.status === 'ENABLED' ? 'Enabling' : 'Disabling'
  return (
    <span className="toolbar">
      <span>
        {target} · transaction <ApiText>{String(tx.id)}</ApiText>
      </span>
      <StatusBadge {...transactionStatusTone(current.status)} />
    </span>
  )
}
