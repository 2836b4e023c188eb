import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import {
  DevicePageSchema,
  TransactionPageSchema,
  TransactionResultSchema,
  TransactionSchema,
  type Device,
} from '../../api/device-admin/device-schemas.ts'
import { getAccessToken } from '../../lib/session-store.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { DemoBackend } from '../backend.ts'
import { memoryStorage } from '../storage.ts'
import { TX_DURATION_MS, TX_STEP_MS } from './device-store.ts'

const demo = setupTestBackend()

const BASE = '/mfpadmin/management-apis/2.0/runtimes'
const ErrorSchema = z.object({
  errorCode: z.string(),
  errorMsg: z.string(),
  productVersion: z.string(),
})

/** A raw call with the session's bearer token. */
function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers()
  const token = getAccessToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (body !== undefined) headers.set('Content-Type', 'application/json')
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function json<T>(schema: z.ZodMiniType<T>, response: Response): Promise<T> {
  return z.parse(schema, await response.json())
}

async function devicesPage(query: string) {
  const response = await call('GET', `${BASE}/mfp/devices?${query}`)
  expect(response.status).toBe(200)
  return json(DevicePageSchema, response)
}

async function deviceNamed(name: string, runtime = 'mfp'): Promise<Device> {
  const response = await call(
    'GET',
    `${BASE}/${runtime}/devices?query=${encodeURIComponent(name)}&pageSize=1000`,
  )
  const page = await json(DevicePageSchema, response)
  const device = page.items.find((d) => d.deviceDisplayName === name)
  if (!device) throw new Error(`no device ${name}`)
  return device
}

function appStatus(device: Device, appName: string): string | undefined {
  return device.applicationDeviceAssociations?.find((a) => a.appName === appName)?.status
}

function putApp(deviceId: string, appName: string, query: string, body: unknown) {
  return call(
    'PUT',
    `${BASE}/mfp/devices/${deviceId}/applications/${encodeURIComponent(appName)}?${query}`,
    body,
  )
}

/** Changes an app on a device and reads the transaction result. */
async function changeApp(deviceId: string, appName: string, query: string, body: unknown) {
  return json(TransactionResultSchema, await putApp(deviceId, appName, query, body))
}

/** Reads a transaction of the mfp runtime (`suffix`: a query string, with its `?`). */
async function transactionOf(id: number, suffix = '') {
  return json(TransactionSchema, await call('GET', `${BASE}/mfp/transactions/${id}${suffix}`))
}

test('devices come paged by bookmark with the whole envelope, every status present', async () => {
  await signInAs('Monitor')
  const first = await devicesPage('pageSize=100')
  expect(first.totalListSize).toBe(320)
  expect(first.items).toHaveLength(100)
  expect(first).toMatchObject({
    pageNumber: 1,
    startIndex: 0,
    pageSize: 100,
    productVersion: '8.0',
  })
  expect(first.prevPageBookmark).toBeNull()
  const seen = new Set(first.items.map((d) => d.id))
  let page = first
  let pages = 1
  while (page.nextPageBookmark) {
    page = await devicesPage(`pageSize=100&bookmark=${page.nextPageBookmark}`)
    for (const d of page.items) seen.add(d.id)
    pages++
  }
  expect(pages).toBe(4)
  expect(seen.size).toBe(320)
  expect(page.startIndex).toBe(300)
  // Previous goes back one page.
  const back = await devicesPage(`pageSize=100&bookmark=${page.prevPageBookmark ?? ''}`)
  expect(back.startIndex).toBe(200)

  const all = await devicesPage('pageSize=1000')
  const statuses = new Set(all.items.map((d) => d.status))
  expect([...statuses].sort()).toEqual(['ACTIVE', 'DISABLED', 'EXPIRED', 'LOST', 'STOLEN'])
})

