import * as z from 'zod/mini'
import type { Device, DeviceOrderKey } from '../../api/device-admin/device-schemas.ts'
import type { SortState } from '../../components/data-table.tsx'
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

/** Device statuses in operator words and colour. */
export const deviceStatusTone = statusWords({
  ACTIVE: { label: 'Active', tone: 'ok' },
  LOST: { label: 'Lost', tone: 'warn' },
  STOLEN: { label: 'Stolen', tone: 'danger' },
  DISABLED: { label: 'Disabled', tone: 'danger' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
})

/** Transaction statuses in operator words and colour: only SUCCESS is green. */
export const transactionStatusTone = statusWords(
  {
    SUCCESS: { label: 'Success', tone: 'ok' },
    FAILURE: { label: 'Failure', tone: 'danger' },
    CANCELED: { label: 'Canceled', tone: 'warn' },
    PENDING: { label: 'Pending', tone: 'progress' },
    PREPARING: { label: 'Preparing', tone: 'progress' },
    COMMITTING: { label: 'Committing', tone: 'progress' },
    REJECTING: { label: 'Rejecting', tone: 'progress' },
  },
  'progress',
)

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
