import * as z from 'zod/mini'
import { toast } from 'sonner'
import type {
  ApplicationStatus,
  Device,
  DeviceOrderKey,
  SettableDeviceStatus,
  Transaction,
} from '../../api/device-admin/device-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import { message } from '../../components/i18n.tsx'
import type { ActionOutcome } from '../../components/outcome-message.tsx'
import type { Tone } from '../../components/status-badge.tsx'
import type { StatusReading } from '../../components/status-tones.ts'
import { t, type MessageKey } from '../../lib/i18n.ts'
import { sortParam, textParam } from '../../lib/list-params.ts'

/** Table columns the server can order by, and the `orderBy` key each one sends. */
export const SORT_COLUMNS: Record<string, DeviceOrderKey> = {
  name: 'friendlyName',
  status: 'status',
  model: 'deviceModel',
  os: 'deviceEnvironment',
  lastAccessed: 'lastAccessed',
  id: 'uid',
}

/**
 * The device list's state as kept in the URL: the search, the order and the page (the
 * server's bookmark, empty for the first page). The server searches, sorts and pages; the
 * console only asks.
 */
export const DEVICE_LIST_PARAMS = z.object({
  q: textParam(),
  sort: sortParam(Object.keys(SORT_COLUMNS)),
  page: textParam(),
})

/** The `orderBy` the API takes for a table sort (`-lastAccessed` …). */
export function orderByOf(sort: SortState): string {
  return `${sort.desc ? '-' : ''}${SORT_COLUMNS[sort.id] ?? 'friendlyName'}`
}

// The word tables of the device administration API's value sets, one object literal each,
// holding catalog keys (translated when read, so a switch of language reaches them); a value
// a table lacks shows as it came.

interface KeyedWords {
  label: MessageKey
  tone: Tone
}

/** One table's words for `status` in the current language, with the API's value as `raw`. */
function wordsOf(
  table: Readonly<Record<string, KeyedWords>>,
  status: string,
  fallback: Tone = 'neutral',
): StatusReading {
  // Own keys only: a status such as "constructor" must not find Object's prototype.
  const words = Object.hasOwn(table, status) ? table[status] : undefined
  return words
    ? { label: t(words.label), tone: words.tone, raw: status }
    : { label: status, tone: fallback, raw: status }
}

const DEVICE_STATUS_WORDS = {
  ACTIVE: { label: 'devices.status.active', tone: 'ok' },
  LOST: { label: 'devices.status.lost', tone: 'warn' },
  STOLEN: { label: 'devices.status.stolen', tone: 'danger' },
  DISABLED: { label: 'devices.status.disabled', tone: 'danger' },
  EXPIRED: { label: 'devices.status.expired', tone: 'neutral' },
} satisfies Record<string, KeyedWords>

/** Device statuses in operator words and colour. */
export function deviceStatusTone(status: string): StatusReading {
  return wordsOf(DEVICE_STATUS_WORDS, status)
}

const DEVICE_APP_STATUS_WORDS = {
  ENABLED: { label: 'devices.appStatus.enabled', tone: 'ok' },
  DISABLED: { label: 'devices.appStatus.disabled', tone: 'danger' },
} satisfies Record<ApplicationStatus, KeyedWords>

/** An application's status on one device, in operator words and colour. */
export function deviceAppStatusWords(status: string): StatusReading {
  return wordsOf(DEVICE_APP_STATUS_WORDS, status)
}

const TRANSACTION_STATUS_WORDS = {
  SUCCESS: { label: 'devices.txStatus.success', tone: 'ok' },
  FAILURE: { label: 'devices.txStatus.failure', tone: 'danger' },
  CANCELED: { label: 'devices.txStatus.canceled', tone: 'warn' },
  PENDING: { label: 'devices.txStatus.pending', tone: 'progress' },
  PREPARING: { label: 'devices.txStatus.preparing', tone: 'progress' },
  COMMITTING: { label: 'devices.txStatus.committing', tone: 'progress' },
  REJECTING: { label: 'devices.txStatus.rejecting', tone: 'progress' },
} satisfies Record<string, KeyedWords>

