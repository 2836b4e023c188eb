import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { TableHead } from './table-head.tsx'

/** One column of a `PlainTable`: its header and what each row shows in it. */
export interface PlainColumn<T> {
  label: string
  cell: (row: T) => ReactNode
  /** The cell's tooltip: the whole text of a value the column may cut short. */
  title?: (row: T) => string | undefined
  className?: string
  /**
   * The cell that heads a row stacked on a phone (`stackOnPhone`): it stands on its own
   * line, without the column's name.
   */
  heading?: boolean
}

/**
 * The column that heads each row (its own line on a phone): a link to the row's page, named
 * by `name` (a name from the API, else the console's words for it), the name whole on hover.
 */
export function linkColumn<T>(
  label: string,
  to: (row: T) => string,
  name: (row: T) => string | undefined,
  fallback?: (row: T) => string,
): PlainColumn<T> {
  return {
    label,
    heading: true,
    cell: (row) => (
      <Link to={to(row)} title={name(row)}>
        {name(row) ?? fallback?.(row)}
      </Link>
    ),
  }
}

/**
 * A small table of a detail page (not virtualized: a few rows), declared as columns so
 * that each column's header and cells are written once. Stacked on a phone
 * (`stackOnPhone`), each cell is labelled with its column's name.
 */
export function PlainTable<T>({
  label,
  rows,
  rowKey,
  columns,
  stackOnPhone = false,
}: {
  /** The table's accessible name. */
  label: string
  rows: readonly T[]
  rowKey: (row: T) => string | number
  columns: readonly PlainColumn<T>[]
  stackOnPhone?: boolean
}) {
  return (
    <table className={stackOnPhone ? 'data stack-on-phone' : 'data'} aria-label={label}>
      <TableHead columns={columns.map((column) => column.label)} />
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td
                key={column.label}
                className={column.className}
                title={column.title?.(row)}
                data-slot={stackOnPhone && column.heading ? 'title' : undefined}
                data-label={stackOnPhone && !column.heading ? column.label : undefined}
              >
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
