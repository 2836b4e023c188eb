import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect, useState } from 'react'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test, vi } from 'vitest'
import { CellLink, DataTable, fitColumns, phoneSlots, type Column } from './data-table.tsx'
import { setLanguage } from '../lib/i18n.ts'
import { PHONE_QUERY } from './use-media-query.ts'

interface Item {
  id: number
  name: string
}

const columns: Column<Item>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (item) => <CellLink to={`/items/${item.id}`}>{item.name}</CellLink>,
  },
]

function ItemTable({ items }: { items: Item[] }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [filter, setFilter] = useState('')
  const rows = items.filter((item) => item.name.includes(filter))
  return (
    <>
      <input aria-label="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <DataTable
        label="Items"
        rows={rows}
        columns={columns}
        rowKey={(item) => String(item.id)}
        rowLabel={(item) => item.name}
        selection={{ selected, onChange: setSelected }}
      />
    </>
  )
}

function renderTable(items: Item[]) {
  const router = createMemoryRouter(
    [
      { path: '/', element: <ItemTable items={items} /> },
      { path: '/items/:id', element: <p>Item page</p> },
    ],
    { initialEntries: ['/'] },
  )
  render(<RouterProvider router={router} />)
  return { router, user: userEvent.setup() }
}

const items = [
  { id: 1, name: 'orders-api' },
  { id: 2, name: 'billing-sync' },
  { id: 3, name: 'orders-events' },
]

test('a link in a cell opens its page inside the app, by mouse or by keyboard', async () => {
  const { router, user } = renderTable(items)
  await user.click(screen.getByRole('link', { name: 'billing-sync' }))
  expect(router.state.location.pathname).toBe('/items/2')
  expect(screen.getByText('Item page')).toBeInTheDocument()

  await router.navigate('/')
  ;(await screen.findByRole('link', { name: 'orders-events' })).focus()
  await user.keyboard('{Enter}')
  expect(router.state.location.pathname).toBe('/items/3')
})

test('a modified click is left to the browser (a new tab), not taken over by the app', () => {
  const { router } = renderTable(items)
  const link = screen.getByRole('link', { name: 'orders-api' })
  expect(link).toHaveAttribute('href', '/items/1')
  // fireEvent returns false when a handler called preventDefault.
  expect(fireEvent.click(link, { ctrlKey: true })).toBe(true)
  expect(fireEvent.click(link, { button: 1 })).toBe(true)
  expect(router.state.location.pathname).toBe('/')
})

test('rows reused for other items after a filter show the new items and their own selection', async () => {
  const { user } = renderTable(items)
  await user.click(screen.getByRole('checkbox', { name: 'Select orders-api' }))
  await user.type(screen.getByRole('textbox', { name: 'Filter' }), 'sync')
  const table = screen.getByRole('table', { name: 'Items' })
  expect(within(table).getByRole('link', { name: 'billing-sync' })).toHaveAttribute(
    'href',
    '/items/2',
  )
  expect(within(table).queryByRole('link', { name: 'orders-api' })).toBeNull()
  expect(within(table).getByRole('checkbox', { name: 'Select billing-sync' })).not.toBeChecked()
  await user.clear(screen.getByRole('textbox', { name: 'Filter' }))
  expect(within(table).getByRole('checkbox', { name: 'Select orders-api' })).toBeChecked()
})

test("a switch of language reaches every row's checkbox (rows take the table's t, not a hook of their own)", async () => {
  renderTable(items)
  await act(() => setLanguage('de', { remember: false }))
  try {
    expect(screen.getByRole('checkbox', { name: 'orders-api auswählen' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'billing-sync auswählen' })).toBeInTheDocument()
  } finally {
    await act(() => setLanguage('en', { remember: false }))
  }
  expect(screen.getByRole('checkbox', { name: 'Select orders-api' })).toBeInTheDocument()
})