test('search matches names and user ids case-insensitively; orderBy sorts both ways', async () => {
  await signInAs('Operator')
  const lena = await devicesPage('query=LENA.fischer')
  expect(lena.items.map((d) => d.deviceDisplayName).sort()).toEqual([
    "Lena's Pixel 6",
    "Lena's iPad Air",
    "Lena's iPhone 15",
  ])
  const byName = await devicesPage('query=ipad&orderBy=friendlyName&pageSize=1000')
  expect(byName.items.length).toBeGreaterThan(3)
  for (const d of byName.items) expect(d.deviceDisplayName?.toLowerCase()).toContain('ipad')
  const names = byName.items.map((d) => (d.deviceDisplayName ?? '').toLowerCase())
  expect(names).toEqual([...names].sort())
  const desc = await devicesPage('query=ipad&orderBy=-friendlyName&pageSize=1000')
  expect(desc.items.map((d) => d.id)).toEqual(byName.items.map((d) => d.id).reverse())
  const recent = await devicesPage('orderBy=-lastAccessed&pageSize=50')
  const times = recent.items.map((d) => Date.parse(d.lastAccessed ?? ''))
  expect(times).toEqual([...times].sort((a, b) => b - a))
})

test('bad parameters answer 400 and an unknown runtime 404, in the asked language', async () => {
  await signInAs('Administrator')
  const order = await call('GET', `${BASE}/mfp/devices?orderBy=colour`)
  expect(order.status).toBe(400)
  expect((await json(ErrorSchema, order)).errorMsg).toMatch(/orderBy.*uid, friendlyName/)
  const first = await devicesPage('pageSize=10&orderBy=status')
  const mixed = await call(
    'GET',
    `${BASE}/mfp/devices?pageSize=10&orderBy=uid&bookmark=${first.nextPageBookmark ?? ''}`,
  )
  expect(mixed.status).toBe(400)
  expect((await json(ErrorSchema, mixed)).errorCode).toBe('INVALID_BOOKMARK')

  const missing = await call('GET', `${BASE}/nope/devices?locale=de_DE`)
  expect(missing.status).toBe(404)
  expect(await json(ErrorSchema, missing)).toEqual({
    errorCode: 'RUNTIME_NOT_FOUND',
    errorMsg: "Die Laufzeit 'nope' wurde nicht gefunden.",
    productVersion: '8.0',
  })
  const english = await call('GET', `${BASE}/nope/devices?locale=en_US`)
  expect((await json(ErrorSchema, english)).errorMsg).toBe("The runtime 'nope' was not found.")
  const arabic = await call('GET', `${BASE}/nope/devices?locale=ar`)
  expect((await json(ErrorSchema, arabic)).errorMsg).toBe("لم يتم العثور على بيئة التشغيل 'nope'.")
})

test('a synchronous change answers SUCCESS and the association changes at once', async () => {
  await signInAs('Operator')
  const max = await deviceNamed("Max's Galaxy S23")
  expect(appStatus(max, 'AcmeBank')).toBe('ENABLED')
  const response = await putApp(max.id, 'AcmeBank', 'async=false', { status: 'DISABLED' })
  expect(response.status).toBe(200)
  const result = await json(TransactionResultSchema, response)
  expect(result.ok).toBe(true)
  expect(result.transaction).toMatchObject({
    type: 'CHANGE_DEVICE_APPLICATION_STATUS',
    status: 'SUCCESS',
    userName: 'otto.neumann',
    description: { appName: 'AcmeBank', deviceId: max.id, status: 'DISABLED' },
    errors: [],
    project: { name: 'mfp' },
  })
  expect(appStatus(await deviceNamed("Max's Galaxy S23"), 'AcmeBank')).toBe('DISABLED')
})

test('an asynchronous change comes back PENDING and moves on the clock; the app changes only at SUCCESS', async () => {
  await signInAs('Operator')
  const max = await deviceNamed("Max's Galaxy S23")
  expect(appStatus(max, 'AcmeWallet')).toBe('DISABLED')
  const result = await changeApp(max.id, 'AcmeWallet', 'async=true', { status: 'ENABLED' })
  expect(result.ok).toBe(false)
  expect(result.transaction.status).toBe('PENDING')
  const id = result.transaction.id
  const statusNow = async () => (await transactionOf(id)).status
  const seen = [await statusNow()]
  demo.backend.db.advanceClock(TX_STEP_MS)
  seen.push(await statusNow())
  expect(appStatus(await deviceNamed("Max's Galaxy S23"), 'AcmeWallet')).toBe('DISABLED')
  demo.backend.db.advanceClock(TX_STEP_MS)
  seen.push(await statusNow())
  demo.backend.db.advanceClock(TX_DURATION_MS)
  seen.push(await statusNow())
  expect(seen).toEqual(['PENDING', 'PREPARING', 'COMMITTING', 'SUCCESS'])
  expect(appStatus(await deviceNamed("Max's Galaxy S23"), 'AcmeWallet')).toBe('ENABLED')
})

