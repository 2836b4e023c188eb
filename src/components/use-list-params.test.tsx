import { act, render, screen, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import { listParam, pageParam, sortParam, textParam } from '../lib/list-params.ts'
import { useListParams, useListSearch } from './use-list-params.ts'

const schema = z.object({
  q: textParam(),
  status: listParam(['RUNNING', 'CREATED']),
  page: pageParam(),
  sort: sortParam(['name', 'status']),
})

type Api = ReturnType<typeof useListParams<typeof schema>>

function Probe({ expose }: { expose: (api: Api) => void }) {
  const api = useListParams(schema)
  useEffect(() => expose(api))
  return <output>{JSON.stringify(api.params)}</output>
}

function setup(url: string) {
  let api: Api | undefined
  const expose = (latest: Api) => {
    api = latest
  }
  const router = createMemoryRouter([{ path: '/', element: <Probe expose={expose} /> }], {
    initialEntries: ['/start', url],
    initialIndex: 1,
  })
  render(<RouterProvider router={router} />)
  const hook = () => {
    if (!api) throw new Error('not rendered')
    return api
  }
  return { router, hook }
}

test('reads defaults for missing and invalid parameters', () => {
  const { hook } = setup('/?status=NOPE&page=x&sort=-status')
  expect(hook().params).toEqual({
    q: '',
    status: [],
    page: 1,
    sort: { id: 'status', desc: true },
  })
})

test('a change replaces the entry, keeps the other parameters and leaves defaults out', () => {
  const { router, hook } = setup('/?tx=errors&q=a&page=2')
  act(() => hook().set({ q: 'ab', page: 1 }))
  expect(router.state.location.search).toBe('?tx=errors&q=ab')
  expect(router.state.historyAction).toBe('REPLACE')
  expect(screen.getByRole('status', { hidden: true }).textContent ?? '').toContain('"q":"ab"')
})

test('navigation pushes a history entry', () => {
  const { router, hook } = setup('/?q=a')
  act(() => hook().set({ page: 3 }, { history: 'push' }))
  expect(router.state.location.search).toBe('?q=a&page=3')
  expect(router.state.historyAction).toBe('PUSH')
})

test('clear puts every field back to its default and keeps what the list does not own', () => {
  const { router, hook } = setup('/?q=a&status=RUNNING&sort=status&tx=errors')
  act(() => hook().clear())
  expect(router.state.location.search).toBe('?tx=errors')
  expect(hook().params.status).toEqual([])
})

type SearchApi = ReturnType<typeof useListSearch<typeof schema>>

function SearchProbe({ expose }: { expose: (api: SearchApi) => void }) {
  const api = useListSearch(schema)
  useEffect(() => expose(api))
  return null
}

test('useListSearch: the text filters at once, reaches the URL after a pause, and clear drops it', async () => {
  let api: SearchApi | undefined
  const expose = (latest: SearchApi) => {
    api = latest
  }
  const router = createMemoryRouter([{ path: '/', element: <SearchProbe expose={expose} /> }], {
    initialEntries: ['/?status=RUNNING&tx=errors'],
  })
  render(<RouterProvider router={router} />)
  const hook = () => {
    if (!api) throw new Error('not rendered')
    return api
  }
  act(() => hook().setText('ord'))
  expect(hook().filters.q).toBe('ord')
  expect(hook().filtered).toBe(true)
  expect(router.state.location.search).toBe('?status=RUNNING&tx=errors')
  const typed = hook().filters
  await waitFor(() => expect(router.state.location.search).toBe('?tx=errors&q=ord&status=RUNNING'))
  // The URL caught up with the text: the filters are the same object.
  expect(hook().filters).toBe(typed)
  act(() => hook().setText('orders'))
  act(() => hook().clear())
  expect(hook().text).toBe('')
  expect(hook().filtered).toBe(false)
  expect(router.state.location.search).toBe('?tx=errors')
})
