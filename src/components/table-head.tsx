import type { ReactNode } from 'react'

/** One column of a plain table: its header and, where the layout needs one, its width. */
export interface Column {
  label: ReactNode
  /** A CSS width ("18%"), or pixels. */
  width?: string | number
  /** Only when `label` is not a string. */
  key?: string
}

/**
 * The header row of a plain (non-virtualized) table. A string is a column with only a
 * header; a `false` entry is a column the table does not show this time, so a conditional
 * column stays in its place in the list.
 */
export function TableHead({ columns }: { columns: readonly (Column | string | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((entry, index) => {
          if (entry === false) return null
          const column = typeof entry === 'string' ? { label: entry } : entry
          return (
            <th
              key={column.key ?? (typeof column.label === 'string' ? column.label : index)}
              scope="col"
              style={column.width === undefined ? undefined : { width: column.width }}
            >
              {column.label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
