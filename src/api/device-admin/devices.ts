import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import type { ChangeLabel } from '../console/audit-change.ts'
import { isApiError } from '../../lib/api-error.ts'
import { sendAndVerify, type Verify, type VerifyOptions } from '../../lib/outcome.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import {
  DevicePageSchema,
  RuntimeListSchema,
  TransactionResultSchema,
  type ApplicationStatus,
  type Device,
  type DevicePage,
  type SettableDeviceStatus,
  type Transaction,
  type TransactionResult,
} from './device-schemas.ts'
import { DEVICE_LOOKUP_PAGES, DEVICE_PAGE_SIZE, DeviceNotFoundError } from './device-lookup.ts'
import { mfpLocale } from './locale.ts'
import {
  bookmarkPageQuery,
  deviceAdminKeys,
  MFP_BASE,
  runtimePath,
  type BookmarkPageQuery,
} from './paths.ts'
import {
  resultPhase,
  TransactionFailedError,
  transactionPhase,
  type TransactionPhase,
} from './transaction-state.ts'
import { transactionQueries, verifyDeviceChange, waitForTransaction } from './transactions.ts'

/** Devices change rarely on their own: a slow heartbeat keeps "last access" honest. */
export const DEVICE_POLL_MS = 30_000

/**
 * One page request of `GET .../devices`, sorted by one of `DEVICE_ORDER_KEYS`. Empty
 * strings leave the parameter out.
 */
export interface DeviceListQuery extends BookmarkPageQuery {
  query: string
}

export function runtimesRequest(): RequestSpec<{ items: Array<{ name: string }> }> {
  return {
    method: 'GET',
    path: `${MFP_BASE}/runtimes`,
    query: { locale: mfpLocale() },
    schema: RuntimeListSchema,
  }
}

/** The runtime MobileFirst installs by default (its context root). */
export const DEFAULT_RUNTIME = 'mfp'

/** The runtimes to offer, and whether the service listed them (false: the default only). */
export interface RuntimeChoices {
  names: string[]
  listed: boolean
}

/**
 * The runtimes (context roots, e.g. `mfp`) this administration service manages. The
 * documented API has no such list (a convenience some servers answer): a 404 is normal
 * and yields the default runtime, for the operator to keep or replace by name.
 */
export async function listRuntimes(signal?: AbortSignal): Promise<RuntimeChoices> {
  try {
    const body = await request({ ...runtimesRequest(), signal })
    return { names: body.items.map((r) => r.name), listed: true }
  } catch (error) {
    if (isApiError(error) && error.status === 404)
      return { names: [DEFAULT_RUNTIME], listed: false }
    throw error
  }
}

export function listDevicesRequest(runtime: string, q: DeviceListQuery): RequestSpec<DevicePage> {
  return {
    method: 'GET',
    path: `${runtimePath(runtime)}/devices`,
    query: bookmarkPageQuery(q, { query: q.query || undefined }),
    schema: DevicePageSchema,
  }
}

/** One page of a runtime's devices, searched and sorted by the server. */
export async function listDevices(
  runtime: string,
  q: DeviceListQuery,
  signal?: AbortSignal,
): Promise<DevicePage> {
  return request({ ...listDevicesRequest(runtime, q), signal })
}

/**
 * Finds one device. The API has no `GET .../devices/{id}` (ADR 008), so this reads the
 * device list: filtered by `hint` (a user id or the device's name, which the console
 * puts in the device page's URL) when there is one, otherwise in `uid` order, page by
 * page up to `DEVICE_LOOKUP_PAGES`.
 */
export async function findDevice(
  runtime: string,
  deviceId: string,
  hint: string,
  signal?: AbortSignal,
): Promise<Device> {
  let bookmark = ''
  for (let page = 0; page < DEVICE_LOOKUP_PAGES; page++) {
    const answer = await listDevices(
      runtime,
      { query: hint, orderBy: 'uid', bookmark, pageSize: DEVICE_PAGE_SIZE },
      signal,
    )
    const found = answer.items.find((d) => d.id === deviceId)
    if (found) return found
    if (!answer.nextPageBookmark) {
      // A hint that no longer matches (a renamed device) must not hide the device.
      if (hint) return findDevice(runtime, deviceId, '', signal)
      throw new DeviceNotFoundError(runtime, deviceId, false)
    }
    bookmark = answer.nextPageBookmark
  }
  throw new DeviceNotFoundError(runtime, deviceId, true)
}

export const deviceQueries = {
  runtimes: () =>
    queryOptions({
      queryKey: deviceAdminKeys.runtimes(),
      queryFn: ({ signal }) => listRuntimes(signal),
      staleTime: 5 * 60_000,
    }),
  list: (runtime: string, q: DeviceListQuery) =>
    queryOptions({
      queryKey: [...deviceAdminKeys.devices(runtime), 'list', q],
      queryFn: ({ signal }) => listDevices(runtime, q, signal),
      // The next page or a new search keeps the current rows on screen until it arrives.
      placeholderData: keepPreviousData,
      refetchInterval: DEVICE_POLL_MS,
    }),
  detail: (runtime: string, deviceId: string, hint: string) =>
    queryOptions({
      queryKey: [...deviceAdminKeys.devices(runtime), 'detail', deviceId],
      queryFn: ({ signal }) => findDevice(runtime, deviceId, hint, signal),
      refetchInterval: DEVICE_POLL_MS,
    }),
}

