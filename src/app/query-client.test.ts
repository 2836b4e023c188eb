import { expect, test } from 'vitest'
import { ApiError } from '../lib/api-error.ts'
import { createQueryClient, QUERY_RETRIES } from './query-client.ts'

function httpError(status: number, kind: 'http' | 'network' | 'schema' = 'http') {
  return new ApiError({
    kind,
    status,
    message: 'x',
    request: { method: 'GET', path: '/hybrid/api/v1/servers', headers: [] },
  })
}

function retryOf(client: ReturnType<typeof createQueryClient>) {
  const retry = client.getDefaultOptions().queries?.retry
  if (typeof retry !== 'function') throw new Error('retry is not a function')
  return retry
}

test('queries retry the network, 5xx, 408 and 429, never another 4xx or a malformed answer', () => {
  const retry = retryOf(createQueryClient())
  for (const error of [httpError(0, 'network'), httpError(500), httpError(502), httpError(503)])
    expect(retry(0, error)).toBe(true)
  for (const status of [408, 429]) expect(retry(0, httpError(status))).toBe(true)
  for (const status of [400, 401, 403, 404, 409, 412])
    expect(retry(0, httpError(status))).toBe(false)
  expect(retry(0, httpError(200, 'schema'))).toBe(false)
  expect(retry(QUERY_RETRIES - 1, httpError(502))).toBe(true)
  expect(retry(QUERY_RETRIES, httpError(502))).toBe(false)
})

test('retries back off exponentially, and queries refetch on reconnect and focus', () => {
  const queries = createQueryClient().getDefaultOptions().queries
  const delay = queries?.retryDelay
  if (typeof delay !== 'function') throw new Error('retryDelay is not a function')
  expect([0, 1, 2, 3].map((n) => delay(n, httpError(502)))).toEqual([500, 1_000, 2_000, 4_000])
  expect(queries?.refetchOnReconnect).toBe(true)
  expect(queries?.refetchOnWindowFocus).toBe(true)
})

test('tests get a client without retries, so a failure shows at once', () => {
  expect(createQueryClient({ retry: false }).getDefaultOptions().queries?.retry).toBe(false)
})
