import { expect, test, vi } from 'vitest'
import { OutcomeUnknownError, sendAndVerify } from '../lib/outcome.ts'
import { apiError } from '../test/api-errors.ts'
import {
  bulkSummary,
  failuresFirst,
  runBulk,
  shortfall,
  succeededIds,
  type BulkItemResult,
} from './bulk.ts'

/** A 502: the answer to a change was lost (or a read-back failed, for a GET). */
function lost(method = 'DELETE') {
  return apiError(method, 502)
}

// A feature's summary sentences (any will do: the wording is the caller's).
const DELETE_SUMMARY = {
  all: 'applications.bulk.deleteSummaryAll',
  some: 'applications.bulk.deleteSummarySome',
} as const

test('each item ends Succeeded, Failed or Unknown, true to what was read back', async () => {
  const onChecking = vi.fn<(item: { id: string; label: string }) => void>()
  const results = await runBulk(
    ['answered', 'applied', 'not-applied', 'unreadable', 'refused'],
    (name) => ({ id: name, label: name }),
    (name, options) => {
      const send = () =>
        name === 'answered'
          ? Promise.resolve(true)
          : name === 'refused'
            ? Promise.reject(new Error('Refused: the server belongs to cluster c1'))
            : Promise.reject(lost())
      const verify = async () => {
        if (name === 'unreadable') throw lost('GET')
        return name === 'applied' ? true : null
      }
      return sendAndVerify(send, verify, { ...options, attempts: 1 })
    },
    2,
    onChecking,
  )
  expect(results.map((r) => [r.id, r.outcome])).toEqual([
    ['answered', 'succeeded'],
    ['applied', 'succeeded'],
    ['not-applied', 'failed'],
    ['unreadable', 'unknown'],
    ['refused', 'failed'],
  ])
  expect(results[0]).not.toHaveProperty('note')
  expect(results[1]).toMatchObject({ note: expect.stringMatching(/answer was lost/) })
  expect(onChecking.mock.calls.map(([item]) => item.id)).toEqual([
    'applied',
    'not-applied',
    'unreadable',
  ])
  expect(bulkSummary(DELETE_SUMMARY, results)).toBe(
    'Delete: 2 of 5 succeeded, 2 failed, 1 unknown.',
  )
  expect(failuresFirst(results).map((r) => r.id)).toEqual([
    'unreadable',
    'not-applied',
    'refused',
    'answered',
    'applied',
  ])
  expect(succeededIds(results)).toEqual(new Set(['answered', 'applied']))
})

test('an OutcomeUnknownError from any action is Unknown, never Failed', async () => {
  const [result] = await runBulk(
    [1],
    () => ({ id: '1', label: 'orders-api' }),
    () => Promise.reject(new OutcomeUnknownError(lost(), new Error('offline'))),
  )
  expect(result).toMatchObject({
    outcome: 'unknown',
    message: expect.stringMatching(/^Outcome unknown/),
  })
  expect(bulkSummary(DELETE_SUMMARY, [result!])).toBe('Delete: 0 of 1 succeeded, 1 unknown.')
})

test('the shortfall names what did not succeed, "0 failed" only when asked to', () => {
  const item = (outcome: 'succeeded' | 'failed' | 'unknown'): BulkItemResult =>
    outcome === 'succeeded'
      ? { id: outcome, label: outcome, outcome }
      : { id: outcome, label: outcome, outcome, message: 'x' }
  const some = [item('succeeded'), item('failed'), item('unknown'), item('failed')]
  expect(shortfall(some)).toBe('2 failed, 1 unknown')
  expect(shortfall([item('succeeded'), item('unknown')])).toBe('1 unknown')
  expect(shortfall([item('succeeded'), item('unknown')], { keepFailed: true })).toBe(
    '0 failed, 1 unknown',
  )
  expect(shortfall([item('succeeded')])).toBe('')
  expect(shortfall([item('succeeded')], { keepFailed: true })).toBe('0 failed')
})