test('a row renders again only when its own data or checkbox changes, and toggles the latest selection', async () => {
  const renders = new Map<number, number>()
  const counted: Column<Item>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (item) => {
        renders.set(item.id, (renders.get(item.id) ?? 0) + 1)
        return item.name
      },
    },
  ]
  function Counted() {
    const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
    const [, setTick] = useState(0)
    return (
      <>
        <button type="button" onClick={() => setTick((n) => n + 1)}>
          Render again
        </button>
        <DataTable
          label="Items"
          rows={items}
          columns={counted}
          rowKey={(item) => String(item.id)}
          rowLabel={(item) => item.name}
          selection={{ selected, onChange: setSelected }}
        />
      </>
    )
  }
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element: <Counted /> }])} />)
  const user = userEvent.setup()
  expect([...renders.values()]).toEqual([1, 1, 1])
  await user.click(screen.getByRole('button', { name: 'Render again' }))
  expect([...renders.values()]).toEqual([1, 1, 1])
  await user.click(screen.getByRole('checkbox', { name: 'Select billing-sync' }))
  expect([...renders.values()]).toEqual([1, 2, 1])
  // The second toggle reads the selection the first one made: both stay selected.
  await user.click(screen.getByRole('checkbox', { name: 'Select orders-api' }))
  expect(screen.getByRole('checkbox', { name: 'Select billing-sync' })).toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Select orders-api' })).toBeChecked()
  expect([...renders.values()]).toEqual([2, 2, 1])
})

/** A media query list whose phone query matches while `state.matches`. */
class FakeMediaQueryList extends EventTarget implements MediaQueryList {
  onchange: MediaQueryList['onchange'] = null
  readonly media: string
  readonly state: { matches: boolean }
  constructor(media: string, state: { matches: boolean }) {
    super()
    this.media = media
    this.state = state
  }
  get matches() {
    return this.media === PHONE_QUERY && this.state.matches
  }
  addListener() {}
  removeListener() {}
}

/** Mocks `matchMedia` at a phone width or not; `set` changes it and fires the change. */
function mockPhoneWidth(initially: boolean) {
  const state = { matches: initially }
  const lists = new Set<FakeMediaQueryList>()
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const list = new FakeMediaQueryList(query, state)
    lists.add(list)
    return list
  })
  return {
    set(matches: boolean) {
      state.matches = matches
      act(() => {
        for (const list of lists) list.dispatchEvent(new Event('change'))
      })
    },
  }
}

interface Server {
  id: number
  name: string
  status: string
  type: string
  version: string
  agent: string
}

const serverColumns: Column<Server>[] = [
  { id: 'name', header: 'Name', cell: (s) => <CellLink to={`/items/${s.id}`}>{s.name}</CellLink> },
  { id: 'type', header: 'Type', cell: (s) => s.type },
  { id: 'status', header: 'Status', cell: (s) => s.status, sortable: true },
  { id: 'version', header: 'Runtime', cell: (s) => s.version },
  { id: 'agent', header: 'Agent', cell: (s) => s.agent },
]

function renderServers(servers: Server[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <DataTable
            label="Servers"
            rows={servers}
            columns={serverColumns}
            rowKey={(s) => String(s.id)}
            rowLabel={(s) => s.name}
            sort={{ id: 'status', desc: false }}
            onSortChange={() => undefined}
            selection={{ selected: new Set(), onChange: () => undefined }}
          />
        ),
      },
    ],
    { initialEntries: ['/'] },
  )
  render(<RouterProvider router={router} />)
}

const servers: Server[] = [
  { id: 1, name: 'web-1', status: 'Running', type: 'Mule', version: '4.4.0', agent: '2.5' },
  { id: 2, name: 'web-2', status: 'Stopped', type: 'Gateway', version: '4.3.1', agent: '2.4' },
]

