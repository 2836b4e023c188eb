import { expect, test } from 'vitest'
import { DemoClock } from './clock.ts'
import { DeviceStore } from './device-admin/device-store.ts'
import * as z from 'zod/mini'
import { StateSlot, stateKey } from './persistence.ts'
import { memoryStorage } from './storage.ts'

test('every store part is saved as { version, anchor, ...state } under one key scheme', () => {
  expect(stateKey('small')).toBe('runtime-console-demo:v1:small')
  expect(stateKey('large', 'store')).toBe('runtime-console-demo:v1:large:store')
  const storage = memoryStorage()
  const slot = new StateSlot(storage, 'small', 'part', z.object({ nextId: z.number() }))
  expect(slot.read()).toBeNull()
  slot.write(42, { nextId: 7 })
  expect(storage.get(slot.key)).toBe('{"version":1,"anchor":42,"nextId":7}')
  expect(slot.read()).toEqual({ version: 1, anchor: 42, nextId: 7 })
})

test('a damaged, outdated or invalid state reads as none', () => {
  const storage = memoryStorage()
  const slot = new StateSlot(storage, 'small', 'part', z.object({ rows: z.array(z.number()) }))
  storage.set(slot.key, '{broken')
  expect(slot.read()).toBeNull()
  storage.set(slot.key, JSON.stringify({ version: 0, anchor: 1, rows: [] }))
  expect(slot.read()).toBeNull()
  storage.set(slot.key, JSON.stringify({ version: 1, anchor: 1, rows: 'no' }))
  expect(slot.read()).toBeNull()
  storage.set(slot.key, JSON.stringify({ version: 1, anchor: 1, rows: [1] }))
  expect(slot.read()?.rows).toEqual([1])
})

test('a slot sees what another slot over the same storage (another tab) wrote, and forgets', () => {
  const storage = memoryStorage()
  const tabA = new StateSlot(storage, 'small', undefined, z.object({ n: z.number() }))
  const tabB = new StateSlot(storage, 'small', undefined, z.object({ n: z.number() }))
  tabA.write(1, { n: 1 })
  tabB.read()
  expect(tabB.changedElsewhere()).toBe(false)
  tabA.write(1, { n: 2 })
  expect(tabB.changedElsewhere()).toBe(true)
  tabA.forget()
  expect(storage.get(tabA.key)).toBeNull()
})

test('device changes saved in the earlier record-by-id shape are not read: the runtimes start from their seed', () => {
  const storage = memoryStorage()
  const clock = new DemoClock(() => 1_700_000_000_000)
  const fresh = new DeviceStore({ fleet: 'small', storage: memoryStorage(), clock })
  const name = fresh.runtimeNames()[0]!
  storage.set(
    stateKey('small', 'devices'),
    JSON.stringify({
      version: 1,
      anchor: 1_700_000_000_000,
      runtimes: { [name]: { nextTxId: 1, devices: { x: { removed: true } }, transactions: [] } },
    }),
  )
  const store = new DeviceStore({ fleet: 'small', storage, clock })
  expect(store.runtime(name)?.size).toBe(fresh.runtime(name)?.size)
  const saved: unknown = JSON.parse(storage.get(stateKey('small', 'devices')) ?? '{}')
  expect(saved).toHaveProperty('runtimes', {})
})
