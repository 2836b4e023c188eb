import type { ListTable } from './list-page.tsx'

/** A record the API names: an id and a name (a server, a server group, a cluster). */
interface Named {
  id: number | string
  name: string
}

/** A named record's row key (its id as text), for the table and its `useRowSelection`. */
export const namedRowKey = (row: Named) => String(row.id)

/**
 * A list's table (`ListTable`) of named records: each row is keyed by its id and, for its
 * checkbox, labelled by its name, so a list of them declares only what is its own.
 */
export function namedTable<T extends Named>(
  table: Omit<ListTable<T>, 'rowKey' | 'rowLabel'>,
): ListTable<T> {
  return { ...table, rowKey: namedRowKey, rowLabel: (row) => row.name }
}
