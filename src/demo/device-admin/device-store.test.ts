import { expect, test } from 'vitest'
import { DemoClock } from '../clock.ts'
import { memoryStorage } from '../storage.ts'
import { RUNTIME_PLANS, seedAssociations, seedDevice, seedDevices } from './device-seed.ts'
import {
  DeviceStore,
  TX_DURATION_MS,
  TX_STEP_MS,
  txStatusAt,
  type TxRecord,
} from './device-store.ts'

const ANCHOR = Date.UTC(2026, 10, 23, 12, 0, 0)
const mfp = RUNTIME_PLANS[0]!

test('device i is computed from i alone: the same every time, whatever else was built', () => {
  const direct = seedDevice(mfp, 'small', 17, ANCHOR)
  expect(seedDevices(mfp, 'small', ANCHOR)[17]).toEqual(direct)
  expect(seedAssociations(mfp, direct)).toEqual(
    seedAssociations(mfp, seedDevice(mfp, 'small', 17, ANCHOR)),
  )
})

test('the small fleet has users with several devices and versions that parse as bundle$platform$version', () => {
  const devices = seedDevices(mfp, 'small', ANCHOR)
  const perUser = new Map<string, number>()
  for (const d of devices) for (const u of d.users) perUser.set(u, (perUser.get(u) ?? 0) + 1)
  expect([...perUser.values()].filter((n) => n >= 3).length).toBeGreaterThan(5)
  for (const d of devices.slice(0, 50))
    for (const a of seedAssociations(mfp, d))
      expect(a.appId).toMatch(/^com\.acme\.\w+\$(ios|android)\$\d/)
  // Expired is the server's verdict on devices silent for 90 days, and only those.
  for (const d of devices)
    expect(d.status === 'EXPIRED').toBe(ANCHOR - d.lastAccessed > 90 * 86_400_000)
})

/** The runtime of a fresh large fleet (50,000 devices), nothing built yet but what it needs. */
function largeRuntime() {
  const store = new DeviceStore({
    fleet: 'large',
    storage: memoryStorage(),
    clock: new DemoClock(() => ANCHOR),
  })
  const runtime = store.runtime('mfp')
  if (!runtime) throw new Error('no runtime')
  return runtime
}

test('a large fleet of 50,000 devices is built, searched, sorted and paged', () => {
  // How fast is the bench's to say (Devices first rows, ADR 027); this checks what it does.
  const runtime = largeRuntime()
  expect(runtime.size).toBe(50_000)
  const byName = runtime.search('friendlyName', true, '')
  const search = runtime.search('lastAccessed', false, 'anna')
  expect(byName).toHaveLength(50_000)
  expect(search.length).toBeGreaterThan(100)
  for (const i of search.subarray(0, 20)) expect(runtime.view(i).deviceDisplayName).toBeDefined()
  const first = runtime.view(byName[0] ?? 0).deviceDisplayName ?? ''
  const last = runtime.view(byName[byName.length - 1] ?? 0).deviceDisplayName ?? ''
  expect(first.toLowerCase() >= last.toLowerCase()).toBe(true)
  // A repeated search (the next page) is answered from the cache: the same answer, not a new one.
  expect(runtime.search('lastAccessed', false, 'anna')).toBe(search)
  expect(runtime.search('lastAccessed', false, ' ANNA ')).toBe(search)
})

