/** What changed in a table since the seed: rows added or edited, and ids removed. */
export interface TableChanges<T> {
  upserts: T[]
  deletes: number[]
}

/**
 * One collection of the demo backend. It starts from generated seed rows and records
 * which ids the operator touched, so only those need persisting (a large fleet's seed is
 * tens of MB and is rebuilt from its seed instead).
 */
export class Table<T extends { id: number }> {
  private readonly rows = new Map<number, T>()
  private readonly touched = new Set<number>()
  private cache: T[] | null = null

  constructor(seed: readonly T[], changes?: TableChanges<T>) {
    for (const row of seed) this.rows.set(row.id, row)
    if (changes) {
      for (const row of changes.upserts) {
        this.rows.set(row.id, row)
        this.touched.add(row.id)
      }
      for (const id of changes.deletes) {
        this.rows.delete(id)
        this.touched.add(id)
      }
    }
  }

  get size(): number {
    return this.rows.size
  }

  get(id: number): T | undefined {
    return this.rows.get(id)
  }

  /** All rows in insertion order; the array is cached until the next change. */
  all(): readonly T[] {
    this.cache ??= [...this.rows.values()]
    return this.cache
  }

  insert(row: T): T {
    this.rows.set(row.id, row)
    this.markChanged(row.id)
    return row
  }

  update(id: number, change: (row: T) => T): T | undefined {
    const row = this.rows.get(id)
    if (!row) return undefined
    const next = change(row)
    this.rows.set(id, next)
    this.markChanged(id)
    return next
  }

  delete(id: number): boolean {
    const existed = this.rows.delete(id)
    if (existed) this.markChanged(id)
    return existed
  }

  changes(): TableChanges<T> {
    const upserts: T[] = []
    const deletes: number[] = []
    for (const id of this.touched) {
      const row = this.rows.get(id)
      if (row) upserts.push(row)
      else deletes.push(id)
    }
    return { upserts, deletes }
  }

  private markChanged(id: number) {
    this.touched.add(id)
    this.cache = null
  }
}
