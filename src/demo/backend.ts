import { DemoDb, stateKey } from './db.ts'
import { FaultStore } from './faults.ts'
import type { FleetSize } from './model.ts'
import type { DemoStorage } from './storage.ts'

export interface DemoBackendOptions {
  fleet: FleetSize
  storage: DemoStorage
  now?: () => number
  persistDelayMs?: number
  /** Delay added to every answer on top of injected latency (0 in tests). */
  ambientLatencyMs?: number
}

/**
 * The simulated backend: its database (replaced on reset) and its fault settings.
 * Handlers read `backend.db` on every request, so a reset takes effect at once.
 */
export class DemoBackend {
  db: DemoDb
  readonly faults: FaultStore
  readonly ambientLatencyMs: number
  private readonly options: DemoBackendOptions

  constructor(options: DemoBackendOptions) {
    this.options = options
    this.db = this.open()
    this.faults = new FaultStore(options.storage)
    this.ambientLatencyMs = options.ambientLatencyMs ?? 0
  }

  private open(): DemoDb {
    return new DemoDb({
      fleet: this.options.fleet,
      storage: this.options.storage,
      now: this.options.now,
      persistDelayMs: this.options.persistDelayMs,
    })
  }

  /** Forgets every change the operator made and rebuilds the fleet from its seed. */
  reset(): void {
    this.options.storage.remove(stateKey(this.options.fleet))
    this.db = this.open()
  }
}
