import * as z from 'zod/mini'
import type { TransactionSettled } from '../api/console/audit-change.ts'
import {
  AUDIT_PAGE_SIZE,
  AUDIT_RESOURCE_HISTORY,
  AuditEntrySchema,
  decodeAuditCursor,
  encodeAuditCursor,
  type AuditEntry,
  type AuditFilters,
  type AuditPage,
  type NewAuditEntry,
} from '../api/console/audit-schemas.ts'
import type { FleetSize } from './model.ts'
import type { DemoStorage } from './storage.ts'

/** The demo keeps the newest entries only: a demo trail, not an archive. */
const MAX_ENTRIES = 2_000

export const auditStateKey = (fleet: FleetSize) => `runtime-console-demo:v1:${fleet}:audit`

const SavedSchema = z.object({ nextId: z.number(), entries: z.array(AuditEntrySchema) })

/**
 * The demo backend's audit trail: the same entries and queries as the server's SQLite store
 * (ADR 015), in memory and persisted beside the rest of the demo's state.
 */
export class DemoAuditLog {
  private entries: AuditEntry[] = [] // oldest first
  private nextId = 1
  private lastRaw: string | null = null
  private readonly storage: DemoStorage
  private readonly key: string

  constructor(options: { fleet: FleetSize; storage: DemoStorage }) {
    this.storage = options.storage
    this.key = auditStateKey(options.fleet)
    this.sync()
  }

  /** Picks up what another tab wrote. */
  private sync(): void {
    const raw = this.storage.get(this.key)
    if (raw === this.lastRaw) return
    this.lastRaw = raw
    if (!raw) return
    try {
      const saved = z.safeParse(SavedSchema, JSON.parse(raw))
      if (saved.success) {
        this.entries = saved.data.entries
        this.nextId = saved.data.nextId
      }
    } catch {
      // A damaged entry starts an empty trail.
    }
  }

  private persist(): void {
    const raw = JSON.stringify({ nextId: this.nextId, entries: this.entries })
    this.storage.set(this.key, raw)
    this.lastRaw = raw
  }

  record(entry: NewAuditEntry): void {
    this.sync()
    this.entries.push({ id: this.nextId++, ...entry })
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
    this.persist()
  }

  settleTransaction(update: TransactionSettled): void {
    this.sync()
    let changed = false
    for (const entry of this.entries) {
      if (
        entry.runtime === update.runtime &&
        entry.transactionId === update.transactionId &&
        entry.outcome === 'pending'
      ) {
        entry.outcome = update.outcome
        entry.transactionStatus = update.transactionStatus
        entry.message = update.message ?? entry.message
        changed = true
      }
    }
    if (changed) this.persist()
  }

  /** Newest first, as the server orders: time, then id. */
  private newestFirst(filters: AuditFilters): AuditEntry[] {
    this.sync()
    const q = filters.q?.toLowerCase()
    return this.entries
      .filter(
        (e) =>
          (!filters.operator || e.operator === filters.operator) &&
          (!filters.family || e.family === filters.family) &&
          (!filters.action || e.action === filters.action) &&
          (!filters.outcome || e.outcome === filters.outcome) &&
          (filters.from === undefined || e.time >= filters.from) &&
          (filters.to === undefined || e.time <= filters.to) &&
          (!q ||
            (e.resourceName ?? '').toLowerCase().includes(q) ||
            e.summary.toLowerCase().includes(q)),
      )
      .sort((a, b) => b.time - a.time || b.id - a.id)
  }

  /** One page after `cursor`; throws RangeError for a cursor that is not one of ours. */
  list(filters: AuditFilters, cursor?: string, limit = AUDIT_PAGE_SIZE): AuditPage {
    const after = cursor ? decodeAuditCursor(cursor) : null
    if (cursor && !after) throw new RangeError('The cursor is not valid.')
    const rest = this.newestFirst(filters).filter(
      (e) => !after || e.time < after.time || (e.time === after.time && e.id < after.id),
    )
    const items = rest.slice(0, limit)
    const last = items[items.length - 1]
    return {
      items,
      nextCursor:
        rest.length > limit && last ? encodeAuditCursor({ time: last.time, id: last.id }) : null,
    }
  }

  all(filters: AuditFilters): AuditEntry[] {
    return this.newestFirst(filters)
  }

  forResource(kind: string, id: string): AuditEntry[] {
    this.sync()
    return this.entries
      .filter((e) => e.resourceKind === kind && e.resourceId === id)
      .sort((a, b) => b.time - a.time || b.id - a.id)
      .slice(0, AUDIT_RESOURCE_HISTORY)
  }

  forget(): void {
    this.storage.remove(this.key)
    this.entries = []
    this.nextId = 1
    this.lastRaw = null
  }
}
