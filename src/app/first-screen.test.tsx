import { configure, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { paths } from '../lib/paths.ts'
import { setupLiveTestServer } from '../test/console-server.ts'
import { FirstScreen, routerLoader } from './first-screen.tsx'
import { Providers } from './providers.tsx'
import { createQueryClient } from './query-client.ts'

// Live mode, as the live build's first visit: the sign-in page comes before the router.
const live = setupLiveTestServer()

// The router's code and a page's load after the sign-in; give them room on a busy machine.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => window.history.replaceState(null, '', '/'))

/** Renders the console as main.tsx does, at `path`, counting the router's loads. */
function openAt(path: string) {
  window.history.replaceState(null, '', path)
  const queryClient = createQueryClient({ retry: false })
  const loadRouter = vi.fn<ReturnType<typeof routerLoader>>(routerLoader(queryClient))
  const user = userEvent.setup()
  render(
    <Providers queryClient={queryClient} demo={null}>
      <FirstScreen loadRouter={loadRouter} />
    </Providers>,
  )
  return { user, loadRouter }
}

function firstEnvId(): string {
  const first = live.console.backend.db.environments[0]
  if (!first) throw new Error('The demo organization has no environment.')
  return first.id
}

test(
  'signed out at /, the sign-in page shows without the router, which loads once signed in',
  { timeout: 20_000 },
  async () => {
    const { user, loadRouter } = openAt('/')
    expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
    // The address the router's redirect gave: the sign-in page, in place of `/`.
    expect(window.location.pathname + window.location.search).toBe(paths.signIn())
    expect(loadRouter).not.toHaveBeenCalled()
    await user.type(screen.getByLabelText('Client ID'), 'demo-operator')
    await user.type(screen.getByLabelText('Client secret'), 'demo-operator-secret')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
    expect(window.location.pathname).toBe(paths.servers(firstEnvId()))
    expect(loadRouter).toHaveBeenCalled()
  },
)

test(
  "the sign-in page's returnTo is where the first screen goes once signed in",
  { timeout: 20_000 },
  async () => {
    const target = paths.applications(firstEnvId())
    const { user } = openAt(paths.signIn(target))
    expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
    expect(window.location.pathname + window.location.search).toBe(paths.signIn(target))
    await user.type(screen.getByLabelText('Client ID'), 'demo-operator')
    await user.type(screen.getByLabelText('Client secret'), 'demo-operator-secret')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('table', { name: 'Applications' })).toBeInTheDocument()
    expect(window.location.pathname).toBe(target)
  },
)

test(
  'signed in at /, the router opens the environment as before',
  { timeout: 20_000 },
  async () => {
    live.console.signIn('arm')
    const { loadRouter } = openAt('/')
    expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
    expect(window.location.pathname).toBe(paths.servers(firstEnvId()))
    expect(loadRouter).toHaveBeenCalled()
  },
)

test('any other address loads the router at once', { timeout: 20_000 }, async () => {
  const { loadRouter } = openAt(paths.servers(firstEnvId()))
  // Signed out: the router's own redirect to the sign-in page, which keeps the address.
  expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
  expect(loadRouter).toHaveBeenCalled()
  expect(window.location.pathname + window.location.search).toBe(
    paths.signIn(paths.servers(firstEnvId())),
  )
})
