import type { Device, Transaction } from '../../api/device-admin/device-schemas.ts'
import type { FleetSize } from '../model.ts'
import type { DemoClock } from '../clock.ts'
import { Collection, type CollectionChanges } from '../collection.ts'
import * as z from 'zod/mini'
import { changesSchema, savedRow, StateSlot } from '../persistence.ts'
import type { DemoStorage } from '../storage.ts'
import {
  deviceOrderFacts,
  deviceSearchTexts,
  PLATFORM_NAMES,
  RUNTIME_PLANS,
  runtimePlan,
  seedAssociations,
  seedDevice,
  type AppStatus,
  type DeviceOrderFacts,
  type RuntimePlan,
  type SeedAssociation,
  type SeedDevice,
} from './device-seed.ts'
import { orderDevices, rankValues } from './device-order.ts'
import { message, type MessageCode, type MessageParams } from './messages.ts'

/**
 * The device administration demo's state: the generated devices of each runtime, the
 * changes operators made to them, and their transactions, which move through
 * PENDING → PREPARING → COMMITTING (or REJECTING) → SUCCESS (or FAILURE) on the demo's
 * clock. Only the changes and the transactions are persisted, under their own key.
 */

/** Each step of an asynchronous transaction takes this long (PENDING, PREPARING …). */
export const TX_STEP_MS = 1_000
/** An asynchronous transaction ends this long after it was created. */
export const TX_DURATION_MS = 3_500
/** Finished transactions kept per runtime (the oldest go first). */
const MAX_TRANSACTIONS = 500
const HOUR = 3_600_000

export type TxType = 'CHANGE_DEVICE_APPLICATION_STATUS' | 'CHANGE_DEVICE_STATUS' | 'REMOVE_DEVICE'

interface LocalizedReason {
  code: MessageCode
  params: MessageParams
}

/** A transaction as the demo stores it; its status at any moment is derived from its times. */
export interface TxRecord {
  id: number
  type: TxType
  userName: string
  createdAt: number
  /** When it reaches SUCCESS or FAILURE (its creation time for a synchronous change). */
  endAt: number
  deviceId: string
  appName?: string
  /** The status it sets (application or device). */
  status?: string
  outcome: 'success' | 'failure'
  failure?: LocalizedReason
  canceled?: LocalizedReason & { at: number }
  /** Its effect has been applied (or it was canceled). */
  settled: boolean
}

/** What an operator changed on one generated device: the only device data persisted. */
interface DeviceChange {
  deviceId: string
  status?: string
  apps?: Record<string, AppStatus>
  removed?: boolean
}

interface PersistedRuntime {
  nextTxId: number
  devices: CollectionChanges<DeviceChange, string>
  transactions: TxRecord[]
}

/** The device administration part of a fleet's state (besides version and anchor). */
interface DeviceState {
  runtimes: Record<string, PersistedRuntime>
}

/**
 * Device changes were once saved as a record by device id; such a state (or any other
 * shape) is not read, and the runtimes start from their seed.
 */
const DeviceStateSchema: z.ZodMiniType<DeviceState> = z.object({
  runtimes: z.record(
    z.string(),
    z.object({
      nextTxId: z.number(),
      devices: changesSchema<DeviceChange, string>(z.string()),
      transactions: z.array(savedRow<TxRecord>()),
    }),
  ),
})

export type DeviceOrderKey =
  'uid' | 'friendlyName' | 'deviceModel' | 'deviceEnvironment' | 'status' | 'lastAccessed'

export type TxOrderKey = 'created' | 'updated' | 'type' | 'status' | 'user' | 'server'

/** A transaction's status and the time it took it, at `now`. */
export function txStatusAt(tx: TxRecord, now: number): { status: string; updatedAt: number } {
  if (tx.canceled && now >= tx.canceled.at) return { status: 'CANCELED', updatedAt: tx.canceled.at }
  if (now >= tx.endAt)
    return { status: tx.outcome === 'success' ? 'SUCCESS' : 'FAILURE', updatedAt: tx.endAt }
  const elapsed = now - tx.createdAt
  if (elapsed < TX_STEP_MS) return { status: 'PENDING', updatedAt: tx.createdAt }
  if (elapsed < 2 * TX_STEP_MS) return { status: 'PREPARING', updatedAt: tx.createdAt + TX_STEP_MS }
  return {
    status: tx.outcome === 'success' ? 'COMMITTING' : 'REJECTING',
    updatedAt: tx.createdAt + 2 * TX_STEP_MS,
  }
}

