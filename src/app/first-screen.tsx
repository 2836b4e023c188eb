import { useQuery, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { consoleSessionQueries } from '../api/console/session.ts'
import { useT } from '../components/i18n.tsx'
import { LoadingState } from '../components/states.tsx'
import { SignInPage } from '../features/session/sign-in-page.tsx'
import { getConsoleMode } from '../lib/config.ts'
import { loadOnce } from '../lib/load-once.ts'
import { paths, safeReturnTo } from '../lib/paths.ts'
import { getInterruption, subscribeSession } from '../lib/session-store.ts'
import type { ConsoleRouter } from './console-router.tsx'

/**
 * The console's router, created once and when first needed: its module (react-router,
 * every route, the route error page; about 40 kB gzip) loads then.
 */
type LoadRouter = () => Promise<{ router: ConsoleRouter; Provider: RouterProvider }>
type RouterProvider = (typeof import('./console-router.tsx'))['RouterProvider']

/** A memoized loader of the console's router over `queryClient`; a failed load is tried again on the next call. */
export function routerLoader(queryClient: QueryClient): LoadRouter {
  return loadOnce(async () => {
    const module = await import('./console-router.tsx')
    return { router: module.createConsoleRouter(queryClient), Provider: module.RouterProvider }
  }).load
}

/** Where a visit may begin signed out: the addresses whose signed-out page is the sign-in page. */
const SIGN_IN_ADDRESSES: ReadonlySet<string> = new Set(['/', paths.signIn()])

/**
 * Whether this visit needs the router at once: the demo build (its session is in the page),
 * or an address other than `/` and the sign-in page. main.tsx then starts loading it beside
 * the catalogs.
 */
export function routesAtOnce(): boolean {
  return getConsoleMode() === 'demo' || !SIGN_IN_ADDRESSES.has(window.location.pathname)
}

/**
 * The live build's first screen (docs/decisions/027-first-rows-at-fleet-scale.md, "First
 * visit"). A visit to `/` or the sign-in page with no session shows the sign-in page at once,
 * without the router, which loads once the operator is signed in (or at once, for any
 * other address, a session, or in the demo build). The sign-in page is the same as the
 * router's: only where it takes its `returnTo` from and how it leaves differ.
 */
export function FirstScreen({ loadRouter }: { loadRouter: LoadRouter }) {
  // Once the router shows it stays (a later sign-out is the router's to handle), and the
  // sign-in page shown here stays until it is left (its sign-in changes the session).
  const [phase, setPhase] = useState<'deciding' | 'signIn' | 'router'>(() =>
    routesAtOnce() ? 'router' : 'deciding',
  )
  const t = useT()
  const session = useQuery({ ...consoleSessionQueries.state(), enabled: phase === 'deciding' })
  const interruption = useSyncExternalStore(subscribeSession, getInterruption)
  if (phase === 'deciding' && (session.data !== undefined || session.error !== null)) {
    // The router's own rule (RequireSession): with nobody signed in, the sign-in page. A
    // session that could not be read is the router's to say (with its Try again).
    const signedOut =
      session.data !== undefined &&
      !Object.values(session.data.families).some((family) => family.signedIn) &&
      interruption.families.size === 0
    setPhase(signedOut ? 'signIn' : 'router')
  }

  useEffect(() => {
    if (phase !== 'signIn') return
    // As the router's redirect to the sign-in page would: its address, in place of this one.
    const { pathname, search } = window.location
    if (pathname !== paths.signIn())
      window.history.replaceState(null, '', paths.signIn(pathname + search))
  }, [phase])

  const leave = useCallback((to: string) => {
    window.history.replaceState(null, '', to)
    setPhase('router')
  }, [])

  if (phase === 'router') return <Routed loadRouter={loadRouter} />
  if (phase === 'deciding') return <LoadingState label={t('shell.session.loading')} />
  return (
    <SignInPage
      returnTo={safeReturnTo(new URLSearchParams(window.location.search).get('returnTo'))}
      leave={leave}
    />
  )
}

/** The router once loaded; until then what its own first render would show, the loading state. */
function Routed({ loadRouter }: { loadRouter: LoadRouter }) {
  const t = useT()
  const [loaded, setLoaded] = useState<Awaited<ReturnType<LoadRouter>> | null>(null)
  const [failed, setFailed] = useState<unknown>(null)
  useEffect(() => {
    let current = true
    loadRouter().then(
      (next) => {
        if (current) setLoaded(next)
      },
      (error: unknown) => {
        if (current) setFailed(error)
      },
    )
    return () => {
      current = false
    }
  }, [loadRouter])
  // Its code could not load (offline, a new version deployed): AppErrorBoundary says so,
  // with a Reload button.
  if (failed !== null) throw failed
  if (!loaded) return <LoadingState label={t('shell.routes.loading')} />
  return <loaded.Provider router={loaded.router} />
}
