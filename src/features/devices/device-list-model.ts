import type { ReactNode } from 'react'
import * as z from 'zod/mini'
import type {
  ApplicationStatus,
  Device,
  DeviceOrderKey,
  SettableDeviceStatus,
  Transaction,
} from '../../api/device-admin/device-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import {
  ownWords,
  type OutcomeMessages,
  type OutcomeValues,
} from '../../components/outcome-message.tsx'
import { statusWords, type StatusKeys, type StatusReading } from '../../components/status-tones.ts'
import { currentLanguage, t } from '../../lib/i18n.ts'
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
// holding catalog keys (`statusWords` translates them when read, so a switch of language
// reaches them); a value a table lacks shows as it came.

/** Device statuses in operator words and colour. */
export const deviceStatusTone = statusWords({
  ACTIVE: { word: 'devices.status.active', tone: 'ok' },
  LOST: { word: 'devices.status.lost', tone: 'warn' },
  STOLEN: { word: 'devices.status.stolen', tone: 'danger' },
  DISABLED: { word: 'devices.status.disabled', tone: 'danger' },
  EXPIRED: { word: 'devices.status.expired', tone: 'neutral' },
} satisfies Record<string, StatusKeys>)

/** An application's status on one device, in operator words and colour. */
export const deviceAppStatusWords = statusWords({
  ENABLED: { word: 'devices.appStatus.enabled', tone: 'ok' },
  DISABLED: { word: 'devices.appStatus.disabled', tone: 'danger' },
} satisfies Record<ApplicationStatus, StatusKeys>)

/** Transaction statuses in operator words and colour: only SUCCESS is green. */
export const transactionStatusTone = statusWords(
  {
    SUCCESS: { word: 'devices.txStatus.success', tone: 'ok' },
    FAILURE: { word: 'devices.txStatus.failure', tone: 'danger' },
    CANCELED: { word: 'devices.txStatus.canceled', tone: 'warn' },
    PENDING: { word: 'devices.txStatus.pending', tone: 'progress' },
    PREPARING: { word: 'devices.txStatus.preparing', tone: 'progress' },
    COMMITTING: { word: 'devices.txStatus.committing', tone: 'progress' },
    REJECTING: { word: 'devices.txStatus.rejecting', tone: 'progress' },
  } satisfies Record<string, StatusKeys>,
  'progress',
)

/** Transaction types in operator words (no colour: the status carries it). */
export const transactionTypeWords = statusWords({
  CHANGE_DEVICE_APPLICATION_STATUS: { word: 'devices.txType.appStatus', tone: 'neutral' },
  CHANGE_DEVICE_STATUS: { word: 'devices.txType.deviceStatus', tone: 'neutral' },
  REMOVE_DEVICE: { word: 'devices.txType.remove', tone: 'neutral' },
} satisfies Record<string, StatusKeys>)

/** One action's sentence for each way it can end (the failed one takes the API's `message`). */
type DeviceOutcomeMessages = Required<OutcomeMessages>

/** What a device action's toast says: its sentences and their values (`toastOutcome`'s). */
export interface DeviceAction {
  messages: DeviceOutcomeMessages
  values: OutcomeValues
}

const ENABLE_APP: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.enableApp.succeeded',
  failed: 'devices.outcome.enableApp.failed',
  unknown: 'devices.outcome.enableApp.unknown',
}
const DISABLE_APP: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.disableApp.succeeded',
  failed: 'devices.outcome.disableApp.failed',
  unknown: 'devices.outcome.disableApp.unknown',
}
const CHANGE_APP: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.changeApp.succeeded',
  failed: 'devices.outcome.changeApp.failed',
  unknown: 'devices.outcome.changeApp.unknown',
}
const REMOVE_DEVICE: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.remove.succeeded',
  failed: 'devices.outcome.remove.failed',
  unknown: 'devices.outcome.remove.unknown',
}
const OTHER_TRANSACTION: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.other.succeeded',
  failed: 'devices.outcome.other.failed',
  unknown: 'devices.outcome.other.unknown',
}
/** Setting a device's status, by the status set; any other status reads as `MARK_OTHER`. */
const SET_DEVICE_STATUS: Readonly<Record<SettableDeviceStatus, DeviceOutcomeMessages>> = {
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
const MARK_OTHER: DeviceOutcomeMessages = {
  succeeded: 'devices.outcome.markOther.succeeded',
  failed: 'devices.outcome.markOther.failed',
  unknown: 'devices.outcome.markOther.unknown',
}

/**
 * A table's word as a value of a sentence: the console's own word as it is, a value the
 * table does not know as the API's text (isolated).
 */
function wordValue(reading: StatusReading): ReactNode {
  return reading.label === reading.raw ? reading.raw : ownWords(reading.label)
}

/** Changing one application's status on one device: "Disabled AcmeBank on <device>". */
export function appStatusAction(status: string, app: string, device: ReactNode): DeviceAction {
  const messages =
    status === 'ENABLED' ? ENABLE_APP : status === 'DISABLED' ? DISABLE_APP : CHANGE_APP
  return { messages, values: { app, device } }
}

/**
 * What a transaction did, as its outcome message says it: "Disabled AcmeBank on <device>",
 * "Marked <device> as lost", "Removed device <device>". The device is named by its id
 * (all a transaction carries); an unknown type or status reads as the API spelled it.
 */
export function transactionAction(tx: Transaction): DeviceAction {
  const d = tx.description
  const device = d?.deviceId ?? ownWords(t('devices.outcome.unknownDevice'))
  if (tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' && d?.appName)
    return appStatusAction(d.status ?? '', d.appName, device)
  if (tx.type === 'CHANGE_DEVICE_STATUS' && d?.status) return deviceStatusAction(device, d.status)
  if (tx.type === 'REMOVE_DEVICE') return removeDeviceAction(device)
  return {
    messages: OTHER_TRANSACTION,
    values: { type: wordValue(transactionTypeWords(tx.type)), id: String(tx.id) },
  }
}

/** Removing a device: "Removed device <device>". */
export function removeDeviceAction(device: ReactNode): DeviceAction {
  return { messages: REMOVE_DEVICE, values: { device } }
}

function isSettable(status: string): status is SettableDeviceStatus {
  return Object.hasOwn(SET_DEVICE_STATUS, status)
}

/** Setting a device's status, as an outcome message says it: "Marked <device> as lost". */
export function deviceStatusAction(device: ReactNode, status: string): DeviceAction {
  if (isSettable(status)) return { messages: SET_DEVICE_STATUS[status], values: { device } }
  return { messages: MARK_OTHER, values: { device, status: wordValue(deviceStatusTone(status)) } }
}

/** How many of a device's applications are disabled, and of how many. */
export function disabledCount(device: Device): { disabled: number; total: number } {
  const apps = device.applicationDeviceAssociations ?? []
  return { disabled: apps.filter((a) => a.status === 'DISABLED').length, total: apps.length }
}

/** The device's users as a list in the language shown ("—" for none: a kiosk). */
export function usersOf(device: Device): string {
  const users = (device.userIds ?? []).map((u) => u.str)
  return users.length > 0
    ? new Intl.ListFormat(currentLanguage(), { type: 'unit' }).format(users)
    : '—'
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
