import type { ReactNode } from 'react'
import type { Column } from './data-table.tsx'

/** One column as a row of a table: its header, its CSS width and its cell's render function. */
type ColumnRow<T> = readonly [
  header: string,
  width: string,
  cell: (row: T) => ReactNode,
  /** A column the list cannot order by (the others all sort). */
  sort?: 'unsorted',
]

/**
 * A list's columns written as a table keyed by column id, in display order. Every column
 * sorts unless its row says `'unsorted'`: the lists order by nearly all of theirs.
 */
export function columnTable<T>(rows: Readonly<Record<string, ColumnRow<T>>>): Column<T>[] {
  return Object.entries(rows).map(([id, [header, width, cell, sort]]) => ({
    id,
    header,
    width,
    cell,
    sortable: sort !== 'unsorted',
  }))
}
