import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test, vi } from 'vitest'
import type { SortState } from './data-table.tsx'
import type { FreshnessSource } from './freshness.tsx'
import type { ListQueryState } from './list-states.tsx'
import { ListPage } from './list-page.tsx'
import { removeAction, StatusFacets } from './list-toolbar.tsx'
import { useRowSelection } from './use-row-selection.ts'

type Status = 'RUNNING' | 'STOPPED'

function queryState(query: Partial<ListQueryState>): ListQueryState & FreshnessSource {
  return {
    isPending: false,
    isError: false,
    isFetching: false,
    isRefetchError: false,
    error: null,
    data: undefined,
    dataUpdatedAt: 0,
    errorUpdatedAt: 0,
    refetch: () => Promise.resolve(),
    ...query,
  }
}

function page(query: Partial<ListQueryState>) {
  const state = queryState(query)
  return (
    <ListPage
      title="Servers"
      toolbar={
        <StatusFacets<Status, Status>
          label="Status"
          facets={['RUNNING', 'STOPPED']}
          active={[]}
          labelFor={(s) => (s === 'RUNNING' ? 'Running' : 'Stopped')}
          countFor={(s) => (s === 'RUNNING' ? 12_000 : 0)}
          onChange={() => undefined}
        />
      }
      query={state}
      nouns={['server', 'servers']}
      total={12_000}
      shown={12_000}
      empty={null}
      onClear={() => undefined}
    >
      <table aria-label="Servers" />
    </ListPage>
  )
}

test('facet counts are "—" while unknown (loading, or the first load failed), never 0', () => {
  const { rerender } = render(page({ isPending: true }))
  expect(screen.getByRole('button', { name: 'Running —' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Stopped —' })).toBeInTheDocument()
  rerender(page({ isError: true, error: new Error('Network down') }))
  expect(screen.getByRole('button', { name: 'Stopped —' })).toBeInTheDocument()
  rerender(page({ data: {} }))
  // Known: written with grouping, and a real 0 is 0.
  expect(screen.getByRole('button', { name: 'Running 12,000' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Stopped 0' })).toBeInTheDocument()
  expect(screen.getByRole('group', { name: 'Status' })).toHaveClass('segmented')
})

interface Item {
  id: number
  name: string
}

const itemKey = (item: Item) => String(item.id)

function TablePage({
  rows,
  sort,
  onRemove,
}: {
  rows: Item[]
  sort: { params: { sort: SortState }; set: (change: { sort: SortState }) => void }
  onRemove: (items: readonly Item[]) => void
}) {
  const selection = useRowSelection(rows, itemKey)
  return (
    <ListPage
      title="Items"
      count={{ where: 'Production', filtered: true }}
      query={queryState({ data: {} })}
      nouns={['item', 'items']}
      total={3}
      empty={null}
      onClear={() => undefined}
      table={{
        label: 'Items',
        rows,
        columns: [{ id: 'name', header: 'Name', cell: (item) => item.name, sortable: true }],
        rowKey: itemKey,
        rowLabel: (item) => item.name,
        sort,
        bulk: {
          selection,
          actions: [
            removeAction('Remove selected…', { allowed: true }, () =>
              onRemove(selection.selectedRows),
            ),
          ],
        },
      }}
    />
  )
}

test('a table given as data: its rows are the ones shown, its checkboxes the bulk bar, its sort the list', async () => {
  const user = userEvent.setup()
  const set = vi.fn<(change: { sort: SortState }) => void>()
  const onRemove = vi.fn<(items: readonly Item[]) => void>()
  const rows = [
    { id: 1, name: 'orders-api' },
    { id: 2, name: 'billing-sync' },
  ]
  const element = (
    <TablePage
      rows={rows}
      sort={{ params: { sort: { id: 'name', desc: false } }, set }}
      onRemove={onRemove}
    />
  )
  // The table navigates (a row's link), so it wants a router.
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element }])} />)
  expect(screen.getByText(/3 in/)).toHaveTextContent('3 in Production · 2 shown')
  const table = screen.getByRole('table', { name: 'Items' })
  expect(within(table).getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await user.click(within(table).getByRole('button', { name: /Name/ }))
  expect(set).toHaveBeenCalledWith({ sort: { id: 'name', desc: true } })

  expect(screen.queryByRole('button', { name: 'Remove selected…' })).toBeNull()
  await user.click(within(table).getByRole('checkbox', { name: 'Select billing-sync' }))
  expect(screen.getByText('1 selected')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Select all 2 matching' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Remove selected…' }))
  expect(onRemove).toHaveBeenCalledWith([{ id: 2, name: 'billing-sync' }])
})
