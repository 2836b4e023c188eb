import { act, render, screen } from '@testing-library/react'
import type { ComponentType } from 'react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, Outlet, type RouteObject } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test, vi } from 'vitest'
import { AppErrorBoundary } from './app-error-boundary.tsx'
import { lazyPage } from './lazy-page.tsx'
import { RouteErrorPage } from './route-error-page.tsx'
import { expectConsoleError } from '../test/console-errors.ts'

/** Renders `routes` in a memory router at `path`; returns the router. */
function renderAt(path: string, routes: RouteObject[]) {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  render(<RouterProvider router={router} />)
  return router
}

function Broken(): never {
  throw new Error('cannot read properties of undefined (reading "servers")')
}

function Shell() {
  return (
    <>
      <nav aria-label="Sections">Servers · Applications</nav>
      <Outlet />
    </>
  )
}

function Page() {
  return <h1>Servers page</h1>
}

test('a page that crashes shows the error and a way back, not a blank screen', async () => {
  expectConsoleError(/reading "servers"/)
  renderAt('/broken', [
    { path: '/', element: <p>home</p> },
    { path: '/broken', Component: Broken, ErrorBoundary: RouteErrorPage },
  ])
  expect(
    await screen.findByRole('heading', { name: 'Something went wrong on this page' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('reading "servers"')
  expect(screen.getByRole('link', { name: 'Go to the console home' })).toHaveAttribute('href', '/')
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
})

test('a page whose code cannot load keeps the shell, says why, and loads by itself once back online', async () => {
  // The first import fails as Chromium reports an unreachable chunk; the next succeeds.
  const load = vi
    .fn<() => Promise<ComponentType>>()
    .mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module: /assets/servers-page-1a2b.js'),
    )
    .mockResolvedValue(Page)
  const router = renderAt('/servers?sort=name', [
    {
      path: '/',
      Component: Shell,
      ErrorBoundary: RouteErrorPage,
      children: [{ path: 'servers', ErrorBoundary: RouteErrorPage, lazy: lazyPage(load) }],
    },
  ])
  expect(
    await screen.findByRole('heading', {
      name: 'The console was updated, or the network is down',
    }),
  ).toBeInTheDocument()
  expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()

  act(() => {
    window.dispatchEvent(new Event('online'))
  })
  // The router loads the route again: under a full run's load this took over a second.
  expect(
    await screen.findByRole('heading', { name: 'Servers page' }, { timeout: 5000 }),
  ).toBeInTheDocument()
  expect(router.state.location.search).toBe('?sort=name')
  expect(load).toHaveBeenCalledTimes(2)
})

test('Try again loads a failed page again without reloading the console; a second failure says so again', async () => {
  const load = vi
    .fn<() => Promise<ComponentType>>()
    .mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
    .mockRejectedValueOnce(new TypeError('Importing a module script failed.'))
    .mockResolvedValue(Page)
  renderAt('/servers', [{ path: '/servers', ErrorBoundary: RouteErrorPage, lazy: lazyPage(load) }])
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'Try again' }))
  expect(await screen.findByRole('button', { name: 'Try again' })).toBeEnabled()
  expect(screen.getByRole('alert')).toHaveTextContent('could not be loaded')
  await user.click(screen.getByRole('button', { name: 'Try again' }))
  expect(await screen.findByRole('heading', { name: 'Servers page' })).toBeInTheDocument()
  expect(load).toHaveBeenCalledTimes(3)
})

test('a module that loads but fails to evaluate reaches the route error boundary', async () => {
  expectConsoleError(/process is not defined/)
  const load = vi
    .fn<() => Promise<ComponentType>>()
    .mockRejectedValue(new ReferenceError('process is not defined'))
  renderAt('/servers', [{ path: '/servers', ErrorBoundary: RouteErrorPage, lazy: lazyPage(load) }])
  expect(
    await screen.findByRole('heading', { name: 'Something went wrong on this page' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('process is not defined')
})

test('the last-resort boundary shows a message and Reload when anything above the routes fails', () => {
  expectConsoleError(/reading "servers"/)
  render(
    <AppErrorBoundary>
      <Broken />
    </AppErrorBoundary>,
  )
  expect(screen.getByRole('alert')).toHaveTextContent('reading "servers"')
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
})
