import { expect, test } from 'vitest'
import {
  cachedT,
  daysUntil,
  formatAgo,
  formatBytes,
  formatBytesPair,
  formatDateTime,
  formatNumber,
  toEpochMs,
} from './format.ts'
import { i18n, setLanguage } from './i18n.ts'

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0)
const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

test('formatAgo says "just now" under 2 s, including times in the future', () => {
  expect(formatAgo(NOW, NOW)).toBe('just now')
  expect(formatAgo(NOW - 1499, NOW)).toBe('just now')
  expect(formatAgo(NOW + 5 * MINUTE, NOW)).toBe('just now')
})

test('formatAgo counts seconds from 2 s up to 59 s, rounding to the nearest second', () => {
  expect(formatAgo(NOW - 1500, NOW)).toBe('2 s ago')
  expect(formatAgo(NOW - 2 * SECOND, NOW)).toBe('2 s ago')
  expect(formatAgo(NOW - 59 * SECOND, NOW)).toBe('59 s ago')
  expect(formatAgo(NOW - 59_499, NOW)).toBe('59 s ago')
})

test('formatAgo switches to whole minutes at 60 s and to hours at 60 min', () => {
  expect(formatAgo(NOW - 59_500, NOW)).toBe('1 min ago')
  expect(formatAgo(NOW - MINUTE, NOW)).toBe('1 min ago')
  expect(formatAgo(NOW - (2 * MINUTE - SECOND), NOW)).toBe('1 min ago')
  expect(formatAgo(NOW - 59 * MINUTE - 59 * SECOND, NOW)).toBe('59 min ago')
  expect(formatAgo(NOW - HOUR, NOW)).toBe('1 h ago')
})

test('formatAgo shows hours up to 47 h and days from 48 h', () => {
  expect(formatAgo(NOW - 47 * HOUR - 59 * MINUTE, NOW)).toBe('47 h ago')
  expect(formatAgo(NOW - 48 * HOUR, NOW)).toBe('2 d ago')
  expect(formatAgo(NOW - 71 * HOUR, NOW)).toBe('2 d ago')
  expect(formatAgo(NOW - 72 * HOUR, NOW)).toBe('3 d ago')
  expect(formatAgo(NOW - 400 * DAY, NOW)).toBe('400 d ago')
})

test('formatBytes uses bytes below 1 KiB and binary units above', () => {
  expect(formatBytes(0)).toBe('0 B')
  expect(formatBytes(1023)).toBe('1023 B')
  expect(formatBytes(1024)).toBe('1.0 KB')
  expect(formatBytes(1536)).toBe('1.5 KB')
  expect(formatBytes(10 * 1024)).toBe('10 KB')
  expect(formatBytes(1024 * 1024)).toBe('1.0 MB')
  expect(formatBytes(60_000_000)).toBe('57 MB')
  expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB')
  expect(formatBytes(2048 * 1024 ** 4)).toBe('2048 TB')
})

test('formatBytes shows a dash for negative or non-finite sizes', () => {
  expect(formatBytes(-1)).toBe('—')
  expect(formatBytes(Number.NaN)).toBe('—')
  expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('—')
})

test('daysUntil counts whole days and turns negative as soon as the instant is past', () => {
  expect(daysUntil(NOW, NOW)).toBe(0)
  expect(daysUntil(NOW + DAY - 1, NOW)).toBe(0)
  expect(daysUntil(NOW + DAY, NOW)).toBe(1)
  expect(daysUntil(NOW + 30 * DAY + HOUR, NOW)).toBe(30)
  expect(daysUntil(NOW - 1, NOW)).toBe(-1)
  expect(daysUntil(NOW - DAY, NOW)).toBe(-1)
  expect(daysUntil(NOW - DAY - 1, NOW)).toBe(-2)
})

test('toEpochMs accepts epoch numbers, numeric strings and ISO text', () => {
  expect(toEpochMs(NOW)).toBe(NOW)
  expect(toEpochMs(0)).toBe(0)
  expect(toEpochMs(String(NOW))).toBe(NOW)
  expect(toEpochMs('2026-11-23T12:00:00Z')).toBe(NOW)
  expect(toEpochMs('2026-11-23T13:00:00+01:00')).toBe(NOW)
})

