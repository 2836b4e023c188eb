import { createContext, use, type ReactNode } from 'react'
import { formatNumber } from '../lib/format.ts'
import { Button } from './button.tsx'
import { useT } from './i18n.tsx'
import type { Permission } from './console-context.tsx'

/**
 * The filter bar above a list page's table: a search box (the page's `useSearchDraft` of
 * the `q` URL param), the page's own filters (status facets, selects) as children, and
 * "Clear filters" while any filter is set.
 */
export function ListToolbar({
  searchLabel,
  placeholder,
  list,
  searchWidth = 320,
  clearLabel,
  children,
}: {
  /** Accessible name of the search box, e.g. "Filter servers". */
  searchLabel: string
  placeholder: string
  /**
   * The search box's text and setter, whether any filter is set (shows "Clear filters")
   * and the clear: `useListSearch`'s answer, or a page's own.
   */
  list: { text: string; setText: (q: string) => void; filtered: boolean; clear: () => void }
  searchWidth?: number
  /** The clear button's words where the search is the only filter: "Clear search". */
  clearLabel?: string
  /** The page's other filters, between the search box and "Clear filters". */
  children?: ReactNode
}) {
  const t = useT()
  return (
    <div className="toolbar" role="search">
      <input
        type="search"
        aria-label={searchLabel}
        aria-keyshortcuts="/"
        placeholder={placeholder}
        value={list.text}
        onChange={(e) => list.setText(e.target.value)}
        style={{ width: searchWidth }}
      />
      {children}
      {list.filtered && (
        <Button variant="ghost" onClick={list.clear}>
          {clearLabel ?? t('ui.list.clearFilters')}
        </Button>
      )}
    </div>
  )
}

/**
 * Whether the list's answer is in (ListPage provides it from its query): until then, and
 * when the first load failed, a facet's count is unknown and shows "—", not 0.
 */
export const CountsKnown = createContext(true)

/**
 * Toggle chips for a multi-select status filter, each with the number of rows it would
 * match given the other filters, so an operator sees where the rows are before clicking.
 */
export function StatusFacets<A extends string, F extends A>({
  label,
  facets,
  active,
  labelFor,
  countFor,
  onChange,
}: {
  /** Accessible name of the group, e.g. "Status". */
  label: string
  /** The chips, in order; each is a value `active` can hold. */
  facets: readonly F[]
  /** The statuses filtered on now (from the URL). */
  active: readonly A[]
  labelFor: (facet: F) => string
  countFor: (facet: F) => number
  onChange: (next: A[]) => void
}) {
  const known = use(CountsKnown)
  return (
    <div className="segmented" role="group" aria-label={label}>
      {facets.map((facet) => {
        const pressed = active.includes(facet)
        return (
          <button
            key={facet}
            type="button"
            className="chip"
            aria-pressed={pressed}
            onClick={() =>
              onChange(pressed ? active.filter((s) => s !== facet) : [...active, facet])
            }
          >
            {labelFor(facet)}{' '}
            <span className="muted">{known ? formatNumber(countFor(facet)) : '—'}</span>
          </button>
        )
      })}
    </div>
  )
}

/** A bulk action of the selection bar: its words, who may use it, and whether it destroys. */
export interface BulkAction {
  label: string
  permission: Permission
  danger?: boolean
  onClick: () => void
}

/** A bulk action that removes what is selected (shown as dangerous). */
export function removeAction(label: string, permission: Permission, onClick: () => void) {
  return { label, permission, danger: true, onClick }
}

/**
 * The bar shown while rows are selected: the count, "Select all N matching" when only some
 * of the filtered rows are selected (lists that hold every match; a list paged by the server
 * leaves it out), the page's bulk actions and "Clear selection".
 */
export function SelectionBar({
  count,
  summary,
  total,
  onSelectAll,
  onClear,
  actions,
}: {
  /** Selected rows among those shown. */
  count: number
  /** Instead of "N selected": a selection that spans pages says where its rows are. */
  summary?: ReactNode
  /** Rows that match the current filters; without it (and `onSelectAll`), no "Select all". */
  total?: number
  onSelectAll?: () => void
  onClear: () => void
  actions: readonly BulkAction[]
}) {
  const t = useT()
  return (
    <div className="toolbar alert alert-info" role="region" aria-label={t('ui.selection.label')}>
      {summary ?? <strong>{t('ui.selection.count', { count })}</strong>}
      {onSelectAll && total !== undefined && count < total && (
        <Button size="small" onClick={onSelectAll}>
          {t('ui.selection.selectAllMatching', { total })}
        </Button>
      )}
      {actions.map((action) => (
        <Button
          key={action.label}
          size="small"
          variant={action.danger ? 'danger' : undefined}
          permission={action.permission}
          onClick={action.onClick}
        >
          {action.label}
        </Button>
      ))}
      <Button size="small" variant="ghost" onClick={onClear}>
        {t('ui.selection.clear')}
      </Button>
    </div>
  )
}

/**
 * The selection bar of a list that holds every match (`useRowSelection`): nothing while
 * no row is selected, else the count, "Select all N matching" and the bulk actions.
 */
export function RowSelectionBar({
  selection,
  total,
  actions,
}: {
  selection: { selectedRows: readonly unknown[]; selectAll: () => void; clear: () => void }
  /** Rows that match the current filters. */
  total: number
  actions: readonly BulkAction[]
}) {
  if (selection.selectedRows.length === 0) return null
  return (
    <SelectionBar
      count={selection.selectedRows.length}
      total={total}
      onSelectAll={selection.selectAll}
      onClear={selection.clear}
      actions={actions}
    />
  )
}