test('at a phone width each row is stacked: name and status first, two details, the checkbox kept', () => {
  mockPhoneWidth(true)
  renderServers(servers)
  const table = screen.getByRole('table', { name: 'Servers' })
  expect(table).toHaveClass('stacked')
  const row = within(table).getAllByRole('row')[1]!
  const cells = within(row).getAllByRole('cell')
  // The checkbox, then the name and the status (first line), then Type and Runtime; Agent
  // (a fifth column) is left out on a phone.
  expect(within(cells[0]!).getByRole('checkbox', { name: 'Select web-1' })).toBeInTheDocument()
  expect(cells.slice(1).map((c) => [c.dataset.slot, c.textContent])).toEqual([
    ['title', 'web-1'],
    ['detail-1', 'Mule'],
    ['status', 'Running'],
    ['detail-2', '4.4.0'],
  ])
  expect(within(table).queryByText('2.5')).toBeNull()
  // The header keeps the sort control and its aria-sort.
  expect(within(table).getByRole('columnheader', { name: 'Status' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
})

test('crossing the phone breakpoint switches between table rows and stacked rows', () => {
  const width = mockPhoneWidth(false)
  renderServers(servers)
  const table = screen.getByRole('table', { name: 'Servers' })
  expect(table).not.toHaveClass('stacked')
  expect(within(table).getByText('2.5')).toBeInTheDocument()
  width.set(true)
  expect(table).toHaveClass('stacked')
  expect(within(table).queryByText('2.5')).toBeNull()
  width.set(false)
  expect(table).not.toHaveClass('stacked')
  expect(within(table).getByText('2.4')).toBeInTheDocument()
})

test('a column may say where it goes on a phone', () => {
  expect([
    ...phoneSlots<Server>([
      { id: 'name', header: 'Name', cell: (s) => s.name },
      { id: 'type', header: 'Type', cell: (s) => s.type, phone: 'hidden' },
      { id: 'state', header: 'State', cell: (s) => s.status, phone: 'primary' },
      { id: 'agent', header: 'Agent', cell: (s) => s.agent },
    ]),
  ]).toEqual([
    ['name', 'title'],
    ['state', 'status'],
    ['agent', 'detail-1'],
  ])
})

test('a sort header shows an icon, not a character', () => {
  mockPhoneWidth(false)
  renderServers(servers)
  const header = screen.getByRole('columnheader', { name: 'Status' })
  expect(header.textContent).toBe('Status')
  expect(header.querySelector('.sort-icon')).toHaveAttribute('data-sort', 'asc')
})

test('columns take their content width, and when short of room the widest are cut first, never below a floor', () => {
  const name = { natural: 300, floor: 60 }
  const status = { natural: 180, floor: 180 }
  const size = { natural: 70, floor: 50 }
  // Room to spare: every column grows in proportion to its content.
  expect(fitColumns([name, status, size], 1100)).toEqual([600, 360, 140])
  // Short of room: the name (widest) gives way; the status and the size keep all they hold.
  const tight = fitColumns([name, status, size], 450)
  expect(tight[0]).toBeCloseTo(200, 0)
  expect(tight.slice(1)).toEqual([180, 70])
  // Two wide columns are cut to one common width; the short one stays whole.
  const two = fitColumns([name, { natural: 260, floor: 60 }, size], 370)
  expect(two[0]).toBeCloseTo(150, 0)
  expect(two[1]).toBeCloseTo(150, 0)
  expect(two[2]).toBe(70)
  // Less room than the floors: the floors (the table scrolls sideways instead of cutting).
  expect(fitColumns([name, status, size], 200)).toEqual([60, 180, 50])
})

/** 10,000 items in a table whose rows follow the page's scrolling region (the shell's main). */
function renderPageFollowingTable() {
  mockPhoneWidth(false)
  const many = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `item-${i}` }))
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <div role="region" aria-label="Page" style={{ overflowY: 'auto' }}>
            <DataTable
              label="Items"
              rows={many}
              columns={columns}
              rowKey={(item) => String(item.id)}
              rowLabel={(item) => item.name}
              followPage
            />
          </div>
        ),
      },
    ],
    { initialEntries: ['/'] },
  )
  render(<RouterProvider router={router} />)
  return {
    table: screen.getByRole('table', { name: 'Items' }),
    page: screen.getByRole('region', { name: 'Page' }),
  }
}

