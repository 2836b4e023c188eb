import { configure, render } from '@testing-library/react'
import type { ReactNode } from 'react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { Providers } from '../app/providers.tsx'
import { createQueryClient } from '../app/query-client.ts'
import { createRoutes } from '../app/routes.tsx'

// The first render of a page loads its lazy route module; give it room on a busy machine.
configure({ asyncUtilTimeout: 5000 })

/**
 * Renders the whole console (real routes, providers and query client, no retries) at
 * `path`, in memory. Pair with `setupTestBackend` and `signInAs` for a backend and a session.
 */
export function renderApp(path: string) {
  // One query client per render, shared by the routes' loaders and the pages.
  const queryClient = createQueryClient({ retry: false })
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] })
  const user = userEvent.setup()
  const view = render(
    <Providers queryClient={queryClient} demo={null}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { ...view, router, queryClient, user }
}

/**
 * Renders one component inside the console's providers (query client without retries,
 * languages, tooltips, toasts) but without routes: for a part of a page that needs no URL.
 */
export function renderInProviders(ui: ReactNode) {
  const queryClient = createQueryClient({ retry: false })
  return {
    ...render(
      <Providers queryClient={queryClient} demo={null}>
        {ui}
      </Providers>,
    ),
    queryClient,
    user: userEvent.setup(),
  }
}

/** The current location of a rendered app: path and search. */
export function locationOf(router: ReturnType<typeof createMemoryRouter>): string {
  return router.state.location.pathname + router.state.location.search
}
