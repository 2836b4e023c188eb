import type { ClientApp, ClientAppSummary } from '../../api/app-store/client-app-schemas.ts'
import type { FleetSize } from '../model.ts'
import type { DemoClock } from '../clock.ts'
import type { DemoStorage } from '../storage.ts'
import type { StoreAppRow } from './model.ts'
import { generateStoreSeed } from './seed.ts'

const STATE_VERSION = 1
/** How long the simulated approver takes to approve an application on hold. */
export const APPROVAL_MS = 6_000

/** Where one fleet's store state lives, beside the Runtime Manager state of that fleet. */
export function storeStateKey(fleet: FleetSize): string {
  return `runtime-console-demo:v${STATE_VERSION}:${fleet}:store`
}

interface PersistedStore {
  version: number
  anchor: number
  /** Applications added or edited since the seed. */
  upserts: StoreAppRow[]
  /** Ids of seeded or added applications deleted since. */
  deletes: string[]
}

function parseState(raw: string | null): PersistedStore | null {
  if (!raw) return null
  try {
    const value: PersistedStore = JSON.parse(raw)
    return value.version === STATE_VERSION && Array.isArray(value.upserts) ? value : null
  } catch {
    return null
  }
}

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
  readonly storageKey: string
  private readonly storage: DemoStorage
  private readonly clock: DemoClock
  private anchor = 0
  private seedAnchor = -1
  private seed: readonly StoreAppRow[] = []
  private rows = new Map<string, StoreAppRow>()
  private touched = new Set<string>()
  private sorted: StoreAppRow[] | null = null
  /** The storage text this instance last read or wrote. */
  private lastRaw: string | null = null

  constructor(options: AppStoreOptions) {
    this.fleet = options.fleet
    this.storage = options.storage
    this.clock = options.clock
    this.storageKey = storeStateKey(options.fleet)
    this.load(this.storage.get(this.storageKey))
  }

  now(): number {
    return this.clock.now()
  }

  /** Picks up changes another tab (another instance over the same storage) wrote. */
  sync(): void {
    const raw = this.storage.get(this.storageKey)
    if (raw !== this.lastRaw) this.load(raw)
  }

  private load(raw: string | null): void {
    const saved = parseState(raw)
    this.anchor = saved?.anchor ?? this.clock.now()
    if (this.seedAnchor !== this.anchor) {
      this.seed = generateStoreSeed(this.fleet, this.anchor)
      this.seedAnchor = this.anchor
    }
    this.rows = new Map(this.seed.map((row) => [row.applicationId, row]))
    this.touched = new Set()
    for (const row of saved?.upserts ?? []) {
      this.rows.set(row.applicationId, row)
      this.touched.add(row.applicationId)
    }
    for (const id of saved?.deletes ?? []) {
      this.rows.delete(id)
      this.touched.add(id)
    }
    this.sorted = null
    if (saved) this.lastRaw = raw
    else this.persist()
  }

  private persist(): void {
    const upserts: StoreAppRow[] = []
    const deletes: string[] = []
    for (const id of this.touched) {
      const row = this.rows.get(id)
      if (row) upserts.push(row)
      else deletes.push(id)
    }
    const state: PersistedStore = { version: STATE_VERSION, anchor: this.anchor, upserts, deletes }
    const raw = JSON.stringify(state)
    this.storage.set(this.storageKey, raw)
    this.lastRaw = raw
  }

  private changed(id: string): void {
    this.touched.add(id)
    this.sorted = null
    this.persist()
  }

  /** Applies the approvals that are due (lifecycle clock). */
  tick(): void {
    const now = this.clock.now()
    for (const row of this.rows.values()) {
      if (row.approveAt !== undefined && row.approveAt <= now) {
        const { approveAt: _done, ...rest } = row
        this.rows.set(row.applicationId, { ...rest, status: 'APPROVED', updatedTime: now })
        this.changed(row.applicationId)
      }
    }
  }

  /** Every application, by name (case-insensitive), then id. */
  all(): readonly StoreAppRow[] {
    this.sorted ??= [...this.rows.values()].sort(
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
    for (const row of this.rows.values()) if (row.name.toLowerCase() === wanted) return row
    return undefined
  }

  insert(row: StoreAppRow): StoreAppRow {
    this.rows.set(row.applicationId, row)
    this.changed(row.applicationId)
    return row
  }

  update(
    applicationId: string,
    change: (row: StoreAppRow) => StoreAppRow,
  ): StoreAppRow | undefined {
    const row = this.rows.get(applicationId)
    if (!row) return undefined
    const next = change(row)
    this.rows.set(applicationId, next)
    this.changed(applicationId)
    return next
  }

  delete(applicationId: string): boolean {
    const existed = this.rows.delete(applicationId)
    if (existed) this.changed(applicationId)
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
