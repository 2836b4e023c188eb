import type { DemoStorage } from './storage.ts'

/**
 * What a fault rule does to a matching call:
 * - `fail-502` / `fail-503`: answers that status at once; the backend never sees the call.
 * - `lose-answer-502`: the backend handles the call (a change is applied), then the
 *   answer is replaced by a 502, as a proxy that lost the upstream's answer would.
 * - `lose-answer-network`: the backend handles the call, then the connection drops.
 */
export type FaultEffect = 'fail-502' | 'fail-503' | 'lose-answer-502' | 'lose-answer-network'

export const FAULT_EFFECTS: readonly FaultEffect[] = [
  'fail-502',
  'fail-503',
  'lose-answer-502',
  'lose-answer-network',
]

/**
 * A deterministic fault: the next `times` calls whose "METHOD /path" contains `matching`
 * get `effect`; the rule is gone once used up.
 */
export interface FaultRule {
  matching: string
  effect: FaultEffect
  times: number
}

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
  /** Counted rules, applied in order (the first match takes the call). */
  rules: FaultRule[]
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  failureRate: 0,
  offline: false,
  failMatching: '',
  rules: [],
}

function isFaultEffect(value: unknown): value is FaultEffect {
  return FAULT_EFFECTS.some((effect) => effect === value)
}

/** Keeps the well-formed rules: a non-empty text, a known effect, 1 to 1000 times. */
export function clampRules(value: unknown): FaultRule[] {
  if (!Array.isArray(value)) return []
  const rules: FaultRule[] = []
  for (const item of value) {
    if (!item || typeof item !== 'object') continue
    const matching =
      'matching' in item && typeof item.matching === 'string' ? item.matching.trim() : ''
    const effect = 'effect' in item ? item.effect : undefined
    const times = 'times' in item ? Math.floor(Number(item.times)) : 1
    if (matching === '' || !isFaultEffect(effect) || !Number.isFinite(times) || times < 1) continue
    rules.push({ matching, effect, times: Math.min(times, 1000) })
  }
  return rules
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
    rules: clampRules(value.rules),
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
      if (raw) loaded = clampFaults(faultChangeFrom(JSON.parse(raw)))
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

  /**
   * The rule that takes this call, if any, counted: a rule used up is removed (and the
   * change persisted), so "the next 2 calls" means exactly two.
   */
  take(call: string): FaultRule | null {
    const index = this.settings.rules.findIndex((rule) => call.includes(rule.matching))
    const rule = this.settings.rules[index]
    if (!rule) return null
    const rules = this.settings.rules.flatMap((r, i) =>
      i !== index ? [r] : r.times > 1 ? [{ ...r, times: r.times - 1 }] : [],
    )
    this.set({ rules })
    return rule
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/**
 * The fault settings named in a JSON body (the HTTP demo backend's `POST /__demo/faults`):
 * known keys only, each of the right type; everything else is ignored.
 */
export function faultChangeFrom(value: unknown): Partial<FaultSettings> {
  if (!value || typeof value !== 'object') return {}
  const change: Partial<FaultSettings> = {}
  if ('latencyMs' in value && typeof value.latencyMs === 'number')
    change.latencyMs = value.latencyMs
  if ('failureRate' in value && typeof value.failureRate === 'number')
    change.failureRate = value.failureRate
  if ('offline' in value && typeof value.offline === 'boolean') change.offline = value.offline
  if ('failMatching' in value && typeof value.failMatching === 'string')
    change.failMatching = value.failMatching
  if ('rules' in value) change.rules = clampRules(value.rules)
  return change
}
