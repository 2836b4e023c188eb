/**
 * The audit trail's storage: one SQLite file through `node:sqlite` (nothing native to
 * build), WAL mode, schema migrations in code, newest-first keyset paging (ADR 015).
 *
 * Writes never hold up a proxied answer: `record` and `settleTransaction` only queue, and
 * the queue is written in one transaction on a later turn of the event loop. A failed
 * write is logged and counted, and `health()` reports it for `/readyz`.
 */
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import {
  AUDIT_ACTIONS,
  AUDIT_CSV_COLUMNS,
  AUDIT_FAMILIES,
  AUDIT_OUTCOMES,
  AUDIT_PAGE_SIZE,
  AUDIT_RESOURCE_KINDS,
  AUDIT_RESOURCE_HISTORY,
  decodeAuditCursor,
  encodeAuditCursor,
  type AuditEntry,
  type AuditFamily,
  type AuditFilters,
  type AuditPage,
  type NewAuditEntry,
  type AuditRequest,
} from '../../src/api/console/audit-schemas.ts'
import type { TransactionSettled } from '../../src/api/console/audit-change.ts'

export const DEFAULT_AUDIT_DB = './data/audit.sqlite'
export const DEFAULT_RETENTION_DAYS = 90
const DAY_MS = 86_400_000
/** Entries waiting beyond this are dropped (and counted): memory stays bounded if the disk stalls. */
const MAX_QUEUE = 50_000
/**
 * How long opening and migrating (at start) and the last write (at shutdown) wait for a lock
 * held by another connection. While serving, writes never wait: `node:sqlite` waits by
 * blocking the event loop, so a busy file is retried later instead (`BUSY_RETRY_MS`).
 */
const BUSY_TIMEOUT_MS = 2000
/** Retry delays of a write that found the file locked: doubling, then every 5 s. */
const BUSY_RETRY_MS = { first: 50, max: 5000 }
/** SQLite's result codes for a file locked by another connection. */
const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6

function isBusy(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const code = 'errcode' in error ? Number(error.errcode) & 0xff : NaN
  return code === SQLITE_BUSY || code === SQLITE_LOCKED
}

/**
 * Ordered migrations; `PRAGMA user_version` is the number applied. Append, never edit:
 * a database written by an older server upgrades in place at start.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit (
     id INTEGER PRIMARY KEY,
     time INTEGER NOT NULL,
     operator TEXT NOT NULL,
     organization TEXT,
     environment TEXT,
     family TEXT NOT NULL,
     action TEXT NOT NULL,
     resource_kind TEXT,
     resource_id TEXT,
     resource_name TEXT,
     runtime TEXT,
     summary TEXT NOT NULL,
     outcome TEXT NOT NULL,
     status INTEGER NOT NULL,
     message TEXT,
     transaction_id TEXT,
     transaction_status TEXT,
     details TEXT,
     duration_ms INTEGER NOT NULL,
     request_id TEXT NOT NULL,
     request TEXT NOT NULL
   ) STRICT;
   -- Newest first is (time DESC, id DESC); each index ends in the rowid, so every filter
   -- below pages by keyset without sorting.
   CREATE INDEX audit_time ON audit (time);
   CREATE INDEX audit_operator ON audit (operator, time);
   CREATE INDEX audit_family ON audit (family, time);
   CREATE INDEX audit_action ON audit (action, time);
   CREATE INDEX audit_outcome ON audit (outcome, time);
   CREATE INDEX audit_resource ON audit (resource_kind, resource_id, time);
   CREATE INDEX audit_resource_name ON audit (resource_name COLLATE NOCASE);
   CREATE INDEX audit_transaction ON audit (runtime, transaction_id) WHERE transaction_id IS NOT NULL;`,
]

/**
 * The CSV export's columns computed by SQLite, by the names of `AUDIT_CSV_COLUMNS`: the
 * same cells as the shared `auditCsvRow` (a test compares them on awkward values), built
 * in C instead of one JavaScript object and twenty closures per row.
 */
