import { AppStore } from './app-store/store.ts'
import { DemoAuditLog } from './audit-log.ts'
import { separateFamilies } from './auth.ts'
import { DemoClock } from './clock.ts'
import { DemoDb } from './db.ts'
import { AGENT_CONNECT_MS } from './lifecycle.ts'
import { DeviceStore } from './device-admin/device-store.ts'
import { FaultStore } from './faults.ts'
import type { FleetSize } from './model.ts'
import { shellWords } from './shell-words.ts'
import type { DemoStorage } from './storage.ts'

export interface DemoBackendOptions {
  fleet: FleetSize
  storage: DemoStorage
  now?: () => number
  persistDelayMs?: number
  /** Delay added to every answer on top of injected latency (0 in tests). */
  ambientLatencyMs?: number
  /**
   * Each family accepts only its own credentials, as the real systems do (the HTTP demo
   * server behind the production server). Off in the browser: one demo sign-in serves all.
   */
  separateFamilies?: boolean
  /**
   * Whether hybrid GETs carry an `ETag` and answer `If-None-Match` with 304 (the default,
   * ADR 010). Off, the demo behaves as the vendor documents its server: no validators, the
   * whole body on every read (ADR 016).
   */
  etags?: boolean
}

/**
 * The simulated backend: its database (replaced on reset) and its fault settings.
 * Handlers read `backend.db` on every request, so a reset takes effect at once.
 */
export class DemoBackend {
  db: DemoDb
  /** The API Store's client applications (replaced on reset, like `db`). */
  store: AppStore
  /** The device administration API's devices and transactions (its own persisted state). */
  devices: DeviceStore
  /** Every change the demo handled, as the production server's audit trail keeps them (ADR 015). */
  audit: DemoAuditLog
  /** The one clock every store reads (replaced on reset, as the stores are). */
  clock: DemoClock
  readonly faults: FaultStore
  readonly ambientLatencyMs: number
  /** Hybrid GETs carry ETags (see `DemoBackendOptions.etags`); tests may switch it. */
  etags: boolean
  private readonly options: DemoBackendOptions

  constructor(options: DemoBackendOptions) {
    this.options = options
    this.clock = new DemoClock(options.now)
    this.db = this.open()
    this.store = this.openStore()
    this.devices = this.openDevices()
    this.audit = new DemoAuditLog({ fleet: options.fleet, storage: options.storage })
    this.faults = new FaultStore(options.storage)
    this.ambientLatencyMs = options.ambientLatencyMs ?? 0
    this.etags = options.etags ?? true
  }

  private open(): DemoDb {
    const db = new DemoDb({
      fleet: this.options.fleet,
      storage: this.options.storage,
      clock: this.clock,
      persistDelayMs: this.options.persistDelayMs,
    })
    if (this.options.separateFamilies) separateFamilies(db)
    return db
  }

  private openStore(): AppStore {
    return new AppStore({
      fleet: this.options.fleet,
      storage: this.options.storage,
      clock: this.clock,
    })
  }

  private openDevices(): DeviceStore {
    return new DeviceStore({
      fleet: this.options.fleet,
      storage: this.options.storage,
      clock: this.clock,
    })
  }

  /**
   * Plays the host's part of registration: what running `amc_setup -H <token> <name>`
   * does. The line is read as a shell would split it (quotes, backslashes); anything but
   * exactly one amc_setup command with literal arguments is refused. The server appears
   * as CREATED and its agent connects a few seconds later.
   */
  runSetupCommand(command: string): { ok: true; name: string } | { ok: false; message: string } {
    const usage = 'Expected the setup command: ./amc_setup -H <registration token> <server name>'
    const parsed = shellWords(command.trim())
    if (!parsed.ok) return { ok: false, message: `${parsed.reason} ${usage}` }
    const [program, flag, token, name, ...rest] = parsed.words
    if (
      (program !== './amc_setup' && program !== 'amc_setup') ||
      flag !== '-H' ||
      !token ||
      !name ||
      rest.length > 0
    )
      return { ok: false, message: usage }
    const db = this.db
    const envId = [...db.registrationTokens].find(([, issued]) => issued === token)?.[0]
    if (!envId)
      return {
        ok: false,
        message: 'The registration token is not valid: get a new one from Register server.',
      }
    const now = db.now()
    db.servers.insert({
      id: db.newId(),
      envId,
      name,
      type: 'SERVER',
      serverType: 'MULE',
      muleVersion: '4.9.1',
      gatewayVersion: null,
      agentVersion: '2.7.0',
      status: 'CREATED',
      addresses: [],
      timeCreated: now,
      timeUpdated: now,
      licenseExpirationDate: now + 365 * 86_400_000,
      certificateExpirationDate: now + 365 * 86_400_000,
      runtimeInformation: null,
      connectAt: now + AGENT_CONNECT_MS,
    })
    db.changed()
    return { ok: true, name }
  }

  /** Forgets every change the operator made and rebuilds the fleet from its seed. */
  reset(): void {
    this.db.forget()
    this.store.forget()
    // A reset starts the demo's time afresh too, as it always did.
    this.clock = new DemoClock(this.options.now)
    this.db = this.open()
    this.store = this.openStore()
    this.devices.forget()
    this.devices = this.openDevices()
    this.audit.forget()
    this.audit = new DemoAuditLog({ fleet: this.options.fleet, storage: this.options.storage })
  }
}
