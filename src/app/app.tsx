import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import type { DemoControls } from '../demo/start-browser.ts'
import { AppErrorBoundary } from './app-error-boundary.tsx'
import { Providers } from './providers.tsx'
import { createQueryClient } from './query-client.ts'
import { createRoutes } from './routes.tsx'

/** Renders the console into `element`. */
export function mountApp(element: HTMLElement, demo: DemoControls | null): void {
  // One query client, which the routes' loaders fill while a page's code loads (ADR 020).
  const queryClient = createQueryClient()
  const router = createBrowserRouter(createRoutes(queryClient))
  createRoot(element).render(
    <StrictMode>
      <AppErrorBoundary>
        <Providers queryClient={queryClient} demo={demo}>
          <RouterProvider router={router} />
        </Providers>
      </AppErrorBoundary>
    </StrictMode>,
  )
}