const CSV_SQL: Readonly<Record<string, { sql: string; text: boolean }>> = {
  time: {
    sql: `strftime('%Y-%m-%dT%H:%M:%S', time / 1000, 'unixepoch') || '.' || printf('%03d', time % 1000) || 'Z'`,
    text: false,
  },
  operator: { sql: 'operator', text: true },
  organization: { sql: 'organization', text: true },
  environment: { sql: 'environment', text: true },
  family: { sql: 'family', text: true },
  action: { sql: 'action', text: true },
  'resource kind': { sql: 'resource_kind', text: true },
  'resource id': { sql: 'resource_id', text: true },
  'resource name': { sql: 'resource_name', text: true },
  summary: { sql: 'summary', text: true },
  outcome: { sql: 'outcome', text: true },
  status: { sql: 'CAST(status AS TEXT)', text: false },
  message: { sql: 'message', text: true },
  transaction: { sql: 'transaction_id', text: true },
  'transaction status': { sql: 'transaction_status', text: true },
  details: { sql: 'details', text: true },
  method: { sql: `json_extract(request, '$.method')`, text: true },
  path: { sql: `json_extract(request, '$.path')`, text: true },
  'duration ms': { sql: 'CAST(duration_ms AS TEXT)', text: false },
  'request id': { sql: 'request_id', text: true },
}

/**
 * `csvCell` in SQL: a formula-looking cell gets a leading quote, then RFC 4180 quoting.
 * Two GLOB scans per cell (the tab, CR and LF are literal characters in the patterns).
 */
function sqlCsvCell(column: string): string {
  const formula = `'[=+@\t\r-]*'`
  const special = `'*[",\n\r]*'`
  return `(CASE
    WHEN ${column} IS NULL THEN ''
    WHEN ${column} GLOB ${formula} THEN
      CASE WHEN ${column} GLOB ${special} THEN '"''' || replace(${column}, '"', '""') || '"'
      ELSE '''' || ${column} END
    WHEN ${column} GLOB ${special} THEN '"' || replace(${column}, '"', '""') || '"'
    ELSE ${column} END)`
}

// One printf builds the line in a single allocation (a chain of || copies it once per cell).
const CSV_LINE_SQL = `printf('${AUDIT_CSV_COLUMNS.map(() => '%s').join(',')}\r\n', ${AUDIT_CSV_COLUMNS.map(
  ([name]) => {
    const column = CSV_SQL[name]
    if (!column) throw new Error(`audit store: no SQL for the CSV column "${name}"`)
    return column.text ? sqlCsvCell(column.sql) : column.sql
  },
).join(', ')})`

export interface AuditStoreOptions {
  /** The database file (`AUDIT_DB`); its folder is created. `:memory:` for tests. */
  file?: string
  /** `AUDIT_RETENTION_DAYS`: entries older than this are deleted at start and daily. */
  retentionDays?: number
  now?: () => number
  /** Where failures are reported (the server's logger). */
  log?: { error: (details: object, message: string) => void }
  /** Skip the daily retention timer (tests, benches). */
  noTimer?: boolean
}

export interface AuditHealth {
  ok: boolean
  /** Entries (or updates) that could not be written since start. */
  failedWrites: number
  queued: number
  lastError: string | null
}

type Op = { kind: 'insert'; entry: NewAuditEntry } | { kind: 'settle'; update: TransactionSettled }

interface Row {
  [key: string]: unknown
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : 0
}

function parseRequest(value: unknown): AuditRequest {
  try {
    const parsed: unknown = JSON.parse(String(value))
    if (parsed && typeof parsed === 'object' && 'method' in parsed && 'path' in parsed) {
      const r: { method?: unknown; path?: unknown; headers?: unknown; body?: unknown } = parsed
      return {
        method: String(r.method),
        path: String(r.path),
        headers: Array.isArray(r.headers)
          ? r.headers.flatMap((h: unknown): Array<[string, string]> =>
              Array.isArray(h) && h.length === 2 ? [[String(h[0]), String(h[1])]] : [],
            )
          : [],
        body: typeof r.body === 'string' ? r.body : null,
      }
    }
  } catch {
    // fall through
  }
  return { method: '', path: '', headers: [], body: null }
}

function pick<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.find((v) => v === value) ?? fallback
}

function pickOrNull<T extends string>(values: readonly T[], value: unknown): T | null {
  return values.find((v) => v === value) ?? null
}

