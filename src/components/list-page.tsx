import type { ComponentProps, ReactNode } from 'react'
import { formatNumber } from '../lib/format.ts'
import { ApiText } from './api-text.tsx'
import { Freshness, type FreshnessSource } from './freshness.tsx'
import { CountsKnown, RowSelectionBar, type BulkAction } from './list-toolbar.tsx'
import { ListStates, type ListQueryState, type ListStatesProps } from './list-states.tsx'
import { PageHeader } from './page-header.tsx'

/** How a list counts its rows under its title: "12 in Production · 3 shown". */
export interface ListCount {
  /** The API's name of the place the list is of (an environment), shown as text. */
  where: string
  /** The words between the count and the place; "in" unless given ("registered in"). */
  verb?: string
  /** The page's filters are on: the count of rows they leave follows. */
  filtered: boolean
}

/**
 * The one composition of a list page, top to bottom: the header (title, subtitle, how
 * fresh the list is, then the page's actions), the toolbar (search and facets,
 * `ListToolbar`), the bar of the selection and its bulk actions (`bulk` or `selection`), then the
 * list in its states (`ListStates`: loading, failure with retry, unreadable records, empty
 * with the next action, no match) around the table (children). `after` holds what follows
 * the list: a panel, the dialogs.
 */
export function ListPage({
  title,
  subtitle,
  count,
  actions,
  toolbar,
  selection,
  bulk,
  after,
  fill = true,
  listClassName,
  ...states
}: ListStatesProps & {
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
  /**
   * Instead of `selection`, for a list that selects among every match (`useRowSelection`):
   * the selection and its bulk actions, in the bar of `RowSelectionBar`.
   */
  bulk?: {
    selection: ComponentProps<typeof RowSelectionBar>['selection']
    actions: readonly BulkAction[]
  }
  after?: ReactNode
  /** The list fills the page's height (a scrolling table); false for a list that flows. */
  fill?: boolean
  /** A class for a box around the list in whichever state it is (its own layout). */
  listClassName?: string
}) {
  const list = <ListStates {...states} />
  const counted = count && (
    <>
      {/* The count its own text node: a bidi override in the place's name reorders nothing. */}
      {states.query.data !== undefined && (
        <>
          {formatNumber(states.total)}
          {` ${count.verb ?? 'in'} `}
        </>
      )}
      <ApiText>{count.where}</ApiText>
      {states.query.data !== undefined && count.filtered
        ? ` · ${formatNumber(states.shown)} shown`
        : ''}
    </>
  )
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
      {bulk && <RowSelectionBar {...bulk} total={states.shown} />}
      {listClassName ? <div className={listClassName}>{list}</div> : list}
      {after}
    </div>
  )
}
