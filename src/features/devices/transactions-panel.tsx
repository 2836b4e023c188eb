import * as z from 'zod/mini'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { TableHead } from '../../components/table-head.tsx'
import { Fragment } from 'react'
import type { Device, DevicePage, Transaction } from '../../api/device-admin/device-schemas.ts'
import { deviceAdminKeys } from '../../api/device-admin/paths.ts'
import {
  isTransactionFinished,
  transactionErrors,
  transactionFailureMessage,
  transactionPhase,
} from '../../api/device-admin/transaction-state.ts'
import {
  transactionQueries,
  useFollowTransaction,
  type TransactionListQuery,
} from '../../api/device-admin/transactions.ts'
import { ApiText } from '../../components/api-text.tsx'
import { ReadErrorPanel } from '../../components/error-panel.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { toastOutcome } from '../../components/outcome-message.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { useListParams } from '../../components/use-list-params.ts'
import { useNow } from '../../components/use-now.ts'
import { formatAgo, formatDateTime } from '../../lib/format.ts'
import { choiceParam } from '../../lib/list-params.ts'
import {
  deviceAppStatusWords,
  deviceLabel,
  deviceStatusTone,
  transactionAction,
  transactionStatusTone,
  transactionTypeWords,
} from './device-list-model.ts'
import { useT } from '../../components/i18n.tsx'
import { t as translate } from '../../lib/i18n.ts'

/** The panel's own URL state, beside the page's: `?tx=errors` for failed or canceled only. */
const TRANSACTION_LIST_PARAMS = z.object({ tx: choiceParam(['errors']) })

/** Transactions whose end was announced already (the list and a follower may both see it). */
const announced = new Set<string>()

/**
 * Leaves a transaction's end to the view that started it (a bulk change reports all its
 * transactions in one summary): the panel and followers then raise no toast for it.
 */
export function reportedElsewhere(runtime: string, transactionId: number): void {
  announced.add(`${runtime}/${transactionId}`)
}

/** A toast for a transaction that ended while the console watched: success or not, never mixed up. */
function announceEnd(runtime: string, done: Transaction): void {
  const key = `${runtime}/${done.id}`
  if (announced.has(key)) return
  announced.add(key)
  const outcome =
    transactionPhase(done.status) === 'success'
      ? { kind: 'succeeded' as const }
      : { kind: 'failed' as const, message: transactionFailureMessage(done) }
  const { messages, values } = transactionAction(done)
  toastOutcome(messages, values, outcome)
}

/** The recent transactions every device view reads (one cached list per runtime). */
export function recentTransactions(runtime: string, errorsOnly = false) {
  const query: TransactionListQuery = {
    orderBy: '-created',
    pageSize: 50,
    bookmark: '',
    errorsOnly,
  }
  return transactionQueries.list(runtime, query, (tx) => announceEnd(runtime, tx))
}

/** The open transactions changing one application on one device, newest first. */
export function openAppTransactions(
  transactions: readonly Transaction[] | undefined,
  deviceId: string,
  appName: string,
): Transaction[] {
  return (transactions ?? []).filter(
    (tx) =>
      tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' &&
      tx.description?.deviceId === deviceId &&
      tx.description.appName === appName &&
      !isTransactionFinished(tx.status),
  )
}

/**
 * The new status a transaction sets, in words ("Disabled on this device", "Lost"): an
 * application's status for an application's change, the device's own otherwise.
 */
function newStatusOf(tx: Transaction): string | undefined {
  const d = tx.description
  if (!d?.status) return undefined
  return (d.appName ? deviceAppStatusWords(d.status) : deviceStatusTone(d.status)).label
}

/**
 * What a transaction changes, in words, with the API's own status word after it for the
 * tooltip: "AcmeBank → Disabled on this device (DISABLED) on <device>".
 */
function targetOf(tx: Transaction, showDevice: boolean): string {
  const d = tx.description
  const parts: string[] = []
  if (d?.appName) parts.push(d.appName)
  if (d?.status)
    parts.push(
      translate('devices.transactions.becomesRaw', {
        status: newStatusOf(tx) ?? '',
        raw: d.status,
      }),
    )
  if (showDevice && d?.deviceId)
    parts.push(translate('devices.transactions.onDevice', { device: d.deviceId }))
  return parts.length > 0 ? parts.join(' ') : '—'
}