/** A row as the API answers it. Enum columns hold only what validated entries wrote. */
export function rowToEntry(row: Row): AuditEntry {
  return {
    id: num(row.id),
    time: num(row.time),
    operator: text(row.operator) ?? '',
    organization: text(row.organization),
    environment: text(row.environment),
    family: pick(AUDIT_FAMILIES, row.family, 'arm'),
    action: pick(AUDIT_ACTIONS, row.action, 'change'),
    resourceKind: pickOrNull(AUDIT_RESOURCE_KINDS, row.resource_kind),
    resourceId: text(row.resource_id),
    resourceName: text(row.resource_name),
    runtime: text(row.runtime),
    summary: text(row.summary) ?? '',
    outcome: pick(AUDIT_OUTCOMES, row.outcome, 'pending'),
    status: num(row.status),
    message: text(row.message),
    transactionId: text(row.transaction_id),
    transactionStatus: text(row.transaction_status),
    details: text(row.details),
    durationMs: num(row.duration_ms),
    requestId: text(row.request_id) ?? '',
    request:
      row.request === undefined
        ? {
            method: text(row.request_method) ?? '',
            path: text(row.request_path) ?? '',
            headers: [],
            body: null,
          }
        : parseRequest(row.request),
  }
}

/**
 * What one reader may see: the families its session is signed in to, and for Runtime
 * Manager (arm) entries only those of its own organization.
 */
export interface AuditScope {
  families: readonly AuditFamily[]
  orgId?: string | undefined
}

/**
 * The SQL condition and parameters of a set of filters, plus an optional keyset position and
 * the reader's scope (none: every entry, for the server's own tools and tests).
 */
function whereClause(
  filters: AuditFilters,
  after: { time: number; id: number } | null,
  scope?: AuditScope,
): { sql: string; params: SQLInputValue[] } {
  const parts: string[] = []
  const params: SQLInputValue[] = []
  if (scope) {
    if (scope.families.length === 0) parts.push('0')
    else {
      // Every family: no condition, so that the planner keeps walking the time index.
      if (!AUDIT_FAMILIES.every((family) => scope.families.includes(family))) {
        parts.push(`family IN (${scope.families.map(() => '?').join(', ')})`)
        params.push(...scope.families)
      }
      if (scope.families.includes('arm')) {
        parts.push(`(family <> 'arm' OR organization IS ?)`)
        params.push(scope.orgId ?? null)
      }
    }
  }
  if (filters.operator) {
    parts.push('operator = ?')
    params.push(filters.operator)
  }
  if (filters.family) {
    parts.push('family = ?')
    params.push(filters.family)
  }
  if (filters.action) {
    parts.push('action = ?')
    params.push(filters.action)
  }
  if (filters.outcome) {
    parts.push('outcome = ?')
    params.push(filters.outcome)
  }
  if (filters.from !== undefined) {
    parts.push('time >= ?')
    params.push(filters.from)
  }
  if (filters.to !== undefined) {
    parts.push('time <= ?')
    params.push(filters.to)
  }
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    parts.push(`(resource_name LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\')`)
    params.push(like, like)
  }
  if (after) {
    parts.push('(time < ? OR (time = ? AND id < ?))')
    params.push(after.time, after.time, after.id)
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params }
}

export class AuditStore {
  readonly db: DatabaseSync
  private readonly now: () => number
  private readonly retentionMs: number
  private readonly log: AuditStoreOptions['log']
  private queue: Op[] = []
  private scheduled = false
  private retryDelay = 0
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private failedWrites = 0
  private lastError: string | null = null
  private lastWriteOk = true
  private timer: ReturnType<typeof setInterval> | undefined
  private readonly insert: StatementSync
  private readonly settle: StatementSync
  private closed = false
  private closing = false

