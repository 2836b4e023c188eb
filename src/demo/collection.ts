/** What changed in a collection since the seed: rows added or edited, and keys removed. */
export interface CollectionChanges<T, K extends string | number> {
  upserts: T[]
  deletes: K[]
}

/**
 * One collection of the demo backend (servers, applications, client applications, device
 * changes ...). It starts from generated seed rows and records which keys the operator
 * touched, so only those need persisting: a large fleet's seed is tens of MB and is rebuilt
 * from its seed instead (ADR 003, ADR 019).
 */
export class Collection<T, K extends string | number> {
  private readonly rows = new Map<K, T>()
  private readonly touched = new Set<K>()
  private cache: T[] | null = null
  private readonly keyOf: (row: T) => K

  constructor(keyOf: (row: T) => K, seed: readonly T[], changes?: CollectionChanges<T, K>) {
    this.keyOf = keyOf
    for (const row of seed) this.rows.set(keyOf(row), row)
    if (changes) {
      for (const row of changes.upserts) {
        const key = keyOf(row)
        this.rows.set(key, row)
        this.touched.add(key)
      }
      for (const key of changes.deletes) {
        this.rows.delete(key)
        this.touched.add(key)
      }
    }
  }

  get size(): number {
    return this.rows.size
  }

  get(key: K): T | undefined {
    return this.rows.get(key)
  }

  /** All rows in insertion order; the array is cached until the next change. */
  all(): readonly T[] {
    this.cache ??= [...this.rows.values()]
    return this.cache
  }

  insert(row: T): T {
    const key = this.keyOf(row)
    this.rows.set(key, row)
    this.markChanged(key)
    return row
  }

  update(key: K, change: (row: T) => T): T | undefined {
    const row = this.rows.get(key)
    if (!row) return undefined
    const next = change(row)
    this.rows.set(key, next)
    this.markChanged(key)
    return next
  }

  delete(key: K): boolean {
    const existed = this.rows.delete(key)
    if (existed) this.markChanged(key)
    return existed
  }

  /** The rows and deleted keys the operator touched: all that is persisted of a collection. */
  changes(): CollectionChanges<T, K> {
    const upserts: T[] = []
    const deletes: K[] = []
    for (const key of this.touched) {
      const row = this.rows.get(key)
      if (row) upserts.push(row)
      else deletes.push(key)
    }
    return { upserts, deletes }
  }

  private markChanged(key: K) {
    this.touched.add(key)
    this.cache = null
  }
}

/** A collection of rows with a numeric `id` (the Runtime Manager's resources). */
export function byId<T extends { id: number }>(
  seed: readonly T[],
  changes?: CollectionChanges<T, number>,
): Collection<T, number> {
  return new Collection((row: T) => row.id, seed, changes)
}
