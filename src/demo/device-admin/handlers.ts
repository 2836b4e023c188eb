import { http, HttpResponse } from 'msw'
// The contract's own lists (ADR 019 lets the demo import constants from the schemas).
import {
  DEVICE_ORDER_KEYS,
  SETTABLE_DEVICE_STATUSES,
} from '../../api/device-admin/device-schemas.ts'
import type { DemoBackend } from '../backend.ts'
import { guard, mfpGate } from '../guard.ts'
import { mfpError, PRODUCT_VERSION, readJson, type Checked } from '../responses.ts'
import type { DemoIdentity } from '../model.ts'
import {
  type RuntimeDevices,
  type TxOrderKey,
  type TxRecord,
  type ChangeRequest,
} from './device-store.ts'

const BASE = '*/mfpadmin/management-apis/2.0'
const DEFAULT_PAGE_SIZE = 100
const MAX_PAGE_SIZE = 1_000

const TX_ORDER_KEYS: readonly TxOrderKey[] = [
  'created',
  'updated',
  'type',
  'status',
  'user',
  'server',
]

interface Call {
  identity: DemoIdentity
  locale: string | null
  url: URL
}

/** Token first (401), then the role for changes (403): mfpmonitor may only read. */
function guardCall(backend: DemoBackend, request: Request, write: boolean): Checked<Call> {
  const url = new URL(request.url)
  const locale = url.searchParams.get('locale')
  const who = guard(backend.db, request, mfpGate(locale), write ? 'manageDevices' : undefined)
  if (!who.ok) return who
  backend.devices.tick()
  return { ok: true, value: { identity: who.value, locale, url } }
}

function findRuntime(
  backend: DemoBackend,
  name: unknown,
  locale: string | null,
): Checked<RuntimeDevices> {
  const runtime = typeof name === 'string' ? backend.devices.runtime(name) : undefined
  if (!runtime)
    return {
      ok: false,
      response: mfpError(404, 'RUNTIME_NOT_FOUND', { runtime: String(name) }, locale),
    }
  return { ok: true, value: runtime }
}

function findDeviceIndex(
  runtime: RuntimeDevices,
  deviceId: unknown,
  locale: string | null,
): Checked<number> {
  const index = typeof deviceId === 'string' ? runtime.indexOf(deviceId) : undefined
  if (index === undefined)
    return {
      ok: false,
      response: mfpError(
        404,
        'DEVICE_NOT_FOUND',
        { deviceId: String(deviceId), runtime: runtime.plan.name },
        locale,
      ),
    }
  return { ok: true, value: index }
}

function invalidParameter(name: string, reason: string, locale: string | null): Response {
  return mfpError(400, 'INVALID_PARAMETER', { name, reason }, locale)
}

/** `async`: `true` or `false`, synchronous when absent (the contract's default). */
function readAsync(url: URL, locale: string | null): Checked<boolean> {
  const value = url.searchParams.get('async')
  if (value === null || value === '' || value === 'false') return { ok: true, value: false }
  if (value === 'true') return { ok: true, value: true }
  return { ok: false, response: invalidParameter('async', 'expected true or false', locale) }
}

function readPageSize(url: URL, locale: string | null): Checked<number> {
  const raw = url.searchParams.get('pageSize')
  if (raw === null || raw === '') return { ok: true, value: DEFAULT_PAGE_SIZE }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE)
    return {
      ok: false,
      response: invalidParameter(
        'pageSize',
        `expected a whole number from 1 to ${MAX_PAGE_SIZE}`,
        locale,
      ),
    }
  return { ok: true, value }
}

function readOrder<K extends string>(
  url: URL,
  keys: readonly K[],
  fallback: K,
  locale: string | null,
): Checked<{ key: K; descending: boolean; text: string }> {
  const raw = url.searchParams.get('orderBy') ?? ''
  const descending = raw.startsWith('-')
  const name = descending ? raw.slice(1) : raw
  if (raw === '') return { ok: true, value: { key: fallback, descending: false, text: fallback } }
  const key = keys.find((k) => k === name)
  if (!key)
    return {
      ok: false,
      response: invalidParameter(
        'orderBy',
        `expected one of ${keys.join(', ')}, optionally with a leading -`,
        locale,
      ),
    }
  return { ok: true, value: { key, descending, text: raw } }
}

/**
 * Bookmarks are opaque to clients: here the start of the page plus the order and search
 * they belong to, so a bookmark from another list is refused rather than misread.
 */
