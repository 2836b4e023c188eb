import * as z from 'zod/mini'
import { CHANGE_ACTIONS, type ChangeAction } from '../../lib/change-label.ts'

/**
 * The audit trail's contract (ADR 015), shared by the production server (`server/audit/`),
 * the demo backend and the Activity page: the shape of an entry, the query of
 * `GET /console-api/audit`, the opaque paging cursor and the CSV columns.
 */

export const AUDIT_FAMILIES = ['arm', 'mfp', 'store'] as const
export type AuditFamily = (typeof AUDIT_FAMILIES)[number]

/** `pending`: a queued MobileFirst change whose transaction has not ended (yet, or as far as the server saw). */
export const AUDIT_OUTCOMES = ['success', 'failure', 'pending'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]

/** What a change did, in one word each: the words the page sends with it (ADR 015). */
export const AUDIT_ACTIONS = CHANGE_ACTIONS
export type AuditAction = ChangeAction

/** The resources a change can be about, each with a page in the console. */
export const AUDIT_RESOURCE_KINDS = [
  'application',
  'server',
  'server-group',
  'cluster',
  'device',
  'client-application',
] as const
export type AuditResourceKind = (typeof AUDIT_RESOURCE_KINDS)[number]

/** The recorded request as curl can show it: never a credential (ADR 015). */
export const AuditRequestSchema = z.object({
  method: z.string(),
  path: z.string(),
  headers: z.array(z.tuple([z.string(), z.string()])),
  /** JSON body with secrets redacted, where the recorder saw it (the demo does; the proxy does not). */
  body: z.nullable(z.string()),
})
export type AuditRequest = z.infer<typeof AuditRequestSchema>

/** One recorded change, as the store keeps it before it has an id. */
export const NewAuditEntrySchema = z.object({
  /** Epoch ms when the request arrived. */
  time: z.number(),
  operator: z.string(),
  organization: z.nullable(z.string()),
  environment: z.nullable(z.string()),
  family: z.enum(AUDIT_FAMILIES),
  action: z.enum(AUDIT_ACTIONS),
  resourceKind: z.nullable(z.enum(AUDIT_RESOURCE_KINDS)),
  resourceId: z.nullable(z.string()),
  resourceName: z.nullable(z.string()),
  /** MobileFirst runtime of a device change (part of the device's page address). */
  runtime: z.nullable(z.string()),
  /** The change in words: "stop application orders-api on prd-mule-07". */
  summary: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  status: z.number(),
  /** The API's own message when the change failed. */
  message: z.nullable(z.string()),
  transactionId: z.nullable(z.string()),
  transactionStatus: z.nullable(z.string()),
  /** What else is worth knowing and safe to keep: artifact file name, size and checksum; key type. */
  details: z.nullable(z.string()),
  durationMs: z.number(),
  requestId: z.string(),
  request: AuditRequestSchema,
})
export type NewAuditEntry = z.infer<typeof NewAuditEntrySchema>

export const AuditEntrySchema = z.object({
  id: z.number(),
  ...NewAuditEntrySchema.shape,
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>

/** `GET /console-api/audit`: one page, newest first; `nextCursor` null on the last page. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.nullable(z.string()),
})
export type AuditPage = z.infer<typeof AuditPageSchema>

/** `GET /console-api/audit/resource/:kind/:id`: the last ten entries of one resource. */
export const AuditResourceHistorySchema = z.object({ items: z.array(AuditEntrySchema) })

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_MAX_PAGE_SIZE = 200
export const AUDIT_RESOURCE_HISTORY = 10

const optionalText = z.optional(z.string().check(z.maxLength(200)))

/** A time bound: a date (`2026-12-01`) or an ISO date-time; as epoch ms. */
const timeBound = z.optional(
  z.pipe(
    z.string().check(
      z.refine((text) => /^\d{4}-\d{2}-\d{2}/.test(text) && Number.isFinite(Date.parse(text)), {
        message: 'expected a date (YYYY-MM-DD) or an ISO 8601 date-time',
      }),
    ),
    z.transform((text) => Date.parse(text)),
  ),
)

/**
 * The filters of the list and of the CSV export, as query parameters. Empty parameters
 * count as absent (a form submits them so).
 */
export const AuditQuerySchema = z.object({
  operator: optionalText,
  family: z.optional(z.enum(AUDIT_FAMILIES)),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
  from: timeBound,
  to: timeBound,
  /** Part of the resource name or of the summary, ignoring case. */
  q: optionalText,
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/, 'expected a whole number')),
      z.pipe(
        z.transform((text: string) => Number(text)),
        z.number().check(z.minimum(1), z.maximum(AUDIT_MAX_PAGE_SIZE)),
      ),
    ),
  ),
})
export type AuditQuery = z.infer<typeof AuditQuerySchema>