/** Transaction statuses in operator words and colour: only SUCCESS is green. */
export function transactionStatusTone(status: string): StatusReading {
  return wordsOf(TRANSACTION_STATUS_WORDS, status, 'progress')
}

const TRANSACTION_TYPE_WORDS = {
  CHANGE_DEVICE_APPLICATION_STATUS: { label: 'devices.txType.appStatus', tone: 'neutral' },
  CHANGE_DEVICE_STATUS: { label: 'devices.txType.deviceStatus', tone: 'neutral' },
  REMOVE_DEVICE: { label: 'devices.txType.remove', tone: 'neutral' },
} satisfies Record<string, KeyedWords>

/** Transaction types in operator words (no colour: the status carries it). */
export function transactionTypeWords(type: string): StatusReading {
  return wordsOf(TRANSACTION_TYPE_WORDS, type)
}

/** A sentence to say: its key and values, as text (`t`) or with isolated names (`message`). */
export interface Said {
  key: MessageKey
  values: Record<string, string | number>
}

/** One action's sentence for each way it can end (the failed one takes the API's `message`). */
type OutcomeKeys = Readonly<Record<ActionOutcome['kind'], MessageKey>>

const ENABLE_APP: OutcomeKeys = {
  succeeded: 'devices.outcome.enableApp.succeeded',
  failed: 'devices.outcome.enableApp.failed',
  unknown: 'devices.outcome.enableApp.unknown',
}
const DISABLE_APP: OutcomeKeys = {
  succeeded: 'devices.outcome.disableApp.succeeded',
  failed: 'devices.outcome.disableApp.failed',
  unknown: 'devices.outcome.disableApp.unknown',
}
const CHANGE_APP: OutcomeKeys = {
  succeeded: 'devices.outcome.changeApp.succeeded',
  failed: 'devices.outcome.changeApp.failed',
  unknown: 'devices.outcome.changeApp.unknown',
}
const REMOVE_DEVICE: OutcomeKeys = {
  succeeded: 'devices.outcome.remove.succeeded',
  failed: 'devices.outcome.remove.failed',
  unknown: 'devices.outcome.remove.unknown',
}
const OTHER_TRANSACTION: OutcomeKeys = {
  succeeded: 'devices.outcome.other.succeeded',
  failed: 'devices.outcome.other.failed',
  unknown: 'devices.outcome.other.unknown',
}
/** Setting a device's status, by the status set; any other status reads as `MARK_OTHER`. */
const SET_DEVICE_STATUS: Readonly<Record<SettableDeviceStatus, OutcomeKeys>> = {
  LOST: {
    succeeded: 'devices.outcome.markLost.succeeded',
    failed: 'devices.outcome.markLost.failed',
    unknown: 'devices.outcome.markLost.unknown',
  },
  STOLEN: {
    succeeded: 'devices.outcome.markStolen.succeeded',
    failed: 'devices.outcome.markStolen.failed',
    unknown: 'devices.outcome.markStolen.unknown',
  },
  ACTIVE: {
    succeeded: 'devices.outcome.markActive.succeeded',
    failed: 'devices.outcome.markActive.failed',
    unknown: 'devices.outcome.markActive.unknown',
  },
  DISABLED: {
    succeeded: 'devices.outcome.disableDevice.succeeded',
    failed: 'devices.outcome.disableDevice.failed',
    unknown: 'devices.outcome.disableDevice.unknown',
  },
}
const MARK_OTHER: OutcomeKeys = {
  succeeded: 'devices.outcome.markOther.succeeded',
  failed: 'devices.outcome.markOther.failed',
  unknown: 'devices.outcome.markOther.unknown',
}

