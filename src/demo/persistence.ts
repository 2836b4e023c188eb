import * as z from 'zod/mini'
import type { CollectionChanges } from './collection.ts'
import type { FleetSize } from './model.ts'
import type { DemoStorage } from './storage.ts'

/**
 * One persistence format for every store of the demo (ADR 019): a JSON object
 * `{ version, anchor, ...state }` under `runtime-console-demo:v<version>:<fleet>[:<part>]`.
 * The anchor is the moment the store's seed was generated for (relative times such as
 * "3 days ago" stay put across reloads); the state holds only what the operator changed
 * (collection changes, counters), never the seed, so a large fleet fits localStorage.
 * Bump the version when a saved overlay would no longer make sense.
 */
export const STATE_VERSION = 1

export type Saved<S> = S & { version: number; anchor: number }

/** A row the demo wrote itself, read back: checked to be an object, not field by field. */
export function savedRow<T extends object>(): z.ZodMiniType<T> {
  return z.custom<T>((row) => typeof row === 'object' && row !== null)
}

/** The saved changes of a collection: its rows (`savedRow`) and the keys it removed. */
export function changesSchema<T extends object, K extends string | number>(
  key: z.ZodMiniType<K>,
): z.ZodMiniType<CollectionChanges<T, K>> {
  return z.object({ upserts: z.array(savedRow<T>()), deletes: z.array(key) })
}

/** The storage key of one part of a fleet's state (the Runtime Manager's part has none). */
export function stateKey(fleet: FleetSize, part?: string): string {
  return `runtime-console-demo:v${STATE_VERSION}:${fleet}${part ? `:${part}` : ''}`
}

/**
 * Where one store keeps its state: localStorage in the browser, memory (or nothing) in
 * tests and the HTTP demo server, through the same `DemoStorage`. It remembers the text it
 * last read or wrote, so a store can tell when another tab changed the state.
 */
export class StateSlot<S extends object> {
  readonly key: string
  private readonly storage: DemoStorage
  private readonly schema: z.ZodMiniType<Saved<S>>
  private lastRaw: string | null = null

  /** `schema` is the state's (besides version and anchor): a state it rejects reads as none. */
  constructor(
    storage: DemoStorage,
    fleet: FleetSize,
    part: string | undefined,
    schema: z.ZodMiniType<S>,
  ) {
    this.storage = storage
    this.key = stateKey(fleet, part)
    this.schema = z.intersection(
      z.object({ version: z.literal(STATE_VERSION), anchor: z.number() }),
      schema,
    )
  }

  /** The saved state; null when there is none, it is damaged or of another version. */
  read(): Saved<S> | null {
    const raw = this.storage.get(this.key)
    if (!raw) return null
    const parsed = z.safeParse(this.schema, jsonValue(raw))
    if (!parsed.success) return null
    this.lastRaw = raw
    return parsed.data
  }

  /** True when the stored text is not what this slot last read or wrote (another tab). */
  changedElsewhere(): boolean {
    return this.storage.get(this.key) !== this.lastRaw
  }

  write(anchor: number, state: S): void {
    const saved: Saved<S> = { version: STATE_VERSION, anchor, ...state }
    const raw = JSON.stringify(saved)
    this.storage.set(this.key, raw)
    this.lastRaw = raw
  }

  /** Forgets the saved state (a reset). */
  forget(): void {
    this.storage.remove(this.key)
    this.lastRaw = null
  }
}

/** The value a JSON text holds, or undefined for damaged text (which no schema accepts). */
function jsonValue(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}
