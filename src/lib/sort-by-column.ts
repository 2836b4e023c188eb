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
  return [...rows].sort((a, b) => {
    const va = valueOf(a, sort.id)
    const vb = valueOf(b, sort.id)
    const primary =
      typeof va === 'number' && typeof vb === 'number'
        ? va === vb
          ? 0
          : va < vb
            ? -1
            : 1
        : collator.compare(String(va), String(vb))
    if (primary !== 0) return primary * dir
    return collator.compare(a.name, b.name) || a.id - b.id
  })
}