/**
 * The devices of a runtime the console has read (every cached list page and user search)
 * plus `known`, by id: a transaction names its device by id only, and there is no
 * `GET .../devices/{id}` to ask for one.
 */
export function knownDevices(
  queryClient: QueryClient,
  runtime: string,
  known: readonly Device[] = [],
): Map<string, Device> {
  const byId = new Map<string, Device>()
  const base = deviceAdminKeys.devices(runtime)
  for (const [, page] of queryClient.getQueriesData<DevicePage>({ queryKey: [...base, 'list'] }))
    for (const device of page?.items ?? []) byId.set(device.id, device)
  for (const [, devices] of queryClient.getQueriesData<Device[]>({ queryKey: [...base, 'user'] }))
    for (const device of devices ?? []) byId.set(device.id, device)
  // What the page holds (the shown page, the selection) is the newest reading.
  for (const device of known) byId.set(device.id, device)
  return byId
}

/** A transaction's device: its name with the id below, or the id alone for an unknown device. */
function TransactionDevice({ deviceId, device }: { deviceId: string; device?: Device }) {
  const label = device ? deviceLabel(device) : deviceId
  if (label === deviceId)
    return (
      <span className="mono">
        <ApiText>{deviceId}</ApiText>
      </span>
    )
  return (
    <>
      <span className="tx-device-name">
        <ApiText>{label}</ApiText>
      </span>
      <span className="tx-device-id mono muted">
        <ApiText>{deviceId}</ApiText>
      </span>
    </>
  )
}

/**
 * A transaction's status. An open one is followed through `GET .../transactions/{id}`
 * until it ends; its end is announced (success or failure, never one for the other).
 */
export function TransactionStatus({ runtime, tx }: { runtime: string; tx: Transaction }) {
  if (isTransactionFinished(tx.status)) return <StatusBadge {...transactionStatusTone(tx.status)} />
  return <FollowedStatus runtime={runtime} tx={tx} />
}

/**
 * Follows an open transaction and announces its end with a toast. Every view of the same
 * transaction uses this, so whichever observer's read sees the end, the toast comes once.
 */
export function useFollowAndAnnounce(runtime: string, tx: Transaction) {
  return useFollowTransaction(runtime, tx.id, {
    known: tx,
    onFinish: (done) => announceEnd(runtime, done),
  })
}

function FollowedStatus({ runtime, tx }: { runtime: string; tx: Transaction }) {
  const followed = useFollowAndAnnounce(runtime, tx)
  const current = followed.data ?? tx
  return <StatusBadge {...transactionStatusTone(current.status)} />
}

/**
 * Recent transactions of a runtime (or of one device): type, target, user, status,
 * times and error details. Open ones are followed until they end; "errors only" is in
 * the URL like every other filter.
 */
