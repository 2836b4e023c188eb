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
import { toastOutcome } from '../../components/outcome-message.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { formatDateTime } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import {
  appStatusAction,
  deviceLabel,
  deviceStatusAction,
  deviceStatusTone,
  removeDeviceAction,
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
import { Msg, useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'

/** A device's page; its read starts in the route's loader, and "not found" is the route's (ADR 020). */
export function DevicePage() {
  const { runtime = '', deviceId = '' } = useParams()
  const [searchParams] = useSearchParams()
  const hint = searchParams.get('hint') ?? ''
  const t = useT()
  return (
    <DetailFrame
      loading={t('devices.device.loading')}
      query={deviceQueries.detail(runtime, deviceId, hint)}
    >
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
  const t = useT()
  const { scope } = useConsole()
  const status = deviceStatusTone(device.status)
  const lastAccessed = device.lastAccessed ? Date.parse(device.lastAccessed) : undefined
  return (
    <>
      <DetailHeader
        back={{
          to: paths.devices(scope.envId, runtime),
          label: <Msg id="devices.device.back" values={{ runtime }} />,
        }}
        name={deviceLabel(device)}
        badge={<StatusBadge {...status} />}
        subtitle={
          <span>
            <Msg
              id="devices.device.subtitle"
              values={{
                model: device.deviceModel || t('devices.device.unknownModel'),
                os: device.deviceOs || t('devices.device.unknownOs'),
                users: usersOf(device),
              }}
            />
          </span>
        }
        actions={freshness}
      />
      <DeviceActions runtime={runtime} device={device} />
      <Card id="device-facts" title={t('devices.device.facts')}>
        <dl className="fields">
          <Field label={t('devices.device.id')}>
            <span className="mono">{device.id}</span>
          </Field>
          <Field label={t('devices.device.status')}>{status.label}</Field>
          <Field label={t('devices.device.users')}>{usersOf(device)}</Field>
          <Field label={t('devices.device.lastAccess')}>{formatDateTime(lastAccessed)}</Field>
        </dl>
      </Card>
      <Applications runtime={runtime} device={device} />
      <TransactionsPanel
        runtime={runtime}
        deviceId={device.id}
        title={t('devices.device.transactions')}
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
  label: MessageKey
  /** The button, with the ellipsis of an action that asks first. */
  button: MessageKey
  /** The confirmation's title, naming the device. */
  title: MessageKey
  explain: MessageKey
}> = [
  {
    status: 'LOST',
    label: 'devices.actions.markLost',
    button: 'devices.actions.markLostButton',
    title: 'devices.actions.markLostTitle',
    explain: 'devices.actions.markLostExplain',
  },
  {
    status: 'STOLEN',
    label: 'devices.actions.markStolen',
    button: 'devices.actions.markStolenButton',
    title: 'devices.actions.markStolenTitle',
    explain: 'devices.actions.markStolenExplain',
  },
  {
    status: 'DISABLED',
    label: 'devices.actions.disable',
    button: 'devices.actions.disableButton',
    title: 'devices.actions.disableTitle',
    explain: 'devices.actions.disableExplain',
  },
  {
    status: 'ACTIVE',
    label: 'devices.actions.markActive',
    button: 'devices.actions.markActiveButton',
    title: 'devices.actions.markActiveTitle',
    explain: 'devices.actions.markActiveExplain',
  },
]

function DeviceActions({ runtime, device }: { runtime: string; device: Device }) {
  const t = useT()
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
        ? { allowed: false, reason: t('devices.actions.already', { status: target }) }
        : canChange
  const close = () => {
    setConfirm(null)
    changeStatus.reset()
    remove.reset()
  }

  return (
    <div className="toolbar" role="group" aria-label={t('devices.actions.label')}>
      {STATUS_ACTIONS.map((a) => (
        <Button key={a.status} permission={gate(a.status)} onClick={() => setConfirm(a.status)}>
          {t(a.button)}
        </Button>
      ))}
      <Button variant="danger" permission={canChange} onClick={() => setConfirm('remove')}>
        {t('devices.actions.removeButton')}
      </Button>
      {action && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={<Msg id={action.title} values={{ name }} />}
          confirmLabel={t(action.label)}
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
                  const { messages, values } = deviceStatusAction(name, action.status)
                  toastOutcome(messages, values, { kind: 'succeeded' })
                  close()
                },
              },
            )
          }
        >
          <p style={{ marginTop: 0 }}>{t(action.explain)}</p>
        </ConfirmDialog>
      )}
      {confirm === 'remove' && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={<Msg id="devices.actions.removeTitle" values={{ name }} />}
          confirmLabel={t('devices.actions.remove')}
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
                  const { messages, values } = removeDeviceAction(name)
                  toastOutcome(messages, values, { kind: 'succeeded' })
                  void navigate(paths.devices(scope.envId, runtime))
                },
              },
            )
          }
        >
          <p style={{ marginTop: 0 }}>
            <Msg id="devices.actions.removeExplain" values={{ runtime }} />
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}

