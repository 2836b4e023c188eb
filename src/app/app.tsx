import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { DemoControls } from '../demo/start-browser.ts'
import { AppErrorBoundary } from './app-error-boundary.tsx'
import { FirstScreen, routerLoader, routesAtOnce } from './first-screen.tsx'
import { Providers } from './providers.tsx'
import { createQueryClient } from './query-client.ts'

/** Renders the console into `element`. */
export function mountApp(element: HTMLElement, demo: DemoControls | null): void {
  // One query client, which the routes' loaders fill while a page's code loads (ADR 020).
  const queryClient = createQueryClient()
  const loadRouter = routerLoader(queryClient)
  // The router starts reading the address's data as soon as it is made: made now, beside
  // React's first render, not after that render's commit and effect (about 100 ms of a cold
  // load, issue 17). A failure is left to the first screen, which asks again and says so.
  if (routesAtOnce()) loadRouter().catch(() => undefined)
  createRoot(element).render(
    <StrictMode>
      <AppErrorBoundary>
        <Providers queryClient={queryClient} demo={demo}>
          <FirstScreen loadRouter={loadRouter} />
        </Providers>
      </AppErrorBoundary>
    </StrictMode>,
  )
}