function encodeBookmark(start: number, list: string): string {
  return btoa(JSON.stringify({ s: start, l: list }))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

function decodeBookmark(bookmark: string, list: string): number | null {
  try {
    const value: unknown = JSON.parse(atob(bookmark.replace(/-/g, '+').replace(/_/g, '/')))
    if (
      value &&
      typeof value === 'object' &&
      's' in value &&
      typeof value.s === 'number' &&
      Number.isInteger(value.s) &&
      value.s >= 0 &&
      'l' in value &&
      value.l === list
    )
      return value.s
  } catch {
    // not a bookmark of ours
  }
  return null
}

/** One page of `total` rows, in the contract's envelope (items added by the caller). */
function page(
  url: URL,
  total: number,
  pageSize: number,
  list: string,
  locale: string | null,
): Checked<{ start: number; envelope: Record<string, unknown> }> {
  const bookmark = url.searchParams.get('bookmark') ?? ''
  let start = 0
  if (bookmark) {
    const decoded = decodeBookmark(bookmark, list)
    if (decoded === null)
      return { ok: false, response: mfpError(400, 'INVALID_BOOKMARK', {}, locale) }
    start = Math.min(decoded, total)
  }
  const end = Math.min(start + pageSize, total)
  return {
    ok: true,
    value: {
      start,
      envelope: {
        nextPageBookmark: end < total ? encodeBookmark(end, list) : null,
        prevPageBookmark: start > 0 ? encodeBookmark(Math.max(0, start - pageSize), list) : null,
        pageNumber: Math.floor(start / pageSize) + 1,
        pageSize,
        startIndex: start,
        totalListSize: total,
        productVersion: PRODUCT_VERSION,
      },
    },
  }
}

/** The JSON body, or undefined when it does not parse (a 400 from `readStatus`). */
async function readBody(request: Request): Promise<unknown> {
  return (await readJson(request))?.value
}

function readStatus<S extends string>(
  body: unknown,
  allowed: readonly S[],
  locale: string | null,
): Checked<S> {
  const status =
    body && typeof body === 'object' && 'status' in body && typeof body.status === 'string'
      ? allowed.find((s) => s === body.status)
      : undefined
  if (status) return { ok: true, value: status }
  return {
    ok: false,
    response: mfpError(
      400,
      'INVALID_PAYLOAD',
      { reason: `expected a JSON object {"status": ${allowed.map((s) => `"${s}"`).join(' | ')}}` },
      locale,
    ),
  }
}

function changeAnswer(runtime: RuntimeDevices, tx: TxRecord, locale: string | null): Response {
  const transaction = runtime.transactionView(tx, locale)
  return HttpResponse.json({
    ok: transaction.status === 'SUCCESS',
    productVersion: PRODUCT_VERSION,
    transaction,
  })
}

/** A call on one runtime: the guard, then the runtime the path names (404). */
function runtimeCall(
  backend: DemoBackend,
  request: Request,
  name: unknown,
  write: boolean,
): Checked<Call & { runtime: RuntimeDevices }> {
  const call = guardCall(backend, request, write)
  if (!call.ok) return call
  const runtime = findRuntime(backend, name, call.value.locale)
  if (!runtime.ok) return runtime
  return { ok: true, value: { ...call.value, runtime: runtime.value } }
}

/** A change to one device: a runtime call that may write, then the `async` parameter. */
function changeCall(
  backend: DemoBackend,
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
): Checked<Call & { runtime: RuntimeDevices; change: ChangeRequest }> {
  const call = runtimeCall(backend, request, params.runtime, true)
  if (!call.ok) return call
  const { url, locale, identity } = call.value
  const async = readAsync(url, locale)
  if (!async.ok) return async
  const change = {
    userName: identity.username,
    deviceId: String(params.deviceId),
    async: async.value,
  }
  return { ok: true, value: { ...call.value, change } }
}

/** A list call on one runtime: the runtime call, then `pageSize` and `orderBy`. */
function listCall<K extends string>(
  backend: DemoBackend,
  request: Request,
  name: unknown,
  keys: readonly K[],
  fallback: K,
): Checked<
  Call & {
    runtime: RuntimeDevices
    pageSize: number
    order: { key: K; descending: boolean; text: string }
  }
> {
  const call = runtimeCall(backend, request, name, false)
  if (!call.ok) return call
  const { url, locale } = call.value
  const pageSize = readPageSize(url, locale)
  if (!pageSize.ok) return pageSize
  const order = readOrder(url, keys, fallback, locale)
  if (!order.ok) return order
  return { ok: true, value: { ...call.value, pageSize: pageSize.value, order: order.value } }
}

/** The MobileFirst device administration API: runtimes, devices, statuses, transactions. */
export function deviceAdminHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/runtimes`, ({ request }) => {
      const call = guardCall(backend, request, false)
      if (!call.ok) return call.response
      return HttpResponse.json({
        items: backend.devices.runtimeNames().map((name) => ({ name, displayName: name })),
        productVersion: PRODUCT_VERSION,
      })
    }),

    http.get(`${BASE}/runtimes/:runtime/devices`, ({ request, params }) => {
      const call = listCall(backend, request, params.runtime, DEVICE_ORDER_KEYS, 'uid')
      if (!call.ok) return call.response
      const { locale, url, runtime, pageSize, order } = call.value
      const query = (url.searchParams.get('query') ?? '').trim()
      const rows = runtime.search(order.key, order.descending, query)
      const paged = page(
        url,
        rows.length,
        pageSize,
        `devices\n${order.text}\n${query.toLowerCase()}`,
        locale,
      )
      if (!paged.ok) return paged.response
      const { start, envelope } = paged.value
      const items = Array.from(rows.subarray(start, start + pageSize), (i) => runtime.view(i))
      return HttpResponse.json({ items, ...envelope })
    }),

    http.put(
      `${BASE}/runtimes/:runtime/devices/:deviceId/applications/:appName`,
      async ({ request, params }) => {
        const call = changeCall(backend, request, params)
        if (!call.ok) return call.response
        const { locale, runtime, change } = call.value
        const status = readStatus(await readBody(request), ['ENABLED', 'DISABLED'] as const, locale)
        if (!status.ok) return status.response
        const device = findDeviceIndex(runtime, params.deviceId, locale)
        if (!device.ok) return device.response
        const appName = String(params.appName)
        const association = runtime.associationsOf(device.value).find((a) => a.appName === appName)
        if (!association)
          return mfpError(
            404,
            'APPLICATION_NOT_ON_DEVICE',
            { appName, deviceId: change.deviceId },
            locale,
          )
        const tx = runtime.changeApplicationStatus(change, appName, status.value, association)
        return changeAnswer(runtime, tx, locale)
      },
    ),

    http.put(`${BASE}/runtimes/:runtime/devices/:deviceId`, async ({ request, params }) => {
      const call = changeCall(backend, request, params)
      if (!call.ok) return call.response
      const { locale, runtime, change } = call.value
      const status = readStatus(await readBody(request), SETTABLE_DEVICE_STATUSES, locale)
      if (!status.ok) return status.response
      const device = findDeviceIndex(runtime, params.deviceId, locale)
      if (!device.ok) return device.response
      return changeAnswer(runtime, runtime.changeDeviceStatus(change, status.value), locale)
    }),

    http.delete(`${BASE}/runtimes/:runtime/devices/:deviceId`, ({ request, params }) => {
      const call = changeCall(backend, request, params)
      if (!call.ok) return call.response
      const { locale, runtime, change } = call.value
      const device = findDeviceIndex(runtime, params.deviceId, locale)
      if (!device.ok) return device.response
      return changeAnswer(runtime, runtime.removeDevice(change), locale)
    }),

    http.get(`${BASE}/runtimes/:runtime/transactions/:id`, ({ request, params }) => {
      const call = runtimeCall(backend, request, params.runtime, false)
      if (!call.ok) return call.response
      const { locale, runtime } = call.value
      const id = typeof params.id === 'string' && /^\d+$/.test(params.id) ? Number(params.id) : NaN
      const tx = runtime.transaction(id)
      if (!tx)
        return mfpError(
          404,
          'TRANSACTION_NOT_FOUND',
          { id: String(params.id), runtime: runtime.plan.name },
          locale,
        )
      return HttpResponse.json({
        ...runtime.transactionView(tx, locale),
        productVersion: PRODUCT_VERSION,
      })
    }),

    http.get(`${BASE}/runtimes/:runtime/transactions`, ({ request, params }) => {
      const call = listCall(backend, request, params.runtime, TX_ORDER_KEYS, 'created')
      if (!call.ok) return call.response
      const { locale, url, runtime, pageSize, order } = call.value
      const mode = url.searchParams.get('mode') ?? ''
      if (mode !== '' && mode !== 'errors')
        return invalidParameter('mode', 'expected errors or nothing', locale)
      const rows = runtime.listTransactions(order.key, order.descending, mode === 'errors')
      const paged = page(url, rows.length, pageSize, `transactions\n${order.text}\n${mode}`, locale)
      if (!paged.ok) return paged.response
      const { start, envelope } = paged.value
      const items = rows
        .slice(start, start + pageSize)
        .map((tx) => runtime.transactionView(tx, locale))
      return HttpResponse.json({ items, ...envelope })
    }),

    // Anything else under the device administration prefix: its own 404 body.
    http.all('*/mfpadmin/*', ({ request }) => {
      const url = new URL(request.url)
      return mfpError(
        404,
        'NOT_FOUND',
        { method: request.method, path: url.pathname },
        url.searchParams.get('locale'),
      )
    }),
  ]
}
