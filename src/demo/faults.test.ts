import * as z from 'zod/mini'
import { expect, test, vi } from 'vitest'
import { getMe } from '../api/runtime-manager/account.ts'
import { listServers } from '../api/runtime-manager/servers.ts'
import { isApiError } from '../lib/api-error.ts'
import { request } from '../lib/request.ts'
import { unregisterServerRequest } from '../api/runtime-manager/servers.ts'
import { signInAs, setupTestBackend } from '../test/demo-server.ts'
import { clampFaults, clampRules, faultChangeFrom, FaultStore, NO_FAULTS } from './faults.ts'
import { DEMO_IDENTITIES } from './seed.ts'
import { memoryStorage } from './storage.ts'

const demo = setupTestBackend()
const INJECTED =
  'Injected failure (demo fault injection): the backend could not process the request.'

function unregisterServerRaw(scope: Parameters<typeof unregisterServerRequest>[0], id: number) {
  return request(unregisterServerRequest(scope, id))
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

test('failureRate 1 makes every API call a 500 with the injected message', async () => {
  const { scope } = await signInAs('Administrator')
  demo.backend.faults.set({ failureRate: 1 })
  const identity = DEMO_IDENTITIES[0]
  const calls = [
    fetch('/hybrid/api/v1/servers'),
    fetch('/hybrid/api/v1/applications/1', { method: 'DELETE' }),
    fetch('/accounts/api/me'),
    fetch('/accounts/api/v2/oauth2/token', {
      method: 'POST',
      body: new URLSearchParams({
        client_id: identity?.clientId ?? '',
        client_secret: identity?.clientSecret ?? '',
        grant_type: 'client_credentials',
      }),
    }),
  ]
  for (const response of await Promise.all(calls)) {
    expect(response.status).toBe(500)
    expect(z.parse(z.object({ message: z.string() }), await response.json()).message).toBe(INJECTED)
  }
  const error = await errorOf(listServers(scope))
  expect(
    isApiError(error) &&
      error.kind === 'http' &&
      error.status === 500 &&
      error.message === INJECTED,
  ).toBe(true)
})

test('an injected failure does not change any state', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const lone = db.servers.all().find((s) => s.envId === scope.envId && !db.membershipOf(s.id))
  if (!lone) throw new Error('no lone server')
  demo.backend.faults.set({ failureRate: 1 })
  const response = await fetch(`/hybrid/api/v1/servers/${lone.id}`, { method: 'DELETE' })
  expect(response.status).toBe(500)
  expect(db.servers.get(lone.id)).toBeDefined()
})

test('failureRate 0 lets every call through', async () => {
  await signInAs('Monitor')
  demo.backend.faults.set({ failureRate: 0 })
  await expect(getMe()).resolves.toMatchObject({ client: { client_id: 'demo-monitor' } })
})

test('a failureRate between 0 and 1 fails the calls whose random draw falls below it', async () => {
  await signInAs('Monitor')
  demo.backend.faults.set({ failureRate: 0.5 })
  // msw draws random numbers too (request ids), so fix the value for a whole call.
  const random = vi.spyOn(Math, 'random').mockReturnValue(0.49)
  expect((await fetch('/accounts/api/me')).status).toBe(500)
  random.mockReturnValue(0.5)
  // Not failed by injection: answered by the backend (401, as fetch sends no token here).
  expect((await fetch('/accounts/api/me')).status).toBe(401)
})

test('offline makes every API call a network error', async () => {
  const { scope } = await signInAs('Monitor')
  demo.backend.faults.set({ offline: true })
  await expect(fetch('/accounts/api/me')).rejects.toThrow(TypeError)
  const error = await errorOf(listServers(scope))
  expect(isApiError(error) && error.kind === 'network' && error.status === 0).toBe(true)
  demo.backend.faults.set({ offline: false })
  expect((await listServers(scope)).items).not.toHaveLength(0)
})

test('fault settings persist in storage and are read back by a new store', () => {
  const storage = memoryStorage()
  const store = new FaultStore(storage)
  expect(store.get()).toEqual(NO_FAULTS)
  store.set({ latencyMs: 800, failureRate: 0.25 })
  store.set({ offline: true })
  expect(new FaultStore(storage).get()).toEqual({
    failMatching: '',
    rules: [],
    latencyMs: 800,
    failureRate: 0.25,
    offline: true,
  })
})