test('a change of a retired app version fails with details, synchronously and asynchronously', async () => {
  await signInAs('Administrator')
  const pixel = await deviceNamed("Lena's Pixel 6")
  const sync = await changeApp(pixel.id, 'AcmeBank', 'async=false&locale=de_DE', {
    status: 'DISABLED',
  })
  expect(sync.ok).toBe(false)
  expect(sync.transaction.status).toBe('FAILURE')
  expect(sync.transaction.errors?.[0]?.details).toMatch(
    /AcmeBank 1\.9\.0 \(Android\) ist in der Laufzeit 'mfp' nicht mehr implementiert/,
  )
  const queued = await changeApp(pixel.id, 'AcmeBank', 'async=true', { status: 'DISABLED' })
  demo.backend.db.advanceClock(2 * TX_STEP_MS)
  const rejecting = await transactionOf(queued.transaction.id)
  expect(rejecting.status).toBe('REJECTING')
  demo.backend.db.advanceClock(TX_DURATION_MS)
  const failed = await transactionOf(queued.transaction.id, '?locale=en_US')
  expect(failed.status).toBe('FAILURE')
  expect(failed.errors?.[0]?.details).toMatch(/AcmeBank 1\.9\.0 \(Android\) is no longer deployed/)
  expect(appStatus(await deviceNamed("Lena's Pixel 6"), 'AcmeBank')).toBe('ENABLED')
})

test('a newer change cancels an open one on the same app; the newest wins', async () => {
  await signInAs('Operator')
  const phone = await deviceNamed("Lena's iPhone 15")
  const first = await changeApp(phone.id, 'AcmeBank', 'async=true', { status: 'DISABLED' })
  const second = await changeApp(phone.id, 'AcmeBank', 'async=false', { status: 'ENABLED' })
  expect(second.transaction.status).toBe('SUCCESS')
  demo.backend.db.advanceClock(TX_DURATION_MS)
  const canceled = await transactionOf(first.transaction.id)
  expect(canceled.status).toBe('CANCELED')
  expect(canceled.errors?.[0]?.details).toContain(`transaction ${second.transaction.id}`)
  expect(appStatus(await deviceNamed("Lena's iPhone 15"), 'AcmeBank')).toBe('ENABLED')
})

test('payload, async and app errors answer 400 and 404', async () => {
  await signInAs('Operator')
  const phone = await deviceNamed("Lena's iPhone 15")
  const badStatus = await putApp(phone.id, 'AcmeBank', '', { status: 'OFF' })
  expect(badStatus.status).toBe(400)
  expect((await json(ErrorSchema, badStatus)).errorCode).toBe('INVALID_PAYLOAD')
  const notJson = await putApp(phone.id, 'AcmeBank', '', '{"status": "ENABLED",}')
  expect(notJson.status).toBe(400)
  const badAsync = await putApp(phone.id, 'AcmeBank', 'async=maybe', { status: 'ENABLED' })
  expect(badAsync.status).toBe(400)
  const noApp = await putApp(phone.id, 'FieldService', '', { status: 'ENABLED' })
  expect(noApp.status).toBe(404)
  expect((await json(ErrorSchema, noApp)).errorCode).toBe('APPLICATION_NOT_ON_DEVICE')
  const noDevice = await putApp('no-such-device', 'AcmeBank', '', { status: 'ENABLED' })
  expect(noDevice.status).toBe(404)
  const expired = await call('PUT', `${BASE}/mfp/devices/${phone.id}`, { status: 'EXPIRED' })
  expect(expired.status).toBe(400)
})

