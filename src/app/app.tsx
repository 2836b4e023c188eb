import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import type { DemoControls } from '../demo/start-browser.ts'
import { AppErrorBoundary } from './app-error-boundary.tsx'
import { FirstScreen, routerLoader } from './first-screen.tsx'
import { Providers } from './providers.tsx'
import { createQueryClient } from './query-client.ts'

/** Renders the console into `element`. */
export function mountApp(element: HTMLElement, demo: DemoControls | null): void {
  // One query client, which the routes' loaders fill while a page's code loads (ADR 020).
  const queryClient = createQueryClient()
  createRoot(element).render(
    <StrictMode>
      <AppErrorBoundary>
        <Providers queryClient={queryClient} demo={demo}>
          <FirstScreen loadRouter={routerLoader(queryClient)} />
        </Providers>
      </AppErrorBoundary>
    </StrictMode>,
  )
}
