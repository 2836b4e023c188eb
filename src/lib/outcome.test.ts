import { expect, test, vi } from 'vitest'
import { apiError } from '../test/api-errors.ts'
import {
  backoffDelay,
  isOutcomeUnknown,
  isOutcomeUnknownError,
  isTransientError,
  retryTransient,
  sendAndVerify,
  verifyGone,
} from './outcome.ts'

const FAST = { baseMs: 1, maxMs: 2 }

test('a lost answer to a change is unknown: network errors and 502/503/504 on POST, PUT, PATCH, DELETE', () => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    expect(isOutcomeUnknown(apiError(method, 0, 'network'))).toBe(true)
    for (const status of [502, 503, 504])
      expect(isOutcomeUnknown(apiError(method, status))).toBe(true)
  }
})

test('real answers and reads are not unknown outcomes', () => {
  expect(isOutcomeUnknown(apiError('GET', 502))).toBe(false)
  expect(isOutcomeUnknown(apiError('GET', 0, 'network'))).toBe(false)
  for (const status of [400, 403, 404, 409, 412, 500])
    expect(isOutcomeUnknown(apiError('DELETE', status))).toBe(false)
  expect(isOutcomeUnknown(apiError('POST', 200, 'schema'))).toBe(false)
  expect(isOutcomeUnknown(new Error('boom'))).toBe(false)
})

test('transient errors are the network, 5xx, 408 and 429; other 4xx and schema errors are final', () => {
  expect(isTransientError(apiError('GET', 0, 'network'))).toBe(true)
  for (const status of [500, 502, 503, 504, 408, 429])
    expect(isTransientError(apiError('GET', status))).toBe(true)
  for (const status of [400, 401, 403, 404, 409])
    expect(isTransientError(apiError('GET', status))).toBe(false)
  expect(isTransientError(apiError('GET', 200, 'schema'))).toBe(false)
})

test('backoff doubles from the base and stops at the cap', () => {
  expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, 500, 8_000))).toEqual([
    500, 1_000, 2_000, 4_000, 8_000, 8_000,
  ])
})

test('a read is retried on transient errors until it succeeds', async () => {
  const read = vi
    .fn<() => Promise<string>>()
    .mockRejectedValueOnce(apiError('GET', 502))
    .mockRejectedValueOnce(apiError('GET', 0, 'network'))
    .mockResolvedValue('SUCCESS')
  await expect(retryTransient(read, FAST)).resolves.toBe('SUCCESS')
  expect(read).toHaveBeenCalledTimes(3)
})

test('a read gives up after its attempts, and at once on a final error', async () => {
  const failing = vi.fn<() => Promise<string>>().mockRejectedValue(apiError('GET', 503))
  await expect(retryTransient(failing, { ...FAST, attempts: 3 })).rejects.toMatchObject({
    status: 503,
  })
  expect(failing).toHaveBeenCalledTimes(3)
  const missing = vi.fn<() => Promise<string>>().mockRejectedValue(apiError('GET', 404))
  await expect(retryTransient(missing, FAST)).rejects.toMatchObject({ status: 404 })
  expect(missing).toHaveBeenCalledTimes(1)
})

test('an answered change is not read back', async () => {
  const verify = vi.fn<() => Promise<string | null>>()
  await expect(sendAndVerify(async () => 'answer', verify)).resolves.toBe('answer')
  expect(verify).not.toHaveBeenCalled()
})

test('a lost answer over an applied change resolves with what the read-back found', async () => {
  const onChecking = vi.fn<() => void>()
  const result = sendAndVerify(
    () => Promise.reject(apiError('POST', 502)),
    async () => 'found it',
    { ...FAST, onChecking },
  )
  await expect(result).resolves.toBe('found it')
  expect(onChecking).toHaveBeenCalledTimes(1)
})

test('a lost answer over a change that was not applied keeps the original error', async () => {
  const lost = apiError('DELETE', 0, 'network')
  await expect(
    sendAndVerify(
      () => Promise.reject(lost),
      async () => null,
      FAST,
    ),
  ).rejects.toBe(lost)
})

test('when the read-back fails too, the outcome is unknown and says so', async () => {
  const error = await sendAndVerify(
    () => Promise.reject(apiError('PATCH', 504)),
    () => Promise.reject(apiError('GET', 0, 'network')),
    { ...FAST, attempts: 2 },
  ).catch((e: unknown) => e)
  expect(isOutcomeUnknownError(error)).toBe(true)
  expect(error instanceof Error && error.message).toMatch(
    /^Outcome unknown: the answer to PATCH \/hybrid\/api\/v1\/applications\/7 was lost \(HTTP 504\)/,
  )
})

test('a real failure is rethrown without reading back', async () => {
  const verify = vi.fn<() => Promise<string | null>>()
  const denied = apiError('DELETE', 403)
  await expect(sendAndVerify(() => Promise.reject(denied), verify)).rejects.toBe(denied)
  expect(verify).not.toHaveBeenCalled()
})

test('verifyGone: a 404 on the read means the deletion happened; an answer means it did not', async () => {
  await expect(verifyGone(() => Promise.reject(apiError('GET', 404)), true)()).resolves.toBe(true)
  await expect(verifyGone(async () => ({ id: 7 }), true)()).resolves.toBeNull()
  await expect(
    verifyGone(() => Promise.reject(apiError('GET', 500)), true)(),
  ).rejects.toMatchObject({ status: 500 })
})