/** Whether the console waits for the outcome (`async=false`) or queues the change. */
export type ApplyMode = 'wait' | 'queue'

/**
 * A change of one device (`PUT`/`DELETE .../devices/{id}`, or below it), answered with its
 * transaction; `async: true` queues it instead of waiting for its outcome.
 */
function deviceChangeRequest(
  method: 'PUT' | 'DELETE',
  runtime: string,
  deviceId: string,
  change: ChangeLabel,
  more: { below?: string; async?: boolean; body?: { status: string } } = {},
): RequestSpec<TransactionResult> {
  return {
    method,
    change,
    path: `${runtimePath(runtime)}/devices/${encodeURIComponent(deviceId)}${more.below ?? ''}`,
    query: { async: more.async ?? false, locale: mfpLocale() },
    body: more.body,
    schema: TransactionResultSchema,
  }
}

export function changeApplicationStatusRequest(
  runtime: string,
  deviceId: string,
  appName: string,
  status: ApplicationStatus,
  mode: ApplyMode,
  label: ChangeLabel = {},
): RequestSpec<TransactionResult> {
  const action = status === 'ENABLED' ? 'enable' : 'disable'
  return deviceChangeRequest(
    'PUT',
    runtime,
    deviceId,
    { ...label, action },
    {
      below: `/applications/${encodeURIComponent(appName)}`,
      async: mode === 'queue',
      body: { status },
    },
  )
}

/** A change the server accepted: its transaction and where it stands. */
export interface ChangeOutcome {
  transaction: Transaction
  /** `pending` for a queued change; a waited-for change resolves only on `success`. */
  phase: TransactionPhase
}

/**
 * Sends a change and reads its transaction. A change that ended in FAILURE or CANCELED
 * throws `TransactionFailedError` (whatever `ok` says), so it can never pass for a success.
 */
async function sendChange(
  spec: RequestSpec<TransactionResult>,
  verify?: Verify<Transaction>,
  options: VerifyOptions = {},
): Promise<ChangeOutcome> {
  const result = verify
    ? await sendAndVerify(
        () => request(spec),
        async (): Promise<TransactionResult | null> => {
          const tx = await verify()
          return tx ? { ok: transactionPhase(tx.status) === 'success', transaction: tx } : null
        },
        options,
      )
    : await request(spec)
  const phase = resultPhase(result)
  if (phase === 'failure' || phase === 'canceled')
    throw new TransactionFailedError(result.transaction)
  return { transaction: result.transaction, phase }
}

/**
 * Enables or disables one application on one device. A lost answer is read back through
 * the runtime's transactions (`verifyDeviceChange`).
 */
export function changeApplicationStatus(
  runtime: string,
  deviceId: string,
  appName: string,
  status: ApplicationStatus,
  mode: ApplyMode,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
): Promise<ChangeOutcome> {
  return sendChange(
    changeApplicationStatusRequest(runtime, deviceId, appName, status, mode, label),
    verifyDeviceChange(
      runtime,
      { type: 'CHANGE_DEVICE_APPLICATION_STATUS', deviceId, appName, status },
      Date.now(),
    ),
    options,
  )
}

export function changeDeviceStatusRequest(
  runtime: string,
  deviceId: string,
  status: SettableDeviceStatus,
  label: ChangeLabel = {},
): RequestSpec<TransactionResult> {
  return deviceChangeRequest(
    'PUT',
    runtime,
    deviceId,
    { ...label, action: 'change-status' },
    {
      body: { status },
    },
  )
}

export function removeDeviceRequest(
  runtime: string,
  deviceId: string,
  label: ChangeLabel = {},
): RequestSpec<TransactionResult> {
  return deviceChangeRequest('DELETE', runtime, deviceId, { ...label, action: 'remove' })
}

/**
 * Puts a transaction the server just answered into the cache (so panels show it at
 * once) and refetches what it may have changed. Resolves when that is on screen.
 */
export function refreshAfterChange(
  queryClient: QueryClient,
  runtime: string,
  transaction?: Transaction,
): Promise<unknown> {
  if (transaction)
    queryClient.setQueryData(
      transactionQueries.detail(runtime, transaction.id).queryKey,
      transaction,
    )
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: deviceAdminKeys.devices(runtime) }),
    queryClient.invalidateQueries({ queryKey: transactionQueries.lists(runtime) }),
  ])
}

