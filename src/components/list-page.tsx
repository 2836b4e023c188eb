import type { ReactNode } from 'react'
import { CountsKnown } from './list-toolbar.tsx'
import { ListStates, type ListStatesProps } from './list-states.tsx'

/**
 * The one composition of a list page, top to bottom: the header, the toolbar (search and
 * facets, `ListToolbar`), the bar of the selection and its bulk actions (`SelectionBar`),
 * then the list in its states (`ListStates`: loading, failure with retry, unreadable
 * records, empty with the next action, no match) around the table (children). `after`
 * holds what follows the list: a panel, the dialogs.
 */
export function ListPage({
  header,
  toolbar,
  selection,
  after,
  fill = true,
  listClassName,
  ...states
}: ListStatesProps & {
  header: ReactNode
  toolbar?: ReactNode
  /** The selection bar while rows are selected, else nothing. */
  selection?: ReactNode
  after?: ReactNode
  /** The list fills the page's height (a scrolling table); false for a list that flows. */
  fill?: boolean
  /** A class for a box around the list in whichever state it is (its own layout). */
  listClassName?: string
}) {
  const list = <ListStates {...states} />
  return (
    <div className={fill ? 'page' : undefined}>
      {header}
      {/* Facet counts are unknown (shown "—") until the list's answer is in. */}
      <CountsKnown value={states.query.data !== undefined}>{toolbar}</CountsKnown>
      {selection}
      {listClassName ? <div className={listClassName}>{list}</div> : list}
      {after}
    </div>
  )
}