test('fault settings are clamped to their ranges', () => {
  const store = new FaultStore(memoryStorage())
  expect(store.set({ failureRate: 5, latencyMs: -10 })).toEqual({
    failMatching: '',
    rules: [],
    latencyMs: 0,
    failureRate: 1,
    offline: false,
  })
  expect(store.set({ failureRate: -1, latencyMs: 10_000_000 })).toEqual({
    failMatching: '',
    rules: [],
    latencyMs: 30_000,
    failureRate: 0,
    offline: false,
  })
  expect(store.set({ failureRate: Number.NaN, latencyMs: Number.POSITIVE_INFINITY })).toEqual(
    NO_FAULTS,
  )
})

test('clampFaults only accepts offline === true and fills in missing values', () => {
  expect(clampFaults({})).toEqual(NO_FAULTS)
  expect(clampFaults({ latencyMs: 250 })).toEqual({
    failMatching: '',
    rules: [],
    latencyMs: 250,
    failureRate: 0,
    offline: false,
  })
})

test('saved settings are clamped when read, and damaged ones are ignored', () => {
  const storage = memoryStorage()
  storage.set(
    'runtime-console-demo:faults',
    JSON.stringify({ latencyMs: 99_999, failureRate: 3, offline: 'yes' }),
  )
  expect(new FaultStore(storage).get()).toEqual({
    failMatching: '',
    rules: [],
    latencyMs: 30_000,
    failureRate: 1,
    offline: false,
  })
  storage.set('runtime-console-demo:faults', '{broken')
  expect(new FaultStore(storage).get()).toEqual(NO_FAULTS)
})

test('subscribers hear about every change until they unsubscribe', () => {
  const store = new FaultStore(memoryStorage())
  const listener = vi.fn<() => void>()
  const unsubscribe = store.subscribe(listener)
  store.set({ offline: true })
  expect(listener).toHaveBeenCalledTimes(1)
  unsubscribe()
  store.set({ offline: false })
  expect(listener).toHaveBeenCalledTimes(1)
})

test('a fail rule answers the next N matching calls with 502 and then is used up', async () => {
  const { scope } = await signInAs('Monitor')
  demo.backend.faults.set({
    rules: [{ matching: 'GET /hybrid/api/v1/servers', effect: 'fail-502', times: 2 }],
  })
  const statuses = []
  for (let i = 0; i < 3; i++) {
    const error = await errorOf(listServers(scope))
    statuses.push(isApiError(error) ? error.status : 200)
  }
  expect(statuses).toEqual([502, 502, 200])
  expect(demo.backend.faults.get().rules).toEqual([])
})

test('lose-answer applies the change, then answers 502 (or drops the connection)', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const [first, second] = db.servers
    .all()
    .filter((s) => s.envId === scope.envId && !db.membershipOf(s.id))
  if (!first || !second) throw new Error('no lone servers')
  demo.backend.faults.set({
    rules: [
      {
        matching: `DELETE /hybrid/api/v1/servers/${first.id}`,
        effect: 'lose-answer-502',
        times: 1,
      },
      {
        matching: `DELETE /hybrid/api/v1/servers/${second.id}`,
        effect: 'lose-answer-network',
        times: 1,
      },
    ],
  })
  const error = await errorOf(unregisterServerRaw(scope, first.id))
  expect(isApiError(error) && error.status === 502).toBe(true)
  expect(db.servers.get(first.id)).toBeUndefined()
  const dropped = await errorOf(unregisterServerRaw(scope, second.id))
  expect(isApiError(dropped) && dropped.kind === 'network').toBe(true)
  expect(db.servers.get(second.id)).toBeUndefined()
})

test('rules are clamped: unknown effects, empty texts and bad counts are dropped', () => {
  expect(
    clampRules([
      { matching: ' POST /x ', effect: 'fail-503', times: 2.7 },
      { matching: '', effect: 'fail-502', times: 1 },
      { matching: 'GET', effect: 'explode', times: 1 },
      { matching: 'GET', effect: 'fail-502', times: 0 },
      'junk',
    ]),
  ).toEqual([{ matching: 'POST /x', effect: 'fail-503', times: 2 }])
  expect(faultChangeFrom({ offline: 'yes', latencyMs: 5, extra: 1 })).toEqual({ latencyMs: 5 })
})

test('failMatching fails only the calls whose method and path contain it', async () => {
  const { createTestBackend } = await import('../test/demo-server.ts')
  const { backend, server } = createTestBackend()
  server.listen({ onUnhandledFrame: 'error' })
  try {
    backend.faults.set({ failMatching: 'GET /accounts/api/me' })
    const me = await fetch('http://localhost/accounts/api/me')
    expect(me.status).toBe(500)
    expect(await me.json()).toEqual({
      message:
        'Injected failure (demo fault injection): the backend could not process the request.',
    })
    const envs = await fetch('http://localhost/hybrid/api/v1/servers')
    expect(envs.status).toBe(401)
  } finally {
    server.close()
  }
})