export interface ChangeRequest {
  userName: string
  deviceId: string
  async: boolean
}

/**
 * One runtime's devices and transactions. Built on first use, cheaply: a device is
 * generated when it is first shown (and kept), and a list's order is computed from what
 * it needs (the first page by name needs every id's first digits and every name, drawn
 * in one pass, not 50,000 devices; ADR 027).
 */
export class RuntimeDevices {
  readonly plan: RuntimePlan
  private readonly fleet: FleetSize
  private readonly anchor: number
  private readonly count: number
  /** Devices generated so far, by index. */
  private readonly seeds: Array<SeedDevice | undefined>
  private generated = 0
  private facts: DeviceOrderFacts | null = null
  /**
   * Lowercased "name\nuser\nuser" per device, for the case-insensitive search; built by
   * the first search.
   */
  private haystacks: string[] | null = null
  /** Indices of removed devices, as of `version`. */
  private removedCache: { version: number; removed: ReadonlySet<number> } | null = null
  private readonly changes: Collection<DeviceChange, string>
  readonly transactions: TxRecord[]
  private nextTxId: number
  /** Bumped when a status or removal changes, to drop sorted and searched lists. */
  private version = 0
  private readonly sorted = new Map<DeviceOrderKey, { version: number; order: Int32Array }>()
  private uidCache: Int32Array | null = null
  private readonly searches: Array<{ key: string; result: Int32Array }> = []
  private readonly store: DeviceStore

  constructor(
    store: DeviceStore,
    plan: RuntimePlan,
    fleet: FleetSize,
    anchor: number,
    saved?: PersistedRuntime,
  ) {
    this.store = store
    this.plan = plan
    this.fleet = fleet
    this.anchor = anchor
    this.count = plan.devices[fleet]
    this.seeds = new Array(this.count)
    this.changes = new Collection((c: DeviceChange) => c.deviceId, [], saved?.devices)
    if (saved) {
      this.transactions = saved.transactions
      this.nextTxId = saved.nextTxId
    } else {
      this.transactions = this.seedTransactions(anchor)
      this.nextTxId = this.transactions.length + 1
    }
  }

  get size(): number {
    return this.count
  }

  /**
   * How many devices have been generated so far: the first page by name or id builds
   * only the devices it shows, whatever the fleet's size.
   */
  get generatedCount(): number {
    return this.generated
  }

  toPersisted(): PersistedRuntime {
    return {
      nextTxId: this.nextTxId,
      devices: this.changes.changes(),
      transactions: this.transactions,
    }
  }

  /** The index of a device that exists (not removed), by id. */
  indexOf(deviceId: string): number | undefined {
    const index = this.lookup(deviceId)
    if (index === undefined || this.changes.get(deviceId)?.removed) return undefined
    return index
  }

