import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { useNavigate } from 'react-router'
import { isolated, LONG } from './api-text.tsx'
import { useLanguage, useT } from './i18n.tsx'
import { PHONE_QUERY, useMediaQuery } from './use-media-query.ts'

export interface Column<T> {
  id: string
  header: string
  /**
   * CSS width of the column until the table has measured its content (and where it cannot,
   * as in a test DOM): the table then sizes each column from the rows in view.
   */
  width?: string
  /** The cell's content: a render function the table calls, not a component. */
  cell: (row: T) => ReactNode
  sortable?: boolean
  /**
   * Where the column goes in a phone's stacked row (below 768 px): `primary` on the first
   * line (the name, then the status), `secondary` on the second line (two at most),
   * `hidden` not at all. Default: the first column and the one with the id "status" are
   * primary, the next two secondary, the rest hidden.
   */
  phone?: 'primary' | 'secondary' | 'hidden'
}

/** A cell's place in a phone's stacked row (styles.css lays the row out by these). */
type PhoneSlot = 'title' | 'status' | 'detail-1' | 'detail-2'

/** Which column fills which place of a stacked row; columns not in the map are left out. */
export function phoneSlots<T>(columns: readonly Column<T>[]): ReadonlyMap<string, PhoneSlot> {
  const primary: PhoneSlot[] = ['title', 'status']
  const secondary: PhoneSlot[] = ['detail-1', 'detail-2']
  const slots = new Map<string, PhoneSlot>()
  columns.forEach((column, index) => {
    const role = column.phone ?? (index === 0 || column.id === 'status' ? 'primary' : 'secondary')
    const slot =
      role === 'primary' ? primary.shift() : role === 'secondary' ? secondary.shift() : undefined
    if (slot) slots.set(column.id, slot)
  })
  return slots
}

/** One column's measured widths in px: its content's and the least it may be cut to. */
export interface ColumnExtent {
  /** The widest cell of the rows in view, the header included. */
  natural: number
  /** Its header (never cut), or all of its content for a column of status badges. */
  floor: number
}

/**
 * Widths from the content: every column as wide as its widest cell when they all fit, the
 * spare room shared in proportion to those widths. When they do not fit, the widest columns
 * (names, targets, artifacts: their tooltip keeps the whole text) are cut to one common
 * width, so a short column (a size, a date) keeps all of its text; no column goes below its
 * floor (the table then scrolls sideways rather than cut a header or a status).
 */
export function fitColumns(extents: readonly ColumnExtent[], available: number): number[] {
  const total = (cap: number) =>
    extents.reduce((sum, e) => sum + Math.max(e.floor, Math.min(e.natural, cap)), 0)
  const natural = extents.reduce((sum, e) => sum + e.natural, 0)
  if (natural <= available) {
    const grow = natural > 0 ? available / natural : 1
    return extents.map((e) => e.natural * grow)
  }
  // The largest common cap that fits (the total grows with the cap): halving the interval.
  let low = 0
  let high = Math.max(...extents.map((e) => e.natural))
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2
    if (total(mid) <= available) low = mid
    else high = mid
  }
  return extents.map((e) => Math.max(e.floor, Math.min(e.natural, low)))
}

export interface SortState {
  id: string
  desc: boolean
}

export interface TableSelection {
  selected: ReadonlySet<string>
  onChange: (next: Set<string>) => void
  /**
   * The selection also holds rows not shown (other pages): the header checkbox then
   * says it unselects the rows shown, not that it clears the selection.
   */
  acrossPages?: boolean
}

export interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string
  rows: readonly T[]
  columns: readonly Column<T>[]
  rowKey: (row: T) => string
  /** Used for each row's checkbox name: "Select <label>". */
  rowLabel: (row: T) => string
  sort?: SortState
  onSortChange?: (sort: SortState) => void
  selection?: TableSelection
  /**
   * The rows scroll with the page's scrolling region at every width, not in a box of their
   * own: for a list that more content follows (the devices page's pager and transactions),
   * so the page scrolls once. Still virtualised. On a phone every list does this.
   */
  followPage?: boolean
}

