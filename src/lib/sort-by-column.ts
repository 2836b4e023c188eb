const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * Sorts named rows by the value of one table column, stably: numbers compare as numbers
 * (with `<`, so two `Infinity` keys tie), anything else as text with a numeric-aware,
 * case-insensitive collator; ties fall back to the name, then the id.
 */
export function sortByColumn<T extends { id: number; name: string }>(
  rows: readonly T[],
  sort: { id: string; desc: boolean },
  valueOf: (row: T, columnId: string) => string | number,
): T[] {
  const dir = sort.desc ? -1 : 1
  // Each row's value is read once, not once per comparison (about 2·log2(n) times a row).
  const keyed = rows.map((row) => ({ row, value: valueOf(row, sort.id) }))
  keyed.sort((a, b) => {
    const va = a.value
    const vb = b.value
    const primary =
      typeof va === 'number' && typeof vb === 'number'
        ? va === vb
          ? 0
          : va < vb
            ? -1
            : 1
        : collator.compare(String(va), String(vb))
    if (primary !== 0) return primary * dir
    return collator.compare(a.row.name, b.row.name) || a.row.id - b.row.id
  })
  return keyed.map((k) => k.row)
}
