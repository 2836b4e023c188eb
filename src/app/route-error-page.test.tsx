import { render, screen } from '@testing-library/react'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { expect, test, vi } from 'vitest'
import { RouteErrorPage } from './route-error-page.tsx'

function Broken(): never {
  throw new Error('cannot read properties of undefined (reading "servers")')
}

test('a page that crashes shows the error and a way back, not a blank screen', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const router = createMemoryRouter(
    [
      { path: '/', element: <p>home</p> },
      { path: '/broken', Component: Broken, ErrorBoundary: RouteErrorPage },
    ],
    { initialEntries: ['/broken'] },
  )
  render(<RouterProvider router={router} />)
  expect(
    await screen.findByRole('heading', { name: 'Something went wrong on this page' }),
  ).toBeInTheDocument()
  expect(screen.getByRole('alert')).toHaveTextContent('reading "servers"')
  expect(screen.getByRole('link', { name: 'Go to the console home' })).toHaveAttribute('href', '/')
  expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument()
})