export function TransactionsPanel({
  runtime,
  deviceId,
  title,
  devices,
}: {
  runtime: string
  /** Only this device's transactions (from the runtime's recent ones). */
  deviceId?: string
  title?: string
  /** Devices the page holds, to name each transaction's device (see `knownDevices`). */
  devices?: readonly Device[]
}) {
  const t = useT()
  const heading = title ?? t('devices.transactions.title')
  const scrollLabel = t('devices.transactions.scrollable', { title: heading })
  const queryClient = useQueryClient()
  const { params, set } = useListParams(TRANSACTION_LIST_PARAMS)
  const errorsOnly = params.tx === 'errors'
  const list = useQuery(recentTransactions(runtime, errorsOnly))
  const now = useNow(15_000)
  const rows = (list.data?.items ?? []).filter(
    (tx) => !deviceId || tx.description?.deviceId === deviceId,
  )
  // Read on every render: the panel re-renders with its own polls and with the page.
  const named = deviceId ? undefined : knownDevices(queryClient, runtime, devices)
  const setErrorsOnly = (next: boolean) => set({ tx: next ? 'errors' : '' })

  let body
  if (list.isPending) body = <p className="muted">{t('devices.transactions.loading')}</p>
  else if (list.isError && !list.data)
    body = <ReadErrorPanel query={list} title={t('devices.transactions.loadFailed')} />
  else if (rows.length === 0)
    body = (
      <p className="muted">
        {errorsOnly
          ? t('devices.transactions.noErrors')
          : deviceId
            ? t('devices.transactions.noneForDevice')
            : t('devices.transactions.none')}
      </p>
    )
  else
    body = (
      // Focusable so the list can be scrolled by keyboard (it holds no other control).
      // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus
      <div className="tx-scroll" tabIndex={0} role="region" aria-label={scrollLabel}>
        <table className={named ? 'data tx-with-device' : 'data'} aria-label={heading}>
          <TableHead
            columns={[
              { label: t('devices.transactions.id'), width: named ? '4%' : '5%' },
              { label: t('devices.transactions.type'), width: named ? '12%' : '14%' },
              { label: t('devices.transactions.target'), width: named ? '13%' : '16%' },
              named !== undefined && { label: t('devices.transactions.device'), width: '14%' },
              { label: t('devices.transactions.user'), width: named ? '10%' : '12%' },
              { label: t('devices.transactions.status'), width: named ? '9%' : '10%' },
              { label: t('devices.transactions.created'), width: '8%' },
              { label: t('devices.transactions.updated'), width: '8%' },
              t('devices.transactions.errors'),
            ]}
          />
          <tbody>
            {rows.map((tx) => {
              const created = tx.timeCreated ? Date.parse(tx.timeCreated) : NaN
              const updated = tx.timeUpdated ? Date.parse(tx.timeUpdated) : NaN
              const errors = transactionErrors(tx)
              return (
                <tr key={tx.id}>
                  <td className="mono">{tx.id}</td>
                  <td title={tx.type}>{transactionTypeWords(tx.type).label}</td>
                  <td title={targetOf(tx, true)}>
                    {tx.description?.appName ? (
                      <>
                        <ApiText>{tx.description.appName}</ApiText>
                        {tx.description.status
                          ? ` ${t('devices.transactions.becomes', { status: newStatusOf(tx) ?? '' })}`
                          : ''}
                      </>
                    ) : (
                      targetOf(tx, false)
                    )}
                  </td>
                  {named && (
                    <td className="tx-device">
                      {tx.description?.deviceId ? (
                        <TransactionDevice
                          deviceId={tx.description.deviceId}
                          device={named.get(tx.description.deviceId)}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                  )}
                  <td>{tx.userName ? <ApiText>{tx.userName}</ApiText> : '—'}</td>
                  <td>
                    <TransactionStatus runtime={runtime} tx={tx} />
                  </td>
                  <td title={formatDateTime(created)}>
                    {Number.isNaN(created) ? '—' : formatAgo(created, now)}
                  </td>
                  <td title={formatDateTime(updated)}>
                    {Number.isNaN(updated) ? '—' : formatAgo(updated, now)}
                  </td>
                  <td className={errors.length > 0 ? 'tx-errors' : undefined}>
                    {errors.map((e, i) => (
                      <Fragment key={i}>
                        {i > 0 && ' '}
                        <ApiText>{e}</ApiText>
                      </Fragment>
                    ))}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    )

  return (
    <section className="card tx-panel" aria-labelledby="tx-title">
      <div className="toolbar">
        <h2 id="tx-title">{heading}</h2>
        <label className="updated">
          <input
            type="checkbox"
            checked={errorsOnly}
            onChange={(e) => setErrorsOnly(e.target.checked)}
          />
          {t('devices.transactions.errorsOnly')}
        </label>
        <span className="header-spacer" style={{ flex: 1 }} />
        <Freshness query={list} />
      </div>
      <RejectedRecords
        rejected={list.data?.rejected}
        noun={[t('devices.noun.transaction'), t('devices.noun.transactions')]}
      />
      {body}
    </section>
  )
}