function said(
  keys: OutcomeKeys,
  values: Record<string, string | number>,
  outcome: ActionOutcome,
): Said {
  return outcome.kind === 'failed'
    ? { key: keys.failed, values: { ...values, message: outcome.message } }
    : { key: keys[outcome.kind], values }
}

/** Changing one application's status on one device (or on a count of devices, `devices`). */
export function appStatusOutcome(
  status: string,
  app: string,
  device: string,
  outcome: ActionOutcome,
): Said {
  const keys = status === 'ENABLED' ? ENABLE_APP : status === 'DISABLED' ? DISABLE_APP : CHANGE_APP
  return said(keys, { app, device }, outcome)
}

/**
 * What a transaction did, as its outcome message says it: "Disabled AcmeBank on <device>",
 * "Marked <device> as lost", "Removed device <device>". The device is named by its id
 * (all a transaction carries); an unknown type or status reads as the API spelled it.
 */
export function transactionOutcome(tx: Transaction, outcome: ActionOutcome): Said {
  const d = tx.description
  const device = d?.deviceId ?? t('devices.outcome.unknownDevice')
  if (tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' && d?.appName)
    return appStatusOutcome(d.status ?? '', d.appName, device, outcome)
  if (tx.type === 'CHANGE_DEVICE_STATUS' && d?.status)
    return deviceStatusOutcome(device, d.status, outcome)
  if (tx.type === 'REMOVE_DEVICE') return removeDeviceOutcome(device, outcome)
  return said(
    OTHER_TRANSACTION,
    { type: transactionTypeWords(tx.type).label, id: String(tx.id) },
    outcome,
  )
}

/** Removing a device: "Removed device <device>". */
export function removeDeviceOutcome(device: string, outcome: ActionOutcome): Said {
  return said(REMOVE_DEVICE, { device }, outcome)
}

function isSettable(status: string): status is SettableDeviceStatus {
  return Object.hasOwn(SET_DEVICE_STATUS, status)
}

/** Setting a device's status, as an outcome message says it: "Marked <device> as lost". */
export function deviceStatusOutcome(device: string, status: string, outcome: ActionOutcome): Said {
  if (isSettable(status)) return said(SET_DEVICE_STATUS[status], { device }, outcome)
  return said(MARK_OTHER, { device, status: deviceStatusTone(status).label }, outcome)
}

/** Raises an outcome's toast: green for done, red for refused, neutral for not known yet. */
export function toastSaid({ key, values }: Said, outcome: ActionOutcome): void {
  const text = message(key, values)
  if (outcome.kind === 'succeeded') toast.success(text)
  else if (outcome.kind === 'failed') toast.error(text)
  else toast.info(text)
}

/** How many of a device's applications are disabled, and of how many. */
export function disabledCount(device: Device): { disabled: number; total: number } {
  const apps = device.applicationDeviceAssociations ?? []
  return { disabled: apps.filter((a) => a.status === 'DISABLED').length, total: apps.length }
}

/** The device's users, comma-separated ("—" for none: a kiosk). */
export function usersOf(device: Device): string {
  const users = (device.userIds ?? []).map((u) => u.str)
  return users.length > 0 ? users.join(', ') : '—'
}

/** What the device page's URL carries to find the device again: its first user or its name. */
export function lookupHint(device: Device): string {
  return device.userIds?.[0]?.str ?? device.deviceDisplayName ?? ''
}

/** A device's name for people: its friendly name, or its id when it has none. */
export function deviceLabel(device: Device): string {
  return device.deviceDisplayName || device.id
}

/**
 * The selection after the table changed its shown rows' checkboxes to `shownSelected`:
 * shown devices are added or removed, devices selected on other pages are kept.
 */
export function mergeShown(
  current: ReadonlyMap<string, Device>,
  shown: readonly Device[],
  shownSelected: ReadonlySet<string>,
): ReadonlyMap<string, Device> {
  const next = new Map(current)
  for (const device of shown) {
    if (shownSelected.has(device.id)) next.set(device.id, device)
    else next.delete(device.id)
  }
  return next
}
