import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter } from 'react-router'
import { createRoutes } from './routes.tsx'

/** The console's router at the page's address, its loaders filling `queryClient` (ADR 020). */
export function createConsoleRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient))
}

export type ConsoleRouter = ReturnType<typeof createConsoleRouter>

export { RouterProvider } from 'react-router/dom'
