import type { ComponentProps, ReactNode } from 'react'
import { ApiText } from './api-text.tsx'
import {
  DataTable,
  type DataTableProps,
  type SortState,
  type TableSelection,
} from './data-table.tsx'
import { Freshness, type FreshnessSource } from './freshness.tsx'
import { message, useLanguage } from './i18n.tsx'
import { CountsKnown, RowSelectionBar, type BulkAction } from './list-toolbar.tsx'
import { ListStates, type ListQueryState, type ListStatesProps } from './list-states.tsx'
import { PageHeader } from './page-header.tsx'
import type { MessageKey } from '../lib/i18n.ts'

/** How a list counts its rows under its title: "12 in Production · 3 shown". */
export interface ListCount {
  /** The API's name of the place the list is of (an environment), shown as text. */
  where: string
  /**
   * The count line's whole sentences, taking `count`, `where` and (`shown`) `shown`:
   * "{count, number} in {where}" unless given ("… registered in {where}").
   */
  messages?: { all: MessageKey; shown: MessageKey }
  /** The page's filters are on: the count of rows they leave follows. */
  filtered: boolean
}

/**
 * A selection among every match (`useRowSelection`) and its bulk actions, in the bar of
 * `RowSelectionBar`.
 */
export interface ListBulk<S = ComponentProps<typeof RowSelectionBar>['selection']> {
  selection: S
  actions: readonly BulkAction[]
}

/**
 * A list's table as data, for `ListPage` to render as a `DataTable`: each page declares
 * what differs (the name, the rows the filters leave, the columns, a row's key and label);
 * the count "N shown" is its rows, its sort is the list's URL state, and its selection is
 * the checkboxes and the bar of the bulk actions.
 */
export interface ListTable<T> extends Omit<
  DataTableProps<T>,
  'sort' | 'onSortChange' | 'selection'
> {
  /** The list's URL state (`useListSearch`): the table shows its `sort` and writes a new one. */
  sort?: {
    params: { sort: SortState }
    set: (change: { sort: SortState }) => void
  }
  /** The selection (`useRowSelection`, whose `table` the checkboxes are) and its actions. */
  bulk?: ListBulk<ListBulk['selection'] & { table: TableSelection }>
}

/**
 * The one composition of a list page, top to bottom: the header (title, subtitle, how
 * fresh the list is, then the page's actions), the toolbar (search and facets,
 * `ListToolbar`), the bar of the selection and its bulk actions (`bulk` or `selection`), then the
 * list in its states (`ListStates`: loading, failure with retry, unreadable records, empty
 * with the next action, no match) around the table (`table`, or children). `after` holds
 * what follows the list: a panel, the dialogs.
 */
export function ListPage<T>({
  title,
  subtitle,
  count,
  actions,
  toolbar,
  selection,
  after,
  fill = true,
  listClassName,
  ...states
}: Omit<ListStatesProps, 'shown' | 'children'> & {
  query: ListQueryState & FreshnessSource
  title: string
  /** Under the title; with `count` instead, the count of the rows once they are read. */
  subtitle?: ReactNode
  count?: ListCount
  /** The header's controls, after the list's freshness. */
  actions?: ReactNode
  toolbar?: ReactNode
  /** The selection bar while rows are selected, else nothing. */
  selection?: ReactNode
  after?: ReactNode
  /** The list fills the page's height (a scrolling table); false for a list that flows. */
  fill?: boolean
  /** A class for a box around the list in whichever state it is (its own layout). */
  listClassName?: string
} & (
    | { table: ListTable<T>; bulk?: never; shown?: never; children?: never }
    | {
        table?: never
        /** Instead of `selection`, for a list that selects among every match. */
        bulk?: ListBulk
        shown: number
        children: ReactNode
      }
  )) {
  // A table given as data brings its own rows shown, body and bulk bar.
  const { table } = states
  const { bulk, ...body } = table
    ? { bulk: table.bulk, shown: table.rows.length, children: <ListDataTable table={table} /> }
    : states
  const { shown } = body
  const list = <ListStates {...states} {...body} />
  useLanguage()
  // The place's name is isolated (`ApiText`): a bidi override in it reorders nothing.
  const counted =
    count &&
    (states.query.data === undefined ? (
      <ApiText>{count.where}</ApiText>
    ) : (
      message(
        count.filtered
          ? (count.messages?.shown ?? 'ui.listCount.inShown')
          : (count.messages?.all ?? 'ui.listCount.in'),
        { count: states.total, where: count.where, shown },
      )
    ))
  return (
    <div className={fill ? 'page' : undefined}>
      <PageHeader
        title={title}
        subtitle={subtitle ?? counted}
        actions={
          <>
            <Freshness query={states.query} />
            {actions}
          </>
        }
      />
      {/* Facet counts are unknown (shown "—") until the list's answer is in. */}
      <CountsKnown value={states.query.data !== undefined}>{toolbar}</CountsKnown>
      {selection}
      {bulk && <RowSelectionBar {...bulk} total={shown} />}
      {listClassName ? <div className={listClassName}>{list}</div> : list}
      {after}
    </div>
  )
}

function ListDataTable<T>({ table: { sort, bulk, ...table } }: { table: ListTable<T> }) {
  return (
    <DataTable
      {...table}
      sort={sort?.params.sort}
      onSortChange={sort && ((next: SortState) => sort.set({ sort: next }))}
      selection={bulk?.selection.table}
    />
  )
}
