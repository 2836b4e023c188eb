import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test } from 'vitest'
import { CellLink, DataTable, type Column } from './data-table.tsx'

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