test('the id and name orders are the devices sorted by id, and by lowercased name then id', () => {
  for (const fleet of ['small', 'large'] as const) {
    const store = new DeviceStore({
      fleet,
      storage: memoryStorage(),
      clock: new DemoClock(() => ANCHOR),
    })
    const runtime = store.runtime('mfp')
    if (!runtime) throw new Error('no runtime')
    const devices = seedDevices(mfp, fleet, ANCHOR)
    const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
    const byId = devices.map((d) => d.index).sort((a, b) => compare(devices[a]!.id, devices[b]!.id))
    const name = (i: number) => devices[i]!.name.toLowerCase()
    const byName = [...byId].sort((a, b) => compare(name(a), name(b)))
    expect(Array.from(runtime.search('uid', false, ''))).toEqual(byId)
    expect(Array.from(runtime.search('friendlyName', false, ''))).toEqual(byName)
    expect(Array.from(runtime.search('friendlyName', true, ''))).toEqual([...byName].reverse())
    // Found by id without a map of every id.
    expect(devices.every((d) => runtime.indexOf(d.id) === d.index)).toBe(true)
    expect(runtime.indexOf(devices[3]!.id.toUpperCase())).toBeUndefined()
    expect(
      runtime.indexOf(`${devices[3]!.id.slice(0, 9)}0000-4000-8000-000000000000`),
    ).toBeUndefined()
  }
})

test('the first page of 50,000 devices by name builds only the devices it shows', () => {
  const runtime = largeRuntime()
  // The seeded transactions name a few devices (and look for one with a retired app).
  const seeded = runtime.generatedCount
  expect(seeded).toBeLessThan(100)
  const rows = runtime.search('friendlyName', false, '')
  const page = Array.from(rows.subarray(0, 100), (i) => runtime.view(i))
  expect(page[0]?.deviceDisplayName).toBe("Anna's Galaxy A54")
  expect(runtime.generatedCount).toBeLessThanOrEqual(seeded + 100)
  runtime.search('status', false, '')
  expect(runtime.generatedCount).toBe(50_000)
})

test('an asynchronous transaction moves PENDING → PREPARING → COMMITTING → SUCCESS', () => {
  const tx: TxRecord = {
    id: 1,
    type: 'CHANGE_DEVICE_APPLICATION_STATUS',
    userName: 'otto.neumann',
    createdAt: 1_000,
    endAt: 1_000 + TX_DURATION_MS,
    deviceId: 'd',
    outcome: 'success',
    settled: false,
  }
  const at = (ms: number) => txStatusAt(tx, 1_000 + ms).status
  expect([at(0), at(TX_STEP_MS), at(2 * TX_STEP_MS), at(TX_DURATION_MS)]).toEqual([
    'PENDING',
    'PREPARING',
    'COMMITTING',
    'SUCCESS',
  ])
  const failing: TxRecord = { ...tx, outcome: 'failure' }
  expect(txStatusAt(failing, 1_000 + 2 * TX_STEP_MS).status).toBe('REJECTING')
  expect(txStatusAt(failing, 1_000 + TX_DURATION_MS).status).toBe('FAILURE')
  const canceled: TxRecord = {
    ...tx,
    canceled: { at: 1_500, code: 'SUPERSEDED', params: { id: 2 } },
  }
  expect(txStatusAt(canceled, 1_400).status).toBe('PENDING')
  expect(txStatusAt(canceled, 9_000)).toEqual({ status: 'CANCELED', updatedAt: 1_500 })
})

test('the seeded history agrees with the devices and includes a failure and a cancel', () => {
  const store = new DeviceStore({
    fleet: 'small',
    storage: memoryStorage(),
    clock: new DemoClock(() => ANCHOR),
  })
  const runtime = store.runtime('mfp')
  if (!runtime) throw new Error('no runtime')
  const views = runtime.transactions.map((tx) => runtime.transactionView(tx, 'en_US'))
  expect(views.map((t) => t.status)).toEqual(
    expect.arrayContaining(['SUCCESS', 'FAILURE', 'CANCELED']),
  )
  expect(views.map((t) => t.id)).toEqual(views.map((_, i) => i + 1))
  const lost = views.find((t) => t.type === 'CHANGE_DEVICE_STATUS')
  const device = runtime.indexOf(lost?.description?.deviceId ?? '')
  expect(device === undefined ? undefined : runtime.statusOf(device)).toBe('LOST')
  expect(store.runtime('mfp-staging')?.size).toBe(48)
  expect(store.runtime('unknown')).toBeUndefined()
})
