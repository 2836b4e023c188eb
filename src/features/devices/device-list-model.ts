import * as z from 'zod/mini'
import type { Device, DeviceOrderKey, Transaction } from '../../api/device-admin/device-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
import type { ActionWords, OutcomeSubject } from '../../components/outcome-message.tsx'
import { statusWords } from '../../components/status-tones.ts'
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

// The word tables of the device administration API's value sets, one object literal each
// (the words move to i18n catalogs as they are); a value a table lacks shows as it came.

/** Device statuses in operator words and colour. */
export const deviceStatusTone = statusWords({
  ACTIVE: { label: 'Active', tone: 'ok' },
  LOST: { label: 'Lost', tone: 'warn' },
  STOLEN: { label: 'Stolen', tone: 'danger' },
  DISABLED: { label: 'Disabled', tone: 'danger' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
})

/** An application's status on one device, in operator words and colour. */
export const deviceAppStatusWords = statusWords({
  ENABLED: { label: 'Enabled on this device', tone: 'ok' },
  DISABLED: { label: 'Disabled on this device', tone: 'danger' },
})

/** Transaction statuses in operator words and colour: only SUCCESS is green. */
export const transactionStatusTone = statusWords(
  {
    SUCCESS: { label: 'Succeeded', tone: 'ok' },
    FAILURE: { label: 'Failed', tone: 'danger' },
    CANCELED: { label: 'Canceled', tone: 'warn' },
    PENDING: { label: 'Pending', tone: 'progress' },
    PREPARING: { label: 'Preparing', tone: 'progress' },
    COMMITTING: { label: 'Committing', tone: 'progress' },
    REJECTING: { label: 'Rejecting', tone: 'progress' },
  },
  'progress',
)

/** Transaction types in operator words (no colour: the status carries it). */
export const transactionTypeWords = statusWords({
  CHANGE_DEVICE_APPLICATION_STATUS: { label: 'Application status', tone: 'neutral' },
  CHANGE_DEVICE_STATUS: { label: 'Device status', tone: 'neutral' },
  REMOVE_DEVICE: { label: 'Remove device', tone: 'neutral' },
})

/**
 * What a transaction did, as an outcome message says it: "Disabled AcmeBank on <device>",
 * "Marked <device> as lost", "Removed device <device>". The device is named by its id
 * (all a transaction carries); an unknown type or status reads as the API spelled it.
 */
export function transactionAction(tx: Transaction): {
  action: ActionWords
  subject: OutcomeSubject
} {
  const d = tx.description
  const device = d?.deviceId ?? 'an unknown device'
  if (tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' && d?.appName) {
    const action: ActionWords =
      d.status === 'ENABLED'
        ? { verb: 'enable', past: 'Enabled' }
        : d.status === 'DISABLED'
          ? { verb: 'disable', past: 'Disabled' }
          : { verb: 'change the status of', past: 'Changed the status of' }
    return { action, subject: { name: d.appName, relation: { word: 'on', name: device } } }
  }
  if (tx.type === 'CHANGE_DEVICE_STATUS' && d?.status) return deviceStatusAction(device, d.status)
  if (tx.type === 'REMOVE_DEVICE')
    return {
      action: { verb: 'remove', past: 'Removed' },
      subject: { kind: 'device', name: device },
    }
  return {
    action: { verb: 'run', past: 'Ran' },
    subject: { kind: `${transactionTypeWords(tx.type).label} transaction`, name: String(tx.id) },
  }
}

/** Setting a device's status, as an outcome message says it: "Marked <device> as lost". */
export function deviceStatusAction(
  device: string,
  status: string,
): { action: ActionWords; subject: OutcomeSubject } {
  if (status === 'DISABLED')
    return {
      action: { verb: 'disable', past: 'Disabled' },
      subject: { kind: 'device', name: device },
    }
  return {
    action: { verb: 'mark', past: 'Marked' },
    subject: {
      name: device,
      relation: { word: 'as', name: deviceStatusTone(status).label.toLowerCase() },
    },
  }
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