const ROW_HEIGHT = 40
/**
 * A phone's stacked row before it is measured: a one-line name, the status and the details
 * (a long name takes two lines, or all it needs while focused: each row is measured).
 */
const PHONE_ROW_HEIGHT = 92
/** How long the rows rest (after a keystroke or a scroll) before a clipped status is looked for. */
const SETTLE_MS = 100
/** Where the layout has no size yet (a test DOM), render as if the table were this tall. */
const FALLBACK_HEIGHT = 1200

/**
 * A table that renders only the rows in view, so 10,000 rows scroll and re-sort as fast
 * as 50. Sorting and selection are controlled by the page (they live in the URL / page).
 */
export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowLabel,
  sort,
  onSortChange,
  selection,
  followPage = false,
}: DataTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const navigate = useNavigate()
  const t = useT()
  // The memoised row component of this table's row type, made once per table.
  const [DataRow] = useState(dataRow<T>)
  // On a phone each row is a stacked card and the page scrolls once: the rows scroll with
  // the page's scrolling region instead of a box of their own (styles.css).
  const phone = useMediaQuery(PHONE_QUERY)
  const withPage = phone || followPage
  const slots = useMemo(() => (phone ? phoneSlots(columns) : null), [phone, columns])
  const [pageScroll, setPageScroll] = useState<{ element: HTMLElement; margin: number } | null>(
    null,
  )
  useLayoutEffect(() => {
    const element = withPage ? scrollingAncestor(scrollRef.current) : null
    const body = bodyRef.current
    if (!element || !body) {
      setPageScroll(null)
      return
    }
    // Where the rows begin inside the scrolling region (the header and toolbar above move
    // it): the virtualiser counts rows from there.
    const margin =
      body.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop
    setPageScroll((old) =>
      old && old.element === element && Math.abs(old.margin - margin) < 1
        ? old
        : { element, margin },
    )
    // Measured again whenever what sits above the rows may have changed height: the
    // filters (rows), the selection bar (selection), a crossing of the breakpoint.
  }, [withPage, phone, rows, columns, selection])
  const scrollMargin = pageScroll?.margin ?? 0
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => pageScroll?.element ?? scrollRef.current,
    estimateSize: () => (phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT),
    scrollMargin,
    overscan: 3,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) =>
        cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }),
      ),
  })
  // Rows measured at one height are laid out again at the other when the width crosses
  // the phone breakpoint.
  useLayoutEffect(() => {
    virtualizer.measure()
  }, [phone, virtualizer])

  // Widths from the content (a table, not a phone's stacked rows): one render lays the
  // rows in view out at their natural widths (an automatic layout), the layout effect
  // measures them and fixes the widths before anything is painted. Measured again when the
  // columns or the table's width change, or when a cell that may not be cut (a status)
  // no longer fits. The fixed layout keeps scrolling 10,000 rows cheap in between.
  const tableRef = useRef<HTMLTableElement>(null)
  const [wrapWidth, setWrapWidth] = useState(() => lastFits.get(label)?.width ?? 0)
  useLayoutEffect(() => {
    const wrap = scrollRef.current
    if (!wrap || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWrapWidth(wrap.clientWidth))
    observer.observe(wrap)
    // Now, not at the observer's first report: the first paint has the fitted widths.
    setWrapWidth(wrap.clientWidth)
    return () => observer.disconnect()
  }, [])
  // The language too: a switch changes every header's length.
  const language = useLanguage()
  const columnKey = `${language} ${columns.map((c) => c.id).join(' ')}`
  // A table shown again (the rows back after a filter that matched none, a return to the
  // page) starts from its last fit: for the same columns at the same width it is laid out
  // once, at the widths it had, instead of measured again (two more renders and layouts).
  const [fitted, setFitted] = useState(() => lastFits.get(label) ?? null)
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items[items.length - 1]
  const range = `${first?.index ?? 0}-${last?.index ?? 0}`
  const measuring =
    !phone &&
    rows.length > 0 &&
    wrapWidth > 0 &&
    (fitted === null || fitted.key !== columnKey || fitted.width !== wrapWidth)
  useLayoutEffect(() => {
    const table = tableRef.current
    if (!table || phone || !measuring) return
    const fit = {
      key: columnKey,
      width: wrapWidth,
      widths: fitColumns(measureColumns(table), wrapWidth),
    }
    lastFits.set(label, fit)
    setFitted(fit)
  }, [measuring, columnKey, wrapWidth, phone, label])
  // New rows (a filter, a poll) or other rows in view (a scroll: the widths were measured
  // on the first ones): a status grown past its column asks for a new fit. Looked at once
  // the rows are painted and have rested a moment: read inside the keystroke, it forced a
  // layout of the rows before the frame's own (a few ms a key); while a scroll goes on,
  // each frame cancels the last frame's look, so a scroll frame reads nothing.
  useEffect(() => {
    const table = tableRef.current
    if (!table || phone || measuring) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (!clippedStatus(table)) return
        lastFits.delete(label)
        setFitted(null)
      }, SETTLE_MS)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [rows, range, phone, measuring, label])
  // Not on a phone: widths fitted to a wider table must not hold the stacked rows open.
  const widths = !phone && !measuring && fitted?.key === columnKey ? fitted.widths : null
  const tableWidth = widths?.reduce((sum, w) => sum + w, 0) ?? 0
  // Fitted, the rows are laid out as rows of boxes of those widths, no longer by the table
  // algorithm: a scroll frame or a keystroke that puts other items in every row in view
  // costs the browser less (ADR 027, "Tenth round"). The measuring render stays a table.
  const fittedStyle = widths && widths.length <= FITTED_COLUMNS ? columnWidths(widths) : null
  const padTop = first ? first.start - scrollMargin : 0
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0
  const shownColumns = slots ? columns.filter((c) => slots.has(c.id)) : columns
  const colSpan = shownColumns.length + (selection ? 1 : 0)
  // A stacked or fitted row is no longer laid out as a table: the roles keep it one for
  // assistive tech.
  const roles = phone || fittedStyle !== null
  const role = (name: string) => (roles ? name : undefined)

  // Counting walks every row: skipped when nothing is selected (every scroll frame re-renders).
  const selectedCount =
    selection && selection.selected.size > 0
      ? rows.reduce((n, row) => n + (selection.selected.has(rowKey(row)) ? 1 : 0), 0)
      : 0
  const allSelected = rows.length > 0 && selectedCount === rows.length

  const toggleAll = () => {
    if (!selection) return
    selection.onChange(allSelected ? new Set() : new Set(rows.map(rowKey)))
  }
  // Stable across renders (it reads the latest selection through a ref, updated once the
  // render is committed: a click always comes after), so rows that did not change skip
  // rendering: each row holds links, and a keystroke in a filter or a scroll frame
  // re-renders the table.
  const selectionRef = useRef(selection)
  useLayoutEffect(() => {
    selectionRef.current = selection
  })
  const toggleRow = useCallback((key: string) => {
    const current = selectionRef.current
    if (!current) return
    const next = new Set(current.selected)
    if (next.has(key)) next.delete(key)
    else next.add(key)
    current.onChange(next)
  }, [])

  // The keyboard's focus in a row belongs to that row's item: rows are reused in place
  // (below), so when a scroll moves the item to another row, the focus follows it to the
  // same control there (a Tab walk down the rows scrolls the page a row at a time). When
  // the item leaves the view, or a filter or a refetch takes it away, the focus goes to
  // the table, which says its name, rather than staying on a link that now opens another
  // item or falling back to the page's start.
  const focusedRow = useRef<{ key: string; control: number } | null>(null)
  const rowOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest('tr[aria-rowindex]') : null
  const rowKeyAt = (target: EventTarget | null): string | null => {
    const tr = rowOf(target)
    const row = tr ? rows[Number(tr.getAttribute('aria-rowindex')) - 2] : undefined
    return row === undefined ? null : rowKey(row)
  }
  const controlsOf = (tr: Element) => [...tr.querySelectorAll('a[href], input, button')]
  const noteFocus = (target: EventTarget | null) => {
    const tr = rowOf(target)
    const key = rowKeyAt(tr)
    focusedRow.current =
      tr === null || key === null
        ? null
        : { key, control: controlsOf(tr).findIndex((c) => c === target) }
  }
  useLayoutEffect(() => {
    const had = focusedRow.current
    const body = bodyRef.current
    if (had === null || body === null) return
    const active = document.activeElement
    if (active !== null && body.contains(active) && rowKeyAt(active) === had.key) return
    const tr = [...body.querySelectorAll('tr[aria-rowindex]')].find((r) => rowKeyAt(r) === had.key)
    const control = tr ? controlsOf(tr)[had.control] : undefined
    if (control instanceof HTMLElement) control.focus({ preventScroll: true })
    else {
      focusedRow.current = null
      tableRef.current?.focus({ preventScroll: true })
    }
  })

  // One handler routes every `CellLink` in the table inside the app: a router `Link` per
  // cell costs hooks and effects on each of the rows a keystroke or a scroll mounts.
  const followLink = (event: MouseEvent<HTMLDivElement>) => {
    const href = inAppHref(event)
    if (href === null) return
    event.preventDefault()
    void navigate(href)
  }

  return (
    // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- delegates the links' own clicks (Enter on a link is a click too); not a control of its own
    <div
      className={followPage ? 'table-wrap follows-page' : 'table-wrap'}
      // Wider than its box (headers and statuses that do not fit uncut): the box scrolls
      // sideways, and only sideways, when the rows follow the page.
      data-wide={tableWidth > wrapWidth + 1 ? '' : undefined}
      ref={scrollRef}
      onClick={followLink}
      onFocus={(event) => noteFocus(event.target)}
      onBlur={(event) => {
        const next = event.relatedTarget
        if (!(next instanceof Node && bodyRef.current?.contains(next))) focusedRow.current = null
      }}
    >
      <table
        ref={tableRef}
        className={
          phone
            ? 'data stacked'
            : measuring
              ? 'data measuring'
              : fittedStyle
                ? 'data fitted'
                : 'data'
        }
        // Wider than the room only when headers and statuses do not fit uncut: then the
        // table scrolls sideways inside its box.
        style={
          tableWidth > wrapWidth + 1
            ? { ...fittedStyle, minWidth: tableWidth }
            : (fittedStyle ?? undefined)
        }
        role={role('table')}
        aria-label={label}
        aria-rowcount={rows.length + 1}
        data-selectable={selection ? '' : undefined}
        // Where the focus goes when the item that had it leaves the view (see above).
        tabIndex={-1}
      >
        <colgroup>
          {selection && (
            <col className="col-check" style={widths ? { width: widths[0] } : undefined} />
          )}
          {columns.map((c, i) => {
            const width = widths ? widths[i + (selection ? 1 : 0)] : measuring ? undefined : c.width
            return <col key={c.id} style={width === undefined ? undefined : { width }} />
          })}
        </colgroup>
        <thead role={role('rowgroup')}>
          <tr aria-rowindex={1} role={role('row')}>
            {selection && (
              <th scope="col" role={role('columnheader')} className="col-check">
                <input
                  type="checkbox"
                  aria-label={
                    allSelected
                      ? selection.acrossPages
                        ? t('ui.table.unselectAllShown', { count: rows.length })
                        : t('ui.selection.clear')
                      : t('ui.table.selectAllShown', { count: rows.length })
                  }
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = selectedCount > 0 && !allSelected
                  }}
                  onChange={toggleAll}
                  disabled={rows.length === 0}
                />
              </th>
            )}
            {shownColumns.map((column) => {
              const active = sort?.id === column.id
              const ariaSort = active
                ? sort.desc
                  ? 'descending'
                  : 'ascending'
                : column.sortable
                  ? 'none'
                  : undefined
              return (
                <th
                  key={column.id}
                  scope="col"
                  role={role('columnheader')}
                  aria-sort={ariaSort}
                  data-sortable={column.sortable && onSortChange ? '' : undefined}
                >
                  {column.sortable && onSortChange ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        onSortChange({ id: column.id, desc: active ? !sort.desc : false })
                      }
                    >
                      {column.header}
                      <span
                        aria-hidden="true"
                        className="sort-icon"
                        data-sort={active ? (sort.desc ? 'desc' : 'asc') : 'none'}
                      />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef} role={role('rowgroup')}>
          {padTop > 0 && (
            <tr aria-hidden="true" style={{ height: padTop }}>
              {/* oxlint-disable-next-line jsx-a11y/control-has-associated-label -- spacer of a virtualised table, hidden from assistive tech */}
              <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            const key = rowKey(row)
            // Keyed by place in view: when a scroll, a filter or a sort puts other items
            // there, the rows on screen are updated in place, never unmounted and built
            // again (a fast scroll frame built every row anew) nor moved (a moved row is laid
            // out as a new one). Rows hold no state of their own (the checkbox is
            // controlled); the keyboard's focus follows its item (above). A phone's rows
            // keep their index: each is measured once, when mounted.
            return (
              <DataRow
                key={phone ? item.index : item.index - (first?.index ?? 0)}
                row={row}
                rowKey={key}
                index={item.index}
                columns={shownColumns}
                slots={slots}
                measure={phone ? virtualizer.measureElement : null}
                roles={roles}
                label={selection ? rowLabel(row) : null}
                t={t}
                checked={selection?.selected.has(key) ?? false}
                onToggle={toggleRow}
              />
            )
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" style={{ height: padBottom }}>
              {/* oxlint-disable-next-line jsx-a11y/control-has-associated-label -- spacer of a virtualised table, hidden from assistive tech */}
              <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

/** Column widths fitted to a table's width, for the columns (and language) of `key`. */
interface Fit {
  key: string
  width: number
  widths: number[]
}

/** Each table's last fit, by its name: a table mounted again starts from it (above). */
const lastFits = new Map<string, Fit>()

/** The most columns a fitted table lays out as rows of boxes (styles.css has a rule each). */
const FITTED_COLUMNS = 12

/** The fitted widths as the custom properties the fitted rows' cells take (styles.css). */
function columnWidths(widths: readonly number[]): CSSProperties {
  return Object.fromEntries(widths.map((w, i) => [`--col-${i + 1}`, `${w}px`]))
}

/**
 * The least a row's name (the first column after the checkbox) is cut to when the columns
 * do not all fit: a name cut to a few letters tells rows apart no better than none, so the
 * other columns give way first (and the table scrolls sideways before it goes below this).
 */
const NAME_FLOOR = 160

/** Each column's natural width (automatic layout) and the least it may be cut to. */
function measureColumns(table: HTMLTableElement): ColumnExtent[] {
  const heads = [...(table.tHead?.rows[0]?.cells ?? [])]
  const nameIndex = heads.findIndex((th) => !th.classList.contains('col-check'))
  const body = [...(table.tBodies[0]?.rows ?? [])].filter((r) => !r.hasAttribute('aria-hidden'))
  const range = document.createRange()
  return heads.map((th, i) => {
    const natural = Math.ceil(th.getBoundingClientRect().width)
    // A checkbox is never cut; any other column down to its header, a column of status
    // badges down to its widest badge (a detail beside it, "Started on 3 of 4 servers",
    // may be cut: the tooltip keeps it), a row's name down to NAME_FLOOR.
    if (th.classList.contains('col-check')) return { natural, floor: natural }
    range.selectNodeContents(th)
    const style = getComputedStyle(th)
    const header =
      range.getBoundingClientRect().width +
      parseFloat(style.paddingLeft) +
      parseFloat(style.paddingRight)
    const badges = body.map((r) => statusExtent(r.cells[i]))
    const least = Math.max(Math.ceil(header) + 1, i === nameIndex ? NAME_FLOOR : 0, ...badges)
    return { natural, floor: Math.min(natural, least) }
  })
}

/**
 * The width a cell needs to show its status badge whole (from the cell's start edge to the
 * badge's end, with the cell's end padding), or 0 for a cell without one.
 */
function statusExtent(cell: HTMLTableCellElement | undefined): number {
  const badge = cell?.querySelector('.status')
  if (!cell || !badge) return 0
  const c = cell.getBoundingClientRect()
  const b = badge.getBoundingClientRect()
  const style = getComputedStyle(cell)
  return Math.ceil(
    style.direction === 'rtl'
      ? c.right - b.left + parseFloat(style.paddingLeft)
      : b.right - c.left + parseFloat(style.paddingRight),
  )
}

/** Whether a status badge in the rows in view reaches past its cell (it is cut). */
function clippedStatus(table: HTMLTableElement): boolean {
  for (const badge of table.querySelectorAll('tbody td .status')) {
    const cell = badge.closest('td')
    if (!cell) continue
    const c = cell.getBoundingClientRect()
    const b = badge.getBoundingClientRect()
    if (b.right > c.right + 1 || b.left < c.left - 1) return true
  }
  return false
}

/** The nearest ancestor that scrolls vertically (the page's main region), if any. */
function scrollingAncestor(element: HTMLElement | null): HTMLElement | null {
  for (let el = element?.parentElement; el; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return el
  }
  return null
}

interface DataRowProps<T> {
  row: T
  rowKey: string
  index: number
  columns: readonly Column<T>[]
  /** On a phone: each shown column's place in the stacked row; null for a table row. */
  slots: ReadonlyMap<string, PhoneSlot> | null
  /** On a phone: the virtualiser's measure (a stacked row is as tall as its name needs). */
  measure: ((row: HTMLTableRowElement | null) => void) | null
  /** The row is not laid out as a table's (stacked or fitted): it says its roles itself. */
  roles: boolean
  /** The row's name for its checkbox; null when the table has no selection. */
  label: string | null
  /**
   * The table's `t` (a new one after a switch of language): a hook per row cost every row
   * a scroll frame or a keystroke mounts a subscription to the language.
   */
  t: ReturnType<typeof useT>
  checked: boolean
  onToggle: (key: string) => void
}

/**
 * The row component for rows of type `T`: one row that re-renders only when its data,
 * columns or checkbox change. Made per table (a generic function cannot be memoised
 * once for every `T` without erasing the type of its columns).
 */
function dataRow<T>() {
  return memo(function DataRow({
    row,
    rowKey,
    index,
    columns,
    slots,
    measure,
    roles,
    label,
    t,
    checked,
    onToggle,
  }: DataRowProps<T>) {
    const role = (name: string) => (roles ? name : undefined)
    return (
      <tr
        ref={measure}
        data-index={measure ? index : undefined}
        aria-rowindex={index + 2}
        data-selected={checked || undefined}
        role={role('row')}
      >
        {label !== null && (
          <td role={role('cell')} className="col-check">
            <input
              type="checkbox"
              aria-label={t('ui.table.selectRow', { name: label })}
              checked={checked}
              onChange={() => onToggle(rowKey)}
            />
          </td>
        )}
        {columns.map((column) => {
          const content = column.cell(row)
          // Cells cut long text with an ellipsis: the tooltip keeps all of it.
          return (
            <td
              key={column.id}
              role={role('cell')}
              data-slot={slots?.get(column.id)}
              data-label={slots ? column.header : undefined}
              title={typeof content === 'string' ? content : undefined}
            >
              {isolated(content)}
            </td>
          )
        })}
      </tr>
    )
  })
}

/**
 * A link in a table cell: a plain anchor, followed inside the app by the table's one
 * click handler (a new tab, a download or a modified click is left to the browser).
 */
export function CellLink({ to, children }: { to: string; children: ReactNode }) {
  // The cell cuts a long name with an ellipsis: the tooltip keeps all of it.
  return (
    <a
      href={to}
      title={typeof children === 'string' ? children : undefined}
      className={typeof children === 'string' && children.length > LONG ? 'api-long' : undefined}
    >
      {isolated(children)}
    </a>
  )
}

/** The in-app path a plain left click on a link in the table asks for, or null. */
function inAppHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null
  if (!(anchor instanceof HTMLAnchorElement)) return null
  if (anchor.target !== '' || anchor.hasAttribute('download')) return null
  if (anchor.origin !== window.location.origin) return null
  return `${anchor.pathname}${anchor.search}${anchor.hash}`
}
