import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'

/**
 * MobileFirst device administration (management-apis 2.0) answers. Statuses are parsed
 * as plain strings so an unknown value from a newer server is shown, never rejected;
 * the console's logic compares against the lists below and treats anything else as
 * "not known to have succeeded".
 */

/** The statuses an operator may set; `EXPIRED` is the server's verdict after 90 silent days. */
export const SETTABLE_DEVICE_STATUSES = ['ACTIVE', 'LOST', 'STOLEN', 'DISABLED'] as const
export type SettableDeviceStatus = (typeof SETTABLE_DEVICE_STATUSES)[number]
export const APPLICATION_STATUSES = ['ENABLED', 'DISABLED'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** `orderBy` values of `GET .../devices`; a `-` prefix sorts descending. */
export const DEVICE_ORDER_KEYS = [
  'uid',
  'friendlyName',
  'deviceModel',
  'deviceEnvironment',
  'status',
  'lastAccessed',
] as const
export type DeviceOrderKey = (typeof DEVICE_ORDER_KEYS)[number]

// Transaction statuses are read as they come: `transactionPhase` says what each means.

/** The transactions of the changes the console makes (a read-back looks for its own). */
export const TRANSACTION_TYPES = [
  'CHANGE_DEVICE_APPLICATION_STATUS',
  'CHANGE_DEVICE_STATUS',
  'REMOVE_DEVICE',
] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

const text = z.optional(z.nullable(z.string()))

export const AssociationSchema = z.object({
  appId: z.string(),
  appName: z.string(),
  deviceId: text,
  deviceStatus: text,
  status: z.string(),
})
export type Association = z.infer<typeof AssociationSchema>

export const DeviceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  deviceDisplayName: text,
  deviceModel: text,
  deviceOs: text,
  /** ISO 8601. */
  lastAccessed: text,
  /** ACTIVE, LOST, STOLEN, EXPIRED or DISABLED. */
  status: z.string(),
  userIds: z.optional(z.nullable(z.array(z.object({ str: z.string() })))),
  applicationDeviceAssociations: z.optional(z.nullable(z.array(AssociationSchema))),
})
export type Device = z.infer<typeof DeviceSchema>

/**
 * The paging envelope of device and transaction lists: bookmarks, never offsets. Each
 * item is parsed on its own; the ones that could not be read are left out of `items`
 * and listed in `rejected`.
 */
function bookmarkPage<T>(item: z.ZodMiniType<T>) {
  return z.pipe(
    bookmarkEnvelope(item),
    z.transform(({ items, ...page }) => ({
      ...page,
      items: items.items,
      rejected: items.rejected,
    })),
  )
}

function bookmarkEnvelope<T>(item: z.ZodMiniType<T>) {
  return z.object({
    items: partialArray(item),
    nextPageBookmark: text,
    prevPageBookmark: text,
    pageNumber: z.optional(z.nullable(z.number())),
    pageSize: z.optional(z.nullable(z.number())),
    startIndex: z.optional(z.nullable(z.number())),
    totalListSize: z.number(),
    productVersion: text,
  })
}

export const DevicePageSchema = bookmarkPage(DeviceSchema)
export type DevicePage = z.infer<typeof DevicePageSchema>

export const TransactionSchema = z.object({
  id: z.number(),
  type: z.string(),
  status: z.string(),
  userName: text,
  appServerId: text,
  /** ISO 8601. */
  timeCreated: text,
  timeUpdated: text,
  description: z.optional(
    z.nullable(
      z.object({
        appName: text,
        deviceId: text,
        status: text,
      }),
    ),
  ),
  errors: z.optional(z.nullable(z.array(z.object({ details: text })))),
  project: z.optional(z.nullable(z.object({ name: text }))),
})
export type Transaction = z.infer<typeof TransactionSchema>

/** The answer of a change (`PUT`/`DELETE`): whether it succeeded, and its transaction. */
export const TransactionResultSchema = z.object({
  ok: z.boolean(),
  productVersion: text,
  transaction: TransactionSchema,
})
export type TransactionResult = z.infer<typeof TransactionResultSchema>

export const TransactionPageSchema = bookmarkPage(TransactionSchema)
export type TransactionPage = z.infer<typeof TransactionPageSchema>

/** `GET .../runtimes`: the runtimes (context roots) of this administration service. */
export const RuntimeListSchema = z.object({
  items: z.array(z.object({ name: z.string().check(z.minLength(1)), displayName: text })),
  productVersion: text,
})