  /**
   * The index of the device with this id, removed or not. No map of 50,000 ids: the
   * id's first 8 digits are found in the id order by bisection, then compared whole.
   */
  private lookup(deviceId: string): number | undefined {
    if (!/^[0-9a-f]{8}-/.test(deviceId)) return undefined
    const head = parseInt(deviceId.slice(0, 8), 16)
    const { idHead } = this.orderFacts()
    const order = this.uidOrder()
    const headAt = (p: number) => idHead[order[p] ?? 0] ?? 0
    let low = 0
    let high = order.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (headAt(mid) < head) low = mid + 1
      else high = mid
    }
    for (let p = low; p < order.length && headAt(p) === head; p++) {
      const index = order[p] ?? 0
      if (this.seedAt(index).id === deviceId) return index
    }
    return undefined
  }

  /** Device `index`, generated on first use and kept. */
  private seedAt(index: number): SeedDevice {
    const kept = this.seeds[index]
    if (kept) return kept
    if (!Number.isInteger(index) || index < 0 || index >= this.count)
      throw new Error(`No device ${index} in runtime ${this.plan.name}`)
    const seed = seedDevice(this.plan, this.fleet, index, this.anchor)
    this.seeds[index] = seed
    this.generated++
    return seed
  }

  /** Every device, generated: for the orders that read every device. */
  private allSeeds(): SeedDevice[] {
    return Array.from({ length: this.count }, (_, i) => this.seedAt(i))
  }

  private orderFacts(): DeviceOrderFacts {
    this.facts ??= deviceOrderFacts(this.plan, this.fleet)
    return this.facts
  }

  /** Indices of the removed devices: the changes are few, the devices many. */
  private removedIndices(): ReadonlySet<number> {
    if (this.removedCache?.version === this.version) return this.removedCache.removed
    const removed = new Set<number>()
    for (const change of this.changes.all()) {
      const index = change.removed ? this.lookup(change.deviceId) : undefined
      if (index !== undefined) removed.add(index)
    }
    this.removedCache = { version: this.version, removed }
    return removed
  }

  statusOf(index: number): string {
    const seed = this.seedAt(index)
    return this.changes.get(seed.id)?.status ?? seed.status
  }

  associationsOf(index: number): Array<SeedAssociation & { current: AppStatus }> {
    const seed = this.seedAt(index)
    const apps = this.changes.get(seed.id)?.apps
    return seedAssociations(this.plan, seed).map((a) => ({
      ...a,
      current: apps?.[a.appName] ?? a.status,
    }))
  }

  /** A device as `GET .../devices` shows it. */
  view(index: number): Device {
    const seed = this.seedAt(index)
    const status = this.statusOf(index)
    return {
      id: seed.id,
      deviceDisplayName: seed.name,
      deviceModel: seed.model,
      deviceOs: seed.os,
      lastAccessed: new Date(seed.lastAccessed).toISOString(),
      status,
      userIds: seed.users.map((str) => ({ str })),
      applicationDeviceAssociations: this.associationsOf(index).map((a) => ({
        appId: a.appId,
        appName: a.appName,
        deviceId: seed.id,
        deviceStatus: status,
        status: a.current,
      })),
    }
  }

  /** Device indices in `uid` order, from the ids' first digits (no device built for it). */
  private uidOrder(): Int32Array {
    this.uidCache ??= orderDevices(this.orderFacts().idHead, this.idAt)
    return this.uidCache
  }

  /** Each device's rank in the order `key` (ties share a rank), and how many ranks. */
  private ranksBy(key: Exclude<DeviceOrderKey, 'uid'>): { rank: ArrayLike<number>; ranks: number } {
    if (key === 'friendlyName') {
      // Ranked per distinct name (about 1,600), not per device.
      const { nameOf, names } = this.orderFacts()
      const byName = rankValues(names.map((name) => name.toLowerCase()))
      return { rank: nameOf.map((k) => byName.rank[k] ?? 0), ranks: byName.ranks }
    }
    const seeds = this.allSeeds()
    return rankValues(
      seeds.map((d, i) => {
        if (key === 'deviceModel') return d.model.toLowerCase()
        if (key === 'deviceEnvironment') return d.os.toLowerCase()
        if (key === 'lastAccessed') return d.lastAccessed
        return this.statusOf(i)
      }),
    )
  }

  private readonly idAt = (index: number) => this.seedAt(index).id

  private sortedBy(key: DeviceOrderKey): Int32Array {
    if (key === 'uid') return this.uidOrder()
    const cached = this.sorted.get(key)
    // Only the status order depends on what operators change.
    if (cached && (key !== 'status' || cached.version === this.version)) return cached.order
    // Grouped by the value, ids in order within a group: the id order is not needed.
    const order = orderDevices(this.orderFacts().idHead, this.idAt, this.ranksBy(key))
    this.sorted.set(key, { version: this.version, order })
    return order
  }

  private haystackOf(index: number): string {
    this.haystacks ??= deviceSearchTexts(this.plan, this.fleet, this.orderFacts())
    return this.haystacks[index] ?? ''
  }

  /**
   * The devices matching `query` (case-insensitive, in the name or a user id) in the
   * given order. The last few answers are kept, so paging through one search is cheap.
   */
  search(orderBy: DeviceOrderKey, descending: boolean, query: string): Int32Array {
    const q = query.trim().toLowerCase()
    const key = `${orderBy}\n${descending}\n${q}\n${this.version}`
    const hit = this.searches.find((s) => s.key === key)
    if (hit) return hit.result
    const order = this.sortedBy(orderBy)
    const removed = this.removedIndices()
    let result: Int32Array
    if (!q && removed.size === 0) {
      // Every device: the order itself (the default first page costs no filtering).
      result = descending ? order.slice().reverse() : order
    } else {
      const out: number[] = []
      for (let k = 0; k < order.length; k++) {
        const i = order[descending ? order.length - 1 - k : k] ?? 0
        if (q && !this.haystackOf(i).includes(q)) continue
        if (removed.has(i)) continue
        out.push(i)
      }
      result = Int32Array.from(out)
    }
    this.searches.unshift({ key, result })
    this.searches.length = Math.min(this.searches.length, 4)
    return result
  }

  private change(deviceId: string, update: (c: DeviceChange) => DeviceChange): void {
    this.changes.insert({ ...update(this.changes.get(deviceId) ?? { deviceId }), deviceId })
  }

  private record(
    type: TxType,
    request: ChangeRequest,
    fields: Pick<TxRecord, 'appName' | 'status' | 'outcome' | 'failure'>,
  ): TxRecord {
    const now = this.store.now()
    const tx: TxRecord = {
      id: this.nextTxId++,
      type,
      userName: request.userName,
      createdAt: now,
      endAt: request.async ? now + TX_DURATION_MS : now,
      deviceId: request.deviceId,
      settled: false,
      ...fields,
    }
    this.transactions.push(tx)
    if (!request.async) this.settle(tx)
    this.trim()
    this.store.changed()
    return tx
  }

  /**
   * Open transactions on the same target give way to a new one: those not yet
   * committing are canceled; those committing or rejecting finish now, so the newest
   * change is always the last applied.
   */
  private supersede(matches: (tx: TxRecord) => boolean, newId: number, removal: boolean): void {
    const now = this.store.now()
    for (const tx of this.transactions) {
      if (tx.settled || !matches(tx)) continue
      const { status } = txStatusAt(tx, now)
      if (removal || status === 'PENDING' || status === 'PREPARING') {
        tx.canceled = removal
          ? { at: now, code: 'DEVICE_REMOVED', params: { deviceId: tx.deviceId, id: newId } }
          : { at: now, code: 'SUPERSEDED', params: { id: newId } }
        tx.settled = true
      } else {
        tx.endAt = now
        this.settle(tx)
      }
    }
  }

  /** `PUT .../devices/{id}/applications/{appName}`. The caller checked the device and app. */
  changeApplicationStatus(
    request: ChangeRequest,
    appName: string,
    status: AppStatus,
    association: SeedAssociation,
  ): TxRecord {
    this.supersede(
      (tx) =>
        tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' &&
        tx.deviceId === request.deviceId &&
        tx.appName === appName,
      this.nextTxId,
      false,
    )
    const failure: LocalizedReason | undefined = association.retired
      ? {
          code: 'RETIRED_VERSION',
          params: {
            appName,
            version: association.version,
            platform: PLATFORM_NAMES[association.platform],
            runtime: this.plan.name,
            deviceId: request.deviceId,
          },
        }
      : undefined
    return this.record('CHANGE_DEVICE_APPLICATION_STATUS', request, {
      appName,
      status,
      outcome: failure ? 'failure' : 'success',
      failure,
    })
  }

  /** `PUT .../devices/{id}` `{ status }`. */
  changeDeviceStatus(request: ChangeRequest, status: string): TxRecord {
    this.supersede(
      (tx) => tx.type === 'CHANGE_DEVICE_STATUS' && tx.deviceId === request.deviceId,
      this.nextTxId,
      false,
    )
    return this.record('CHANGE_DEVICE_STATUS', request, { status, outcome: 'success' })
  }

  /** `DELETE .../devices/{id}`: open changes of the device are canceled. */
  removeDevice(request: ChangeRequest): TxRecord {
    this.supersede((tx) => tx.deviceId === request.deviceId, this.nextTxId, true)
    return this.record('REMOVE_DEVICE', request, { outcome: 'success' })
  }

  /** Applies a finished transaction's effect (once). */
  private settle(tx: TxRecord): void {
    if (tx.settled) return
    tx.settled = true
    if (tx.canceled || tx.outcome !== 'success') return
    const exists = this.indexOf(tx.deviceId) !== undefined
    if (!exists) {
      tx.outcome = 'failure'
      tx.failure = {
        code: 'DEVICE_NOT_FOUND',
        params: { deviceId: tx.deviceId, runtime: this.plan.name },
      }
      return
    }
    if (tx.type === 'CHANGE_DEVICE_APPLICATION_STATUS' && tx.appName && tx.status) {
      const appName = tx.appName
      const status: AppStatus = tx.status === 'DISABLED' ? 'DISABLED' : 'ENABLED'
      this.change(tx.deviceId, (c) => ({ ...c, apps: { ...c.apps, [appName]: status } }))
    } else if (tx.type === 'CHANGE_DEVICE_STATUS' && tx.status) {
      const status = tx.status
      this.change(tx.deviceId, (c) => ({ ...c, status }))
      this.version++
    } else if (tx.type === 'REMOVE_DEVICE') {
      this.change(tx.deviceId, (c) => ({ ...c, removed: true }))
      this.version++
    }
  }

  /** Settles the transactions that are due at `now`, oldest end first. True when any did. */
  tick(now: number): boolean {
    const due = this.transactions
      .filter((tx) => !tx.settled && tx.endAt <= now)
      .sort((a, b) => a.endAt - b.endAt || a.id - b.id)
    for (const tx of due) this.settle(tx)
    return due.length > 0
  }

  transaction(id: number): TxRecord | undefined {
    return this.transactions.find((tx) => tx.id === id)
  }

  /** A transaction as the API shows it, its messages in the request's language. */
  transactionView(tx: TxRecord, locale: string | null): Transaction {
    const { status, updatedAt } = txStatusAt(tx, this.store.now())
    const reason = status === 'CANCELED' ? tx.canceled : status === 'FAILURE' ? tx.failure : null
    return {
      id: tx.id,
      type: tx.type,
      status,
      userName: tx.userName,
      appServerId: this.plan.appServerId,
      timeCreated: new Date(tx.createdAt).toISOString(),
      timeUpdated: new Date(updatedAt).toISOString(),
      description: {
        deviceId: tx.deviceId,
        ...(tx.appName ? { appName: tx.appName } : {}),
        ...(tx.status ? { status: tx.status } : {}),
      },
      errors: reason ? [{ details: message(reason.code, reason.params, locale) }] : [],
      project: { name: this.plan.name },
    }
  }

  /** Transactions in the asked order; `errorsOnly` keeps those that carry errors. */
  listTransactions(orderBy: TxOrderKey, descending: boolean, errorsOnly: boolean): TxRecord[] {
    const now = this.store.now()
    const rows = this.transactions.map((tx) => ({ tx, ...txStatusAt(tx, now) }))
    const kept = errorsOnly
      ? rows.filter((r) => r.status === 'FAILURE' || r.status === 'CANCELED')
      : rows
    const value = (r: (typeof rows)[number]): string | number => {
      switch (orderBy) {
        case 'updated':
          return r.updatedAt
        case 'type':
          return r.tx.type
        case 'status':
          return r.status
        case 'user':
          return r.tx.userName
        case 'server':
          return this.plan.appServerId
        default:
          return r.tx.createdAt
      }
    }
    kept.sort((a, b) => {
      const x = value(a)
      const y = value(b)
      const primary = x < y ? -1 : x > y ? 1 : 0
      return primary || a.tx.id - b.tx.id
    })
    if (descending) kept.reverse()
    return kept.map((r) => r.tx)
  }

  private trim(): void {
    let excess = this.transactions.length - MAX_TRANSACTIONS
    for (let i = 0; excess > 0 && i < this.transactions.length;) {
      if (this.transactions[i]?.settled) {
        this.transactions.splice(i, 1)
        excess--
      } else i++
    }
  }

  /**
   * A short, believable history that agrees with the seed: Lena's Pixel marked lost,
   * Max's wallet disabled, a retired version that could not be changed, a superseded
   * change and a device removed long ago.
   */
  private seedTransactions(anchor: number): TxRecord[] {
    const out: TxRecord[] = []
    // Added oldest first, so ids follow creation order as they would on a server.
    const add = (
      type: TxType,
      hoursAgo: number,
      userName: string,
      deviceId: string,
      fields: Partial<TxRecord> = {},
    ) => {
      const createdAt = Math.round(anchor - hoursAgo * HOUR)
      out.push({
        id: out.length + 1,
        type,
        userName,
        createdAt,
        endAt: createdAt + TX_DURATION_MS,
        deviceId,
        outcome: 'success',
        settled: true,
        ...fields,
      })
    }
    const pinned = this.plan.pinned
    const idAt = (i: number) => (i < this.count ? this.seedAt(i).id : '')
    const lost = pinned.findIndex((p) => p.status === 'LOST')
    if (lost >= 0)
      add('CHANGE_DEVICE_STATUS', 11 * 24, 'otto.neumann', idAt(lost), { status: 'LOST' })
    add('REMOVE_DEVICE', 5 * 24, 'ada.lovelace', `removed-${this.plan.name}-0001`)
    const withDisabled = pinned.findIndex((p) => p.apps.some((a) => a.status === 'DISABLED'))
    const disabledApp = pinned[withDisabled]?.apps.find((a) => a.status === 'DISABLED')
    if (disabledApp)
      add('CHANGE_DEVICE_APPLICATION_STATUS', 2 * 24, 'otto.neumann', idAt(withDisabled), {
        appName: disabledApp.appName,
        status: 'DISABLED',
      })
    const other = pinned.length + 1
    const otherApp =
      other < this.count ? seedAssociations(this.plan, this.seedAt(other))[0] : undefined
    if (otherApp) {
      const canceledAt = Math.round(anchor - 30 * HOUR + 500)
      add('CHANGE_DEVICE_APPLICATION_STATUS', 30, 'ada.lovelace', idAt(other), {
        appName: otherApp.appName,
        status: otherApp.status === 'ENABLED' ? 'DISABLED' : 'ENABLED',
        canceled: { at: canceledAt, code: 'SUPERSEDED', params: { id: out.length + 2 } },
      })
      add('CHANGE_DEVICE_APPLICATION_STATUS', 30 - 1 / 3600, 'ada.lovelace', idAt(other), {
        appName: otherApp.appName,
        status: otherApp.status,
      })
    }
    for (let i = pinned.length; i < this.count; i++) {
      const retired = seedAssociations(this.plan, this.seedAt(i)).find((a) => a.retired)
      if (!retired) continue
      add('CHANGE_DEVICE_APPLICATION_STATUS', 20, 'ada.lovelace', idAt(i), {
        appName: retired.appName,
        status: retired.status === 'ENABLED' ? 'DISABLED' : 'ENABLED',
        outcome: 'failure',
        failure: {
          code: 'RETIRED_VERSION',
          params: {
            appName: retired.appName,
            version: retired.version,
            platform: PLATFORM_NAMES[retired.platform],
            runtime: this.plan.name,
            deviceId: idAt(i),
          },
        },
      })
      break
    }
    return out
  }
}