test('a list that follows the page is no box of its own and stays virtualised against the page’s scroll', () => {
  const { table, page } = renderPageFollowingTable()
  expect(table.parentElement).toHaveClass('follows-page')
  // A window's worth of rows, not ten thousand.
  const shown = () =>
    within(table)
      .getAllByRole('link')
      .map((a) => a.textContent)
  expect(shown().length).toBeLessThan(100)
  expect(shown()).toContain('item-0')
  // Scrolling the page (not the table) brings rows far down into view.
  act(() => {
    page.scrollTop = 40 * 5_000
    page.dispatchEvent(new Event('scroll'))
  })
  expect(shown()).toContain('item-5000')
  expect(shown()).not.toContain('item-0')
})

test('a scroll updates the rows in place; the focus follows its item while it is in view, then goes to the table', () => {
  const { table, page } = renderPageFollowingTable()
  const link = within(table).getByRole('link', { name: 'item-5' })
  act(() => link.focus())
  expect(link).toHaveFocus()

  // A few rows down (as the keyboard's Tab scrolls the page): the rows are updated in
  // place, and the focus follows item-5 to the row that shows it now.
  act(() => {
    page.scrollTop = 40 * 4
    page.dispatchEvent(new Event('scroll'))
  })
  expect(within(table).queryByRole('link', { name: 'item-0' })).toBeNull()
  expect(within(table).getByRole('link', { name: 'item-5' })).toHaveFocus()

  act(() => {
    page.scrollTop = 40 * 5_000
    page.dispatchEvent(new Event('scroll'))
  })
  // The same element, now another item's: rows are reused, not built again.
  expect(link).toBeInTheDocument()
  expect(link.textContent).not.toBe('item-5')
  // So the focus is not left on a link that would open another item.
  expect(table).toHaveFocus()
})

test('the focus in a row follows its item when a refetch moves it, and goes to the table when the item is gone', () => {
  mockPhoneWidth(false)
  // A refetch as the page gets it: new rows from outside, while the focus stays in a row.
  const refetches = new EventTarget()
  let answer = items
  const refetch = (rows: Item[]) =>
    act(() => {
      answer = rows
      refetches.dispatchEvent(new Event('answer'))
    })
  function Refetching() {
    const [rows, setRows] = useState(items)
    useEffect(() => {
      const take = () => setRows(answer)
      refetches.addEventListener('answer', take)
      return () => refetches.removeEventListener('answer', take)
    }, [])
    return (
      <DataTable
        label="Items"
        rows={rows}
        columns={columns}
        rowKey={(i) => String(i.id)}
        rowLabel={(i) => i.name}
      />
    )
  }
  const router = createMemoryRouter([{ path: '/', element: <Refetching /> }], {
    initialEntries: ['/'],
  })
  render(<RouterProvider router={router} />)
  const table = screen.getByRole('table', { name: 'Items' })
  const second = within(table).getByRole('link', { name: 'billing-sync' })
  act(() => second.focus())

  // Renamed, same item, same place: the focus stays.
  refetch(items.map((i) => (i.id === 2 ? { ...i, name: 'billing-sync-v2' } : i)))
  expect(second).toHaveFocus()
  expect(second).toHaveTextContent('billing-sync-v2')

  // The first item deleted: billing-sync moves up a row, and the focus goes with it.
  refetch(items.filter((i) => i.id !== 1))
  expect(second).toHaveTextContent('orders-events')
  expect(within(table).getByRole('link', { name: 'billing-sync' })).toHaveFocus()

  // billing-sync deleted too: the focus goes to the table, not to what took its place.
  refetch(items.filter((i) => i.id === 3))
  expect(table).toHaveFocus()
})
