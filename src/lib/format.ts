import { currentLanguage, i18n, t, type MessageKey, type MessageValues } from './i18n.ts'

const DAY = 86_400_000

// A list formats a few cells per row in every scroll frame and keystroke: an `Intl`
// formatter or a message's interpolation (Lingui's plural rules, a regular expression per
// call) per cell made a frame miss its budget. Formatters are made once per language and
// options; the words of a message with few distinct values once per language.
const formatters = new Map<string, Intl.NumberFormat>()
function numberFormat(options: Intl.NumberFormatOptions, id: string): Intl.NumberFormat {
  const language = currentLanguage()
  const key = `${language} ${id}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(language, options)
    formatters.set(key, format)
  }
  return format
}

// In the language of the console's words, so a count reads like the sentence around it.
function numbers(): Intl.NumberFormat {
  return numberFormat({ maximumFractionDigits: 0 }, 'count')
}

const words = new Map<string, string>()
// Forgotten when a catalog loads or the language changes: the same key then reads anew.
i18n.on('change', () => words.clear())
/** Distinct answers kept at most; a list's ages and sizes need a few thousand. */
const MAX_WORDS = 20_000

/**
 * `t` for a message a long list repeats with few distinct values (an age, a size, a status
 * word): each distinct answer is made once per language and catalog, then looked up.
 */
export function cachedT(key: MessageKey, values?: MessageValues): string {
  let id: string = key
  if (values) for (const name in values) id += `\u0000${name}\u0000${values[name]}`
  let text = words.get(id)
  if (text === undefined) {
    text = t(key, values)
    if (words.size >= MAX_WORDS) words.clear()
    words.set(id, text)
  }
  return text
}

/**
 * A count written one way everywhere ("10,000 in Production", "50,000 devices"); "—" for a
 * count that is not known (undefined, null, NaN), never a misleading 0.
 */
export function formatNumber(count: number | null | undefined): string {
  if (count === undefined || count === null || !Number.isFinite(count)) return '—'
  return numbers().format(count)
}

/**
 * "12 s ago", "5 min ago", "3 h ago", "4 d ago"; "just now" under 2 s; in the current
 * language (catalog messages: `Intl.RelativeTimeFormat` has no English as short as this).
 */
export function formatAgo(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000))
  if (s < 2) return cachedT('ui.ago.justNow')
  if (s < 60) return cachedT('ui.ago.seconds', { count: s })
  const m = Math.floor(s / 60)
  if (m < 60) return cachedT('ui.ago.minutes', { count: m })
  const h = Math.floor(m / 60)
  if (h < 48) return cachedT('ui.ago.hours', { count: h })
  return cachedT('ui.ago.days', { count: Math.floor(h / 24) })
}

/** A date and time in the operator's locale, e.g. "23 Nov 2026, 14:05". */
export function formatDateTime(epochMs: number | undefined | null): string {
  if (epochMs === undefined || epochMs === null || !Number.isFinite(epochMs)) return '—'
  return new Date(epochMs).toLocaleString(currentLanguage(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

// A size's digits in the current language, ungrouped ("1023 B") with one decimal under 10.
function sizeDigits(value: number, decimals: number): string {
  return numberFormat(
    { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false },
    `size ${decimals}`,
  ).format(value)
}

const SIZE_UNITS = [
  'ui.bytes.kilobytes',
  'ui.bytes.megabytes',
  'ui.bytes.gigabytes',
  'ui.bytes.terabytes',
] as const satisfies readonly MessageKey[]

/** "1.2 MB"; binary units are what file managers show for artifacts. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < 1024) return cachedT('ui.bytes.bytes', { value: sizeDigits(bytes, 0) })
  const units = SIZE_UNITS
  let value = bytes / 1024
  let unit = 0
  // Pick the unit after rounding, so 1,048,575 B reads "1.0 MB", not "1024 KB".
  const shown = (v: number) => (v < 10 ? Math.round(v * 10) / 10 : Math.round(v))
  while (shown(value) >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const rounded = shown(value)
  return cachedT(units[unit] ?? 'ui.bytes.terabytes', {
    value: sizeDigits(rounded, rounded < 10 ? 1 : 0),
  })
}

/**
 * Two sizes to be compared by a reader ("is X; the limit is Y"): rounded as `formatBytes`
 * while that tells them apart, otherwise exact, in bytes (with the rounded form of the
 * second), so that 200 MB + 1 byte never reads "is 200 MB; the limit is 200 MB".
 */
export function formatBytesPair(size: number, other: number): [string, string] {
  const a = formatBytes(size)
  const b = formatBytes(other)
  if (a !== b || size === other) return [a, b]
  const exact = (n: number) => t('ui.bytes.exact', { count: n })
  return [exact(size), `${exact(other)} (${b})`]
}

/** Whole days from `now` until `epochMs` (negative once past). */
export function daysUntil(epochMs: number, now: number): number {
  return Math.floor((epochMs - now) / DAY)
}

/** Parses a timestamp the APIs send as epoch ms, numeric string or ISO text. */
export function toEpochMs(value: number | string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (value.trim() === '') return undefined
  const n = Number(value)
  if (Number.isFinite(n)) return n
  const d = Date.parse(value)
  return Number.isFinite(d) ? d : undefined
}

/** A length of time: "42 s", "5 min", "3 h 20 min", "4 d 2 h" (in the current language). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 60) return t('ui.duration.seconds', { s })
  const m = Math.floor(s / 60)
  if (m < 60) return t('ui.duration.minutes', { m })
  const h = Math.floor(m / 60)
  if (h < 24)
    return m % 60 ? t('ui.duration.hoursMinutes', { h, m: m % 60 }) : t('ui.duration.hours', { h })
  const d = Math.floor(h / 24)
  return h % 24 ? t('ui.duration.daysHours', { d, h: h % 24 }) : t('ui.duration.days', { d })
}