test('mfpmonitor reads but may not change status or remove; no token is 401', async () => {
  await signInAs('Monitor')
  const phone = await deviceNamed("Lena's iPhone 15")
  const put = await putApp(phone.id, 'AcmeBank', 'locale=en_US', { status: 'DISABLED' })
  expect(put.status).toBe(403)
  expect((await json(ErrorSchema, put)).errorMsg).toMatch(/mona\.berg.*mfpmonitor/)
  expect((await call('PUT', `${BASE}/mfp/devices/${phone.id}`, { status: 'LOST' })).status).toBe(
    403,
  )
  expect((await call('DELETE', `${BASE}/mfp/devices/${phone.id}`)).status).toBe(403)
  const list = await call('GET', `${BASE}/mfp/transactions?orderBy=-created`)
  expect(list.status).toBe(200)
  const anonymous = await fetch(`${BASE}/mfp/devices`)
  expect(anonymous.status).toBe(401)
})

test('device status and removal are transactions; a removed device is gone', async () => {
  await signInAs('Administrator')
  const tablet = await deviceNamed('Branch 12 iPad Pro')
  const lost = await json(
    TransactionResultSchema,
    await call('PUT', `${BASE}/mfp/devices/${tablet.id}?async=false`, { status: 'STOLEN' }),
  )
  expect(lost.transaction).toMatchObject({ type: 'CHANGE_DEVICE_STATUS', status: 'SUCCESS' })
  const after = await deviceNamed('Branch 12 iPad Pro')
  expect(after.status).toBe('STOLEN')
  expect(after.applicationDeviceAssociations?.[0]?.deviceStatus).toBe('STOLEN')
  const removed = await json(
    TransactionResultSchema,
    await call('DELETE', `${BASE}/mfp/devices/${tablet.id}`),
  )
  expect(removed.transaction).toMatchObject({ type: 'REMOVE_DEVICE', status: 'SUCCESS' })
  await expect(deviceNamed('Branch 12 iPad Pro')).rejects.toThrow(/no device/)
  expect((await call('DELETE', `${BASE}/mfp/devices/${tablet.id}`)).status).toBe(404)
})

test('transactions list newest first, with errors only on request', async () => {
  await signInAs('Administrator')
  const all = await json(
    TransactionPageSchema,
    await call('GET', `${BASE}/mfp/transactions?orderBy=-created&pageSize=50`),
  )
  expect(all.totalListSize).toBeGreaterThan(4)
  const created = all.items.map((t) => Date.parse(t.timeCreated ?? ''))
  expect(created).toEqual([...created].sort((a, b) => b - a))
  const errors = await json(
    TransactionPageSchema,
    await call('GET', `${BASE}/mfp/transactions?mode=errors`),
  )
  expect(errors.items.length).toBeGreaterThan(0)
  for (const t of errors.items) {
    expect(['FAILURE', 'CANCELED']).toContain(t.status)
    expect(t.errors?.length).toBeGreaterThan(0)
  }
})

test('changes persist under their own key and a reset forgets them', async () => {
  const storage = memoryStorage()
  const backend = new DemoBackend({ fleet: 'small', storage })
  const runtime = backend.devices.runtime('mfp')
  const index = runtime?.search('friendlyName', false, 'max.weber')[0]
  if (!runtime || index === undefined) throw new Error('no device')
  const device = runtime.view(index)
  const association = runtime.associationsOf(index).find((a) => a.appName === 'AcmeBank')
  if (!association) throw new Error('no association')
  runtime.changeApplicationStatus(
    { userName: 'otto.neumann', deviceId: device.id, async: false },
    'AcmeBank',
    'DISABLED',
    association,
  )
  expect(storage.get('runtime-console-demo:v1:small:devices')).toContain(device.id)

  const reloaded = new DemoBackend({ fleet: 'small', storage }).devices.runtime('mfp')
  const again = reloaded?.indexOf(device.id)
  expect(again).toBe(index)
  expect(reloaded?.view(index).applicationDeviceAssociations?.[0]?.status).toBe('DISABLED')

  backend.reset()
  const fresh = backend.devices.runtime('mfp')
  expect(fresh?.view(index).applicationDeviceAssociations?.[0]?.status).toBe('ENABLED')
})
