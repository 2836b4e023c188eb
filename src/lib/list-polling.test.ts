import { expect, test } from 'vitest'
import {
  fullListInterval,
  fullReadDue,
  LIST_FOLLOW_MS,
  LIST_POLL_MAX_MS,
  LIST_POLL_WITH_ETAG_MS,
  listPollInterval,
  noteListRead,
} from './list-polling.ts'

test('with an ETag a list is revalidated every 30 s, whatever its size', () => {
  expect(fullListInterval({ rows: 10, etag: true })).toBe(LIST_POLL_WITH_ETAG_MS)
  expect(fullListInterval({ rows: 10_000, etag: true })).toBe(30_000)
  expect(fullListInterval({ rows: 1_000_000, etag: true })).toBe(30_000)
})

test('without an ETag the full read slows with the size: 15 s up to 500 rows, 45 s at 10,000', () => {
  expect(fullListInterval({ rows: 0, etag: false })).toBe(15_000)
  expect(fullListInterval({ rows: 500, etag: false })).toBe(15_000)
  expect(fullListInterval({ rows: 5_250, etag: false })).toBe(30_000)
  expect(fullListInterval({ rows: 10_000, etag: false })).toBe(45_000)
  expect(fullListInterval({ rows: 1_000_000, etag: false })).toBe(LIST_POLL_MAX_MS)
})

test('the budgets hold: a change shows within 60 s at 10,000 and 15 s at 500; 10,000 rows cost under 2 MB/min', () => {
  expect(fullListInterval({ rows: 500, etag: false })).toBeLessThanOrEqual(15_000)
  const at10k = fullListInterval({ rows: 10_000, etag: false })
  // Leaves room for the read itself (a few seconds for 10 MB) inside the minute.
  expect(at10k).toBeLessThanOrEqual(50_000)
  // 10,000 applications are about 1.25 MB gzip on the wire (demo-server --gzip).
  expect((1.25 * 60_000) / at10k).toBeLessThanOrEqual(2)
})

test('while something settles the list is polled every 2 s (the fetch follows those items)', () => {
  const list = {}
  noteListRead(list, { readAt: 0, rows: 10_000, etag: false, follows: 0 })
  expect(listPollInterval(list, true, 1_000)).toBe(LIST_FOLLOW_MS)
})

test('otherwise the timer waits for what is left of the full interval since the last full read', () => {
  const list = {}
  noteListRead(list, { readAt: 100_000, rows: 10_000, etag: false, follows: 0 })
  expect(listPollInterval(list, false, 100_000)).toBe(45_000)
  expect(listPollInterval(list, false, 130_000)).toBe(15_000)
  expect(fullReadDue(list, 130_000)).toBe(false)
  expect(fullReadDue(list, 145_000)).toBe(true)
  // Overdue: fire soon, not never.
  expect(listPollInterval(list, false, 200_000)).toBe(1_000)
})

test('a list whose read is unknown is due at once and polls at the old heartbeat', () => {
  expect(fullReadDue({}, 0)).toBe(true)
  expect(listPollInterval(undefined, false)).toBe(LIST_POLL_WITH_ETAG_MS)
})
