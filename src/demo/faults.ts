import type { DemoStorage } from './storage.ts'

/** Fault injection for demos and tests, switchable from the demo panel. */
export interface FaultSettings {
  /** Extra delay added to every API answer. */
  latencyMs: number
  /** Share of API calls (0..1) that fail with an injected 500. */
  failureRate: number
  /** Every API call fails as a network error, as if the backend were unreachable. */
  offline: boolean
  /** Calls whose "METHOD /path" contains this text fail with an injected 500 ('' = none). */
  failMatching: string
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  failureRate: 0,
  offline: false,
  failMatching: '',
}
const KEY = 'runtime-console-demo:faults'

export function clampFaults(value: Partial<FaultSettings>): FaultSettings {
  const latency = Number(value.latencyMs ?? 0)
  const rate = Number(value.failureRate ?? 0)
  return {
    latencyMs: Number.isFinite(latency) ? Math.min(Math.max(latency, 0), 30_000) : 0,
    failureRate: Number.isFinite(rate) ? Math.min(Math.max(rate, 0), 1) : 0,
    offline: value.offline === true,
    failMatching: typeof value.failMatching === 'string' ? value.failMatching.trim() : '',
  }
}

export class FaultStore {
  private settings: FaultSettings
  private readonly listeners = new Set<() => void>()

  private readonly storage: DemoStorage

  constructor(storage: DemoStorage) {
    this.storage = storage
    let loaded: FaultSettings = NO_FAULTS
    try {
      const raw = storage.get(KEY)
      if (raw) loaded = clampFaults(JSON.parse(raw))
    } catch {
      loaded = NO_FAULTS
    }
    this.settings = loaded
  }

  get(): FaultSettings {
    return this.settings
  }

  set(change: Partial<FaultSettings>): FaultSettings {
    this.settings = clampFaults({ ...this.settings, ...change })
    this.storage.set(KEY, JSON.stringify(this.settings))
    for (const listener of this.listeners) listener()
    return this.settings
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
