import { useMemo, useState } from 'react'
import type { TableSelection } from './data-table.tsx'

/**
 * The selected rows of a list that holds every match (the table's checkboxes, the
 * selection bar): by key, so a refetch keeps them, and only ever the rows still listed
 * under the current filter (a bulk action acts on what the operator sees).
 */
export function useRowSelection<T>(
  rows: readonly T[],
  /** A stable function (module level): the selected rows are remembered against it. */
  rowKey: (row: T) => string,
) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const selectedRows = useMemo(
    () => (selected.size === 0 ? [] : rows.filter((row) => selected.has(rowKey(row)))),
    [rows, selected, rowKey],
  )
  // Kept while the selection holds: a memoised table is built again only when it changes.
  const table = useMemo<TableSelection>(() => ({ selected, onChange: setSelected }), [selected])
  return {
    /** For the table's `selection`. */
    table,
    selectedRows,
    selectAll: () => setSelected(new Set(rows.map(rowKey))),
    clear: () => setSelected(new Set()),
    /** Unselects the rows a bulk action removed. */
    drop: (done: ReadonlySet<string>) =>
      setSelected((current) => new Set([...current].filter((key) => !done.has(key)))),
  }
}