test('toEpochMs gives undefined for missing or unreadable values', () => {
  expect(toEpochMs(undefined)).toBeUndefined()
  expect(toEpochMs(null)).toBeUndefined()
  expect(toEpochMs('')).toBeUndefined()
  expect(toEpochMs('not a date')).toBeUndefined()
})

test('formatDateTime shows a dash for missing or non-finite instants and a dated text otherwise', () => {
  expect(formatDateTime(undefined)).toBe('—')
  expect(formatDateTime(null)).toBe('—')
  expect(formatDateTime(Number.NaN)).toBe('—')
  expect(formatDateTime(NOW)).toMatch(/2026/)
})

test('formatDuration reads like an uptime', async () => {
  const { formatDuration } = await import('./format.ts')
  expect(formatDuration(42_000)).toBe('42 s')
  expect(formatDuration(5 * 60_000 + 10_000)).toBe('5 min')
  expect(formatDuration(200 * 60_000)).toBe('3 h 20 min')
  expect(formatDuration(3 * 3_600_000)).toBe('3 h')
  expect(formatDuration(98 * 3_600_000)).toBe('4 d 2 h')
  expect(formatDuration(-5)).toBe('0 s')
})

test('formatBytesPair never shows two different sizes as the same text', () => {
  const limit = 200 * 1024 * 1024
  expect(formatBytesPair(300 * 1024 * 1024, limit)).toEqual(['300 MB', '200 MB'])
  expect(formatBytesPair(limit + 1, limit)).toEqual([
    '209,715,201 bytes',
    '209,715,200 bytes (200 MB)',
  ])
  expect(formatBytesPair(limit, limit)).toEqual(['200 MB', '200 MB'])
})

test('formatNumber groups thousands one way everywhere', () => {
  // The two spellings the issue found: "10000 in Production" and "50,000 devices".
  expect(formatNumber(10_000)).toBe('10,000')
  expect(formatNumber(50_000)).toBe('50,000')
  expect(formatNumber(2_000)).toBe('2,000')
  expect(formatNumber(999)).toBe('999')
  expect(formatNumber(0)).toBe('0')
})

test('formatNumber shows a dash for a count that is not known, never 0', () => {
  expect(formatNumber(undefined)).toBe('—')
  expect(formatNumber(null)).toBe('—')
  expect(formatNumber(Number.NaN)).toBe('—')
})

test('ages and sizes remembered for a long list still follow a switch of language', async () => {
  // Read twice in English (the second from what was remembered), then in German and back.
  for (let i = 0; i < 2; i++) {
    expect(formatAgo(NOW - 5 * MINUTE, NOW)).toBe('5 min ago')
    expect(formatBytes(1536)).toBe('1.5 KB')
  }
  await setLanguage('de', { remember: false })
  try {
    expect(formatAgo(NOW - 5 * MINUTE, NOW)).toBe('vor 5 Min.')
    expect(formatBytes(1536)).toBe('1,5 KB')
  } finally {
    await setLanguage('en', { remember: false })
  }
  expect(formatAgo(NOW - 5 * MINUTE, NOW)).toBe('5 min ago')
  expect(formatBytes(1536)).toBe('1.5 KB')
})

test('cachedT reads a message anew once a catalog changes it, and tells values apart', () => {
  expect(cachedT('ui.ago.seconds', { count: 3 })).toBe('3 s ago')
  expect(cachedT('ui.ago.seconds', { count: 4 })).toBe('4 s ago')
  const before = i18n.messages['ui.ago.seconds']
  try {
    i18n.load('en', { 'ui.ago.seconds': 'changed' })
    expect(cachedT('ui.ago.seconds', { count: 3 })).toBe('changed')
  } finally {
    i18n.load('en', { 'ui.ago.seconds': before ?? '' })
  }
  expect(cachedT('ui.ago.seconds', { count: 3 })).toBe('3 s ago')
})
