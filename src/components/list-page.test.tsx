import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { FreshnessSource } from './freshness.tsx'
import type { ListQueryState } from './list-states.tsx'
import { ListPage } from './list-page.tsx'
import { StatusFacets } from './list-toolbar.tsx'

type Status = 'RUNNING' | 'STOPPED'

function page(query: Partial<ListQueryState>) {
  const state: ListQueryState & FreshnessSource = {
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