export interface DeviceStoreOptions {
  fleet: FleetSize
  storage: DemoStorage
  /** The backend's one clock, shared with the other stores. */
  clock: DemoClock
}

/** Every runtime of the device administration demo. */
export class DeviceStore {
  readonly fleet: FleetSize
  private readonly slot: StateSlot<DeviceState>
  private readonly clock: DemoClock
  private readonly anchor: number
  private readonly saved: Record<string, PersistedRuntime>
  private readonly runtimes = new Map<string, RuntimeDevices>()

  constructor(options: DeviceStoreOptions) {
    this.fleet = options.fleet
    this.slot = new StateSlot(options.storage, options.fleet, 'devices', DeviceStateSchema)
    this.clock = options.clock
    const saved = this.slot.read()
    this.anchor = saved?.anchor ?? this.clock.now()
    this.saved = saved?.runtimes ?? {}
    if (!saved) this.persist()
  }

  now(): number {
    return this.clock.now()
  }

  runtimeNames(): string[] {
    return RUNTIME_PLANS.map((r) => r.name)
  }

  /** A runtime's devices, generated on first use; undefined for an unknown runtime. */
  runtime(name: string): RuntimeDevices | undefined {
    const existing = this.runtimes.get(name)
    if (existing) return existing
    const plan = runtimePlan(name)
    if (!plan) return undefined
    const built = new RuntimeDevices(this, plan, this.fleet, this.anchor, this.saved[name])
    this.runtimes.set(name, built)
    return built
  }

  /** Settles every transaction that is due. Called before each request is answered. */
  tick(): void {
    const now = this.now()
    let changed = false
    for (const rt of this.runtimes.values()) if (rt.tick(now)) changed = true
    if (changed) this.changed()
  }

  changed(): void {
    this.persist()
  }

  /** Forgets every change (the backend's reset). */
  forget(): void {
    this.slot.forget()
  }

  private persist(): void {
    const runtimes: Record<string, PersistedRuntime> = { ...this.saved }
    for (const [name, rt] of this.runtimes) runtimes[name] = rt.toPersisted()
    this.slot.write(this.anchor, { runtimes })
  }
}