/** A change that did not succeed, with its transaction's details when there is one. */
function ChangeError({ error, what }: { error: unknown; what: ReactNode }) {
  const t = useT()
  if (isTransactionFailedError(error)) {
    const tx = error.transaction
    const errors = transactionErrors(tx)
    return (
      <div className="alert alert-error" role="alert">
        <div className="alert-title">
          <Msg
            id="devices.change.transactionFailed"
            values={{
              what,
              id: String(tx.id),
              status: (
                <span title={tx.status}>
                  {transactionStatusTone(tx.status).label.toLowerCase()}
                </span>
              ),
            }}
          />
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
        <div className="muted">{t('devices.change.switchShows')}</div>
      </div>
    )
  }
  return <ErrorPanel error={error} title={<Msg id="devices.change.failed" values={{ what }} />} />
}

function Applications({ runtime, device }: { runtime: string; device: Device }) {
  const t = useT()
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
    change.mutate(
      { deviceId: device.id, appName: app.appName, status, mode, deviceName: name },
      {
        // A queued change is sent, not done: the transactions panel follows it and says its end.
        onSuccess: (outcome) => {
          const { messages, values } = appStatusAction(status, app.appName, name)
          toastOutcome(messages, values, {
            kind: outcome.phase === 'success' ? 'succeeded' : 'unknown',
          })
        },
      },
    )
  }

  return (
    <section className="card devices-stack" aria-labelledby="device-apps">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="device-apps" style={{ margin: 0 }}>
          {t('devices.apps.title')}
        </h2>
        <ModeChoice mode={mode} onChange={setMode} />
      </div>
      {!canChange.allowed && (
        <p className="muted" role="note">
          {t('devices.apps.readOnly', { reason: canChange.reason ?? '' })}
        </p>
      )}
      {failed && (
        <ChangeError
          error={change.error}
          what={
            <Msg
              id={
                failed.status === 'ENABLED' ? 'devices.change.enabling' : 'devices.change.disabling'
              }
              values={{ app: failed.appName }}
            />
          }
        />
      )}
      {apps.length === 0 ? (
        <p className="muted">{t('devices.apps.none')}</p>
      ) : (
        <div className="apps-scroll">
          <table className="data" aria-label={t('devices.apps.tableLabel')}>
            <TableHead
              columns={[
                { label: t('devices.apps.application'), width: '18%' },
                { label: t('devices.apps.platform'), width: '11%' },
                { label: t('devices.apps.version'), width: '11%' },
                { label: t('devices.apps.bundleId'), width: '20%' },
                { label: t('devices.apps.status'), width: '16%' },
                t('devices.apps.pending'),
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
                        <span aria-hidden="true">
                          {enabled ? t('devices.apps.enabled') : t('devices.apps.disabled')}
                        </span>
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
            <Msg id="devices.apps.disableTitle" values={{ app: disabling.appName, device: name }} />
          }
          confirmLabel={t('devices.apps.disable')}
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
          <p style={{ marginTop: 0 }}>{t('devices.apps.disableExplain')}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

/** A queued change of this application, followed until its transaction ends. */
function PendingChange({ runtime, tx }: { runtime: string; tx: Transaction }) {
  const followed = useFollowAndAnnounce(runtime, tx)
  const current = followed.data ?? tx
  return (
    <span className="toolbar">
      <span>
        <Msg
          id={
            tx.description?.status === 'ENABLED'
              ? 'devices.apps.pendingEnable'
              : 'devices.apps.pendingDisable'
          }
          values={{ id: String(tx.id) }}
        />
      </span>
      <StatusBadge {...transactionStatusTone(current.status)} />
    </span>
  )
}