  constructor(options: AuditStoreOptions = {}) {
    const file = options.file ?? DEFAULT_AUDIT_DB
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
    this.db = new DatabaseSync(file, { timeout: BUSY_TIMEOUT_MS })
    this.now = options.now ?? Date.now
    this.retentionMs = (options.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS
    this.log = options.log
    this.db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;',
    )
    this.migrate()
    this.insert = this.db.prepare(
      `INSERT INTO audit (time, operator, organization, environment, family, action, resource_kind,
         resource_id, resource_name, runtime, summary, outcome, status, message, transaction_id,
         transaction_status, details, duration_ms, request_id, request)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    // Only an entry still open is settled: a later read of the same transaction changes nothing.
    this.settle = this.db.prepare(
      `UPDATE audit SET outcome = ?, transaction_status = ?, message = COALESCE(?, message)
       WHERE runtime = ? AND transaction_id = ? AND outcome = 'pending'`,
    )
    this.applyRetention()
    // From now on a locked file answers at once (SQLITE_BUSY) and the write is retried.
    this.db.exec('PRAGMA busy_timeout = 0')
    if (!options.noTimer) {
      this.timer = setInterval(() => this.applyRetention(), DAY_MS)
      this.timer.unref()
    }
  }

  /** The schema version this database is at (`PRAGMA user_version`). */
  schemaVersion(): number {
    const row = this.db.prepare('PRAGMA user_version').get()
    return num(row?.user_version)
  }

  private migrate(): void {
    const current = this.schemaVersion()
    for (let version = current; version < MIGRATIONS.length; version++) {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        this.db.exec(MIGRATIONS[version] ?? '')
        this.db.exec(`PRAGMA user_version = ${version + 1}`)
        this.db.exec('COMMIT')
      } catch (error) {
        this.db.exec('ROLLBACK')
        throw error
      }
    }
  }

  /** Queues one entry; written after the current answer has gone out. Never throws. */
  record(entry: NewAuditEntry): void {
    this.enqueue({ kind: 'insert', entry })
  }

  /** Queues the final state of a MobileFirst transaction onto its (pending) entry. */
  settleTransaction(update: TransactionSettled): void {
    this.enqueue({ kind: 'settle', update })
  }

  private enqueue(op: Op): void {
    if (this.closed) return
    if (this.queue.length >= MAX_QUEUE) {
      this.failed(1, new Error('audit write queue full'))
      return
    }
    this.queue.push(op)
    // While a locked file is being waited for, the retry timer writes this one too.
    if (!this.scheduled && this.retryTimer === undefined) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  private failed(count: number, error: unknown): void {
    this.failedWrites += count
    this.lastWriteOk = false
    this.lastError = error instanceof Error ? error.message : String(error)
    this.log?.error({ err: error, count }, 'audit trail: entries could not be written')
  }

  /** Writes everything queued, in one transaction. Called on its own; tests and shutdown call it too. */
  flush(): void {
    this.scheduled = false
    const ops = this.queue
    if (ops.length === 0 || this.closed) return
    this.queue = []
    try {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        for (const op of ops) this.write(op)
        this.db.exec('COMMIT')
      } catch (error) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK')
        throw error
      }
      this.lastWriteOk = true
      this.retryDelay = 0
    } catch (error) {
      if (isBusy(error) && !this.closing) {
        // Another connection holds the lock (a backup, a shell): keep the entries, in order,
        // and try again later rather than wait on the event loop or drop them.
        this.queue = ops.concat(this.queue)
        this.retryDelay = Math.min(
          this.retryDelay === 0 ? BUSY_RETRY_MS.first : this.retryDelay * 2,
          BUSY_RETRY_MS.max,
        )
        if (this.retryDelay === BUSY_RETRY_MS.max)
          this.log?.error(
            { err: error, queued: this.queue.length },
            'audit trail: the file stays locked',
          )
        clearTimeout(this.retryTimer)
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined
          this.flush()
        }, this.retryDelay)
        this.retryTimer.unref()
        return
      }
      this.failed(ops.length, error)
    }
  }

  private write(op: Op): void {
    if (op.kind === 'settle') {
      const u = op.update
      this.settle.run(u.outcome, u.transactionStatus, u.message, u.runtime, u.transactionId)
      return
    }
    const e = op.entry
    this.insert.run(
      e.time,
      e.operator,
      e.organization,
      e.environment,
      e.family,
      e.action,
      e.resourceKind,
      e.resourceId,
      e.resourceName,
      e.runtime,
      e.summary,
      e.outcome,
      e.status,
      e.message,
      e.transactionId,
      e.transactionStatus,
      e.details,
      e.durationMs,
      e.requestId,
      JSON.stringify(e.request),
    )
  }

  /** One page, newest first. `cursor` is the previous page's `nextCursor`; an unknown cursor throws. */
  list(
    filters: AuditFilters,
    cursor?: string,
    limit = AUDIT_PAGE_SIZE,
    scope?: AuditScope,
  ): AuditPage {
    const after = cursor ? decodeAuditCursor(cursor) : null
    if (cursor && !after) throw new RangeError('The cursor is not valid.')
    const where = whereClause(filters, after, scope)
    const rows = this.db
      .prepare(`SELECT * FROM audit ${where.sql} ORDER BY time DESC, id DESC LIMIT ?`)
      .all(...where.params, limit + 1)
    const items = rows.slice(0, limit).map(rowToEntry)
    const last = items[items.length - 1]
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeAuditCursor({ time: last.time, id: last.id }) : null,
    }
  }

  /**
   * Every matching entry, newest first, one row at a time, for tools that want entries
   * rather than CSV (the export uses `csvLines`). The request comes back as method and
   * path only (`json_extract`), without its headers and body.
   */
  *iterate(filters: AuditFilters, scope?: AuditScope): Generator<AuditEntry> {
    const where = whereClause(filters, null, scope)
    const statement = this.db.prepare(
      `SELECT id, time, operator, organization, environment, family, action, resource_kind,
         resource_id, resource_name, runtime, summary, outcome, status, message, transaction_id,
         transaction_status, details, duration_ms, request_id,
         json_extract(request, '$.method') AS request_method,
         json_extract(request, '$.path') AS request_path
       FROM audit ${where.sql} ORDER BY time DESC, id DESC`,
    )
    for (const row of statement.iterate(...where.params)) yield rowToEntry(row)
  }

  /** Every matching entry as a CSV line (CRLF), newest first, one at a time: the export. */
  *csvLines(filters: AuditFilters, scope?: AuditScope): Generator<string> {
    const where = whereClause(filters, null, scope)
    const statement = this.db.prepare(
      `SELECT ${CSV_LINE_SQL} AS line
       FROM audit ${where.sql} ORDER BY time DESC, id DESC`,
    )
    for (const row of statement.iterate(...where.params)) yield String(row.line)
  }

  /** The last entries of one resource, newest first. */
  forResource(
    kind: string,
    id: string,
    limit = AUDIT_RESOURCE_HISTORY,
    scope?: AuditScope,
  ): AuditEntry[] {
    const where = whereClause({}, null, scope)
    const condition = where.sql ? `${where.sql} AND` : 'WHERE'
    return this.db
      .prepare(
        `SELECT * FROM audit ${condition} resource_kind = ? AND resource_id = ?
         ORDER BY time DESC, id DESC LIMIT ?`,
      )
      .all(...where.params, kind, id, limit)
      .map(rowToEntry)
  }

  /** Deletes entries older than the retention period; returns how many. */
  applyRetention(): number {
    try {
      const result = this.db
        .prepare('DELETE FROM audit WHERE time < ?')
        .run(this.now() - this.retentionMs)
      return num(result.changes)
    } catch (error) {
      this.log?.error({ err: error }, 'audit trail: retention failed')
      return 0
    }
  }

  /** For `/readyz`: ok while the last write succeeded. */
  health(): AuditHealth {
    return {
      ok: this.lastWriteOk && !this.closed,
      failedWrites: this.failedWrites,
      queued: this.queue.length,
      lastError: this.lastError,
    }
  }

  /** Writes what is queued and closes the file (server shutdown). */
  close(): void {
    if (this.closed) return
    clearInterval(this.timer)
    clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    this.closing = true
    // A store whose file went away (or was closed under it) must not fail the shutdown:
    // what cannot be written is counted and logged like any failed write.
    if (this.db.isOpen) {
      // The last write may wait for a lock: nothing else is served any more.
      try {
        this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
      } catch {
        // counted by the flush below
      }
      this.flush()
    } else if (this.queue.length > 0)
      this.failed(this.queue.splice(0).length, new Error('database is not open'))
    this.closed = true
    try {
      if (this.db.isOpen) this.db.close()
    } catch (error) {
      this.log?.error({ err: error }, 'audit trail: closing the database failed')
    }
  }
}

/** Opens the store from the environment: `AUDIT_DB`, `AUDIT_RETENTION_DAYS`. */
export function openAuditStore(
  env: Readonly<Record<string, string | undefined>> = process.env,
  log?: AuditStoreOptions['log'],
): AuditStore {
  const days = Number(env.AUDIT_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS)
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(
      `AUDIT_RETENTION_DAYS must be a positive number of days, not ${env.AUDIT_RETENTION_DAYS}`,
    )
  return new AuditStore({ file: env.AUDIT_DB || DEFAULT_AUDIT_DB, retentionDays: days, log })
}
