import type { ClientApp, ClientAppSummary } from '../../api/app-store/client-app-schemas.ts'
import type { FleetSize } from '../model.ts'
import type { DemoClock } from '../clock.ts'
import { Collection, type CollectionChanges } from '../collection.ts'
import * as z from 'zod/mini'
import { changesSchema, StateSlot } from '../persistence.ts'
import type { DemoStorage } from '../storage.ts'
import type { StoreAppRow } from './model.ts'
import { generateStoreSeed } from './seed.ts'

/** How long the simulated approver takes to approve an application on hold. */
export const APPROVAL_MS = 6_000

/** The store's part of a fleet's state: its one collection's changes, flat. */
type StoreState = CollectionChanges<StoreAppRow, string>

export interface AppStoreOptions {
  fleet: FleetSize
  storage: DemoStorage
  /** The backend's one clock, shared with the other stores. */
  clock: DemoClock
}

/** FNV-1a over a string with a given offset basis: 8 hex digits. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * The demo API Store: seeded client applications plus a persisted overlay of what was
 * changed. Unlike the Runtime Manager state (debounced), every change is written at once
 * and every request first re-reads the storage when it changed, so several tabs of one
 * browser share one store the way they would share a real server (ADR 009).
 */
export class AppStore {
  readonly fleet: FleetSize
  private readonly slot: StateSlot<StoreState>
  private readonly clock: DemoClock
  private anchor = 0
  private seedAnchor = -1
  private seed: readonly StoreAppRow[] = []
  /** Built on first use: a demo that never opens the App Store does not pay for its seed. */
  private loadedRows: Collection<StoreAppRow, string> | null = null
  private sorted: StoreAppRow[] | null = null

  constructor(options: AppStoreOptions) {
    this.fleet = options.fleet
    this.slot = new StateSlot(
      options.storage,
      options.fleet,
      'store',
      changesSchema<StoreAppRow, string>(z.string()),
    )
    this.clock = options.clock
  }

  /**
   * The applications, read (or seeded) when first asked for rather than when the demo
   * starts: the seed cost about 45 ms of every demo boot, the Applications page's cold
   * load included (issue 17), and most pages never ask the App Store anything.
   */
  private get rows(): Collection<StoreAppRow, string> {
    this.loadedRows ??= this.load()
    return this.loadedRows
  }

  now(): number {
    return this.clock.now()
  }

  /** Picks up changes another tab (another instance over the same storage) wrote. */
  sync(): void {
    // Not read yet: the first use reads what the other tabs left.
    if (this.loadedRows !== null && this.slot.changedElsewhere()) this.loadedRows = this.load()
  }

  private load(): Collection<StoreAppRow, string> {
    const saved = this.slot.read()
    this.anchor = saved?.anchor ?? this.clock.now()
    if (this.seedAnchor !== this.anchor) {
      this.seed = generateStoreSeed(this.fleet, this.anchor)
      this.seedAnchor = this.anchor
    }
    const rows = new Collection(
      (row: StoreAppRow) => row.applicationId,
      this.seed,
      saved ?? undefined,
    )
    this.sorted = null
    if (!saved) this.persist(rows)
    return rows
  }

  private persist(rows = this.rows): void {
    this.slot.write(this.anchor, rows.changes())
  }

  /** Forgets every change (the backend's reset). */
  forget(): void {
    this.slot.forget()
  }

  private changed(): void {
    this.sorted = null
    this.persist()
  }

  /** Applies the approvals that are due (lifecycle clock). */
  tick(): void {
    const now = this.clock.now()
    for (const row of this.rows.all()) {
      if (row.approveAt !== undefined && row.approveAt <= now) {
        this.rows.update(row.applicationId, ({ approveAt: _done, ...rest }) => ({
          ...rest,
          status: 'APPROVED',
          updatedTime: now,
        }))
        this.changed()
      }
    }
  }

  /** Every application, by name (case-insensitive), then id. */
  all(): readonly StoreAppRow[] {
    this.sorted ??= [...this.rows.all()].sort(
      (a, b) => collator.compare(a.name, b.name) || (a.applicationId < b.applicationId ? -1 : 1),
    )
    return this.sorted
  }

  get(applicationId: string): StoreAppRow | undefined {
    return this.rows.get(applicationId)
  }

  /** The application with this name, compared case-insensitively (names are unique so). */
  findByName(name: string): StoreAppRow | undefined {
    const wanted = name.toLowerCase()
    for (const row of this.rows.all()) if (row.name.toLowerCase() === wanted) return row
    return undefined
  }

  insert(row: StoreAppRow): StoreAppRow {
    this.rows.insert(row)
    this.changed()
    return row
  }

  update(
    applicationId: string,
    change: (row: StoreAppRow) => StoreAppRow,
  ): StoreAppRow | undefined {
    const next = this.rows.update(applicationId, change)
    if (next) this.changed()
    return next
  }

  delete(applicationId: string): boolean {
    const existed = this.rows.delete(applicationId)
    if (existed) this.changed()
    return existed
  }

  /** An application as `GET /applications` lists it. */
  summaryView(row: StoreAppRow): ClientAppSummary {
    return {
      applicationId: row.applicationId,
      name: row.name,
      subscriber: row.subscriber,
      throttlingTier: row.throttlingTier,
      description: row.description,
      status: row.status,
      groupId: row.groupId,
    }
  }

  /** An application as `GET /applications/{id}` answers it: keys without any secret. */
  view(row: StoreAppRow): ClientApp {
    return {
      ...this.summaryView(row),
      callbackUrl: row.callbackUrl,
      keys: row.keys.map((key) => ({
        consumerKey: key.consumerKey,
        keyState: key.keyState,
        keyType: key.keyType,
        supportedGrantTypes: key.supportedGrantTypes,
        token: { validityTime: key.validityTime, tokenScopes: key.tokenScopes },
      })),
    }
  }

  /**
   * A strong ETag: a hash of the representation and its modification time, so any change
   * (fields, status, keys) gives a new one, and two reads of the same state the same one.
   */
  etag(row: StoreAppRow): string {
    const text = `${JSON.stringify(this.view(row))}@${row.updatedTime}`
    return `"${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}"`
  }

  lastModified(row: StoreAppRow): string {
    return new Date(row.updatedTime).toUTCString()
  }
}