export interface ApplicationStatusChange {
  deviceId: string
  appName: string
  status: ApplicationStatus
  mode: ApplyMode
  /** The device's display name, for the audit trail (ADR 015). */
  deviceName?: string
}

/** The transaction a change that ended in FAILURE or CANCELED carries, if that is the error. */
function failedTransaction(error: unknown): Transaction | undefined {
  return error instanceof TransactionFailedError ? error.transaction : undefined
}

/** `onSettled` of a device change: shows its transaction, whether it succeeded or failed. */
function refreshWhenSettled(queryClient: QueryClient, runtime: string) {
  return (outcome: ChangeOutcome | undefined, error: unknown) =>
    refreshAfterChange(queryClient, runtime, outcome?.transaction ?? failedTransaction(error))
}

/** `changeApplicationStatus` for one change as the pages describe it. */
function sendApplicationStatusChange(
  runtime: string,
  change: ApplicationStatusChange,
  options: VerifyOptions = {},
): Promise<ChangeOutcome> {
  const { deviceId, appName, status, mode, deviceName } = change
  return changeApplicationStatus(
    runtime,
    deviceId,
    appName,
    status,
    mode,
    { name: deviceName },
    options,
  )
}

/**
 * Enables or disables an application on a device. Resolves (or fails) once the devices
 * and transactions have been refetched, so a switch stays busy until the truth is shown.
 */
export function useChangeApplicationStatus(runtime: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: ApplicationStatusChange) => sendApplicationStatusChange(runtime, change),
    onSettled: refreshWhenSettled(queryClient, runtime),
  })
}

/** Marks a device lost, stolen, disabled or active again (waits for the outcome). */
export function useChangeDeviceStatus(runtime: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: { deviceId: string; status: SettableDeviceStatus; deviceName?: string }) =>
      sendChange(
        changeDeviceStatusRequest(runtime, change.deviceId, change.status, {
          name: change.deviceName,
        }),
        verifyDeviceChange(
          runtime,
          { type: 'CHANGE_DEVICE_STATUS', deviceId: change.deviceId, status: change.status },
          Date.now(),
        ),
      ),
    onSettled: refreshWhenSettled(queryClient, runtime),
  })
}

/** Removes a device (waits for the outcome). */
export function useRemoveDevice(runtime: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ deviceId, deviceName }: { deviceId: string; deviceName?: string }) =>
      sendChange(
        removeDeviceRequest(runtime, deviceId, { name: deviceName }),
        verifyDeviceChange(runtime, { type: 'REMOVE_DEVICE', deviceId }, Date.now()),
      ),
    onSuccess: (outcome, { deviceId }) => {
      queryClient.removeQueries({
        queryKey: deviceQueries.detail(runtime, deviceId, '').queryKey,
      })
      return refreshAfterChange(queryClient, runtime, outcome.transaction)
    },
    onError: (error) => refreshAfterChange(queryClient, runtime, failedTransaction(error)),
  })
}

/** Every device of one user: all pages of a search by the user id, exact matches only. */
export async function listUserDevices(
  runtime: string,
  userId: string,
  signal?: AbortSignal,
): Promise<Device[]> {
  const wanted = userId.trim().toLowerCase()
  const out: Device[] = []
  let bookmark = ''
  for (let page = 0; page < DEVICE_LOOKUP_PAGES; page++) {
    const answer = await listDevices(
      runtime,
      { query: userId.trim(), orderBy: 'friendlyName', bookmark, pageSize: DEVICE_PAGE_SIZE },
      signal,
    )
    for (const device of answer.items) {
      // The search also matches device names and parts of other user ids.
      if ((device.userIds ?? []).some((u) => u.str.toLowerCase() === wanted)) out.push(device)
    }
    if (!answer.nextPageBookmark) break
    bookmark = answer.nextPageBookmark
  }
  return out
}

export const userDeviceQueries = {
  byUser: (runtime: string, userId: string) =>
    queryOptions({
      queryKey: [...deviceAdminKeys.devices(runtime), 'user', userId.trim().toLowerCase()],
      queryFn: ({ signal }) => listUserDevices(runtime, userId, signal),
    }),
}

/**
 * Changes an application's status and follows its transaction to the end, for bulk
 * work: resolves with the finished, successful transaction, and throws
 * `TransactionFailedError` for one that ended in FAILURE or CANCELED. `onAccepted` gets
 * the transaction as the server first answered it (PENDING when queued), before it is
 * followed: the caller reports its end and can tell other observers so.
 */
export async function changeApplicationStatusToEnd(
  runtime: string,
  change: ApplicationStatusChange,
  options: VerifyOptions = {},
  onAccepted?: (transaction: Transaction) => void,
): Promise<Transaction> {
  const { signal } = options
  const outcome = await sendApplicationStatusChange(runtime, change, options)
  onAccepted?.(outcome.transaction)
  const done = await waitForTransaction(runtime, outcome.transaction, { signal })
  if (transactionPhase(done.status) !== 'success') throw new TransactionFailedError(done)
  return done
}