/** The filters as the stores apply them (the query without paging). */
export type AuditFilters = Omit<AuditQuery, 'cursor' | 'limit'>

/** Drops empty parameters and keeps the first of repeated ones, before `AuditQuerySchema`. */
export function auditQueryInput(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string' && first !== '') out[key] = first
  }
  return out
}

/** A query read: the filters and paging, or the message of a 400. */
export type ParsedAuditQuery =
  | { ok: true; filters: AuditFilters; cursor?: string; limit: number }
  | { ok: false; message: string }

/** Reads and checks the query parameters of the list and the export (server and demo alike). */
export function parseAuditQuery(raw: Record<string, unknown>): ParsedAuditQuery {
  const input = auditQueryInput(raw)
  const parsed = z.safeParse(AuditQuerySchema, input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, message: `Invalid query: ${where}${issue?.message ?? 'invalid input'}.` }
  }
  const { cursor, limit, ...filters } = parsed.data
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to)
    return { ok: false, message: 'Invalid query: from is after to.' }
  return {
    ok: true,
    filters: { ...filters, to: auditUpperBound(filters.to, input.to) },
    cursor,
    limit: limit ?? AUDIT_PAGE_SIZE,
  }
}

/** Where a page ends: the newest-first position of its last entry. */
export interface AuditCursor {
  time: number
  id: number
}

/** Opaque to clients: base64url of `time.id`. */
export function encodeAuditCursor(cursor: AuditCursor): string {
  return btoa(`${cursor.time}.${cursor.id}`).replace(/=+$/, '')
}

/** The cursor, or null when it is not one of ours. */
export function decodeAuditCursor(text: string): AuditCursor | null {
  try {
    const match = /^(\d{1,15})\.(\d{1,15})$/.exec(atob(text))
    if (!match?.[1] || !match[2]) return null
    return { time: Number(match[1]), id: Number(match[2]) }
  } catch {
    return null
  }
}

/** The `to` bound of a date-only filter covers that whole day (UTC). */
export function auditUpperBound(
  to: number | undefined,
  text: string | undefined,
): number | undefined {
  if (to === undefined) return undefined
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? to + 86_400_000 - 1 : to
}

let isoSecond = Number.NaN
let isoPrefix = ''

/**
 * `toISOString()` of an epoch ms, remembering the last second: an export's rows come in
 * time order, so most rows reuse it (the date formatting was a third of a row's cost).
 */
export function isoTime(ms: number): string {
  const second = Math.floor(ms / 1000)
  if (second !== isoSecond) {
    isoSecond = second
    isoPrefix = new Date(second * 1000).toISOString().slice(0, 19)
  }
  return `${isoPrefix}.${String(ms - second * 1000).padStart(3, '0')}Z`
}

/** The columns of the CSV export, in order, with the value each takes from an entry. */
export const AUDIT_CSV_COLUMNS: ReadonlyArray<readonly [string, (e: AuditEntry) => string]> = [
  ['time', (e) => isoTime(e.time)],
  ['operator', (e) => e.operator],
  ['organization', (e) => e.organization ?? ''],
  ['environment', (e) => e.environment ?? ''],
  ['family', (e) => e.family],
  ['action', (e) => e.action],
  ['resource kind', (e) => e.resourceKind ?? ''],
  ['resource id', (e) => e.resourceId ?? ''],
  ['resource name', (e) => e.resourceName ?? ''],
  ['summary', (e) => e.summary],
  ['outcome', (e) => e.outcome],
  ['status', (e) => String(e.status)],
  ['message', (e) => e.message ?? ''],
  ['transaction', (e) => e.transactionId ?? ''],
  ['transaction status', (e) => e.transactionStatus ?? ''],
  ['details', (e) => e.details ?? ''],
  ['method', (e) => e.request.method],
  ['path', (e) => e.request.path],
  ['duration ms', (e) => String(e.durationMs)],
  ['request id', (e) => e.requestId],
]

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell that
 * a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with a single quote, so an exported resource name can never run anything.
 */
export function csvCell(value: string): string {
  // Most cells need neither: one test instead of two on the export's hot path.
  if (!/^[=+\-@\t\r]|[",\r\n]/.test(value)) return value
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** One CSV line, CRLF-terminated. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

export const AUDIT_CSV_HEADER = csvLine(AUDIT_CSV_COLUMNS.map(([name]) => name))

export function auditCsvRow(entry: AuditEntry): string {
  return csvLine(AUDIT_CSV_COLUMNS.map(([, value]) => value(entry)))
}
