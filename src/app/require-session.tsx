import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { consoleSessionQueries } from '../api/console/session.ts'
import { ErrorPanel } from '../components/error-panel.tsx'
import { useT } from '../components/i18n.tsx'
import { LoadingState } from '../components/states.tsx'
import { getConsoleMode } from '../lib/config.ts'
import { paths } from '../lib/paths.ts'
import { getInterruption, getSession, subscribeSession } from '../lib/session-store.ts'

/**
 * Sends an operator with no session at all to the sign-in page, remembering where they were
 * going. A session lost mid-way (a 401, an expiry) is not "no session": its sign-in is
 * asked for over the page (SessionPrompt), which keeps everything on it.
 */
export function RequireSession() {
  return getConsoleMode() === 'live' ? <RequireLiveSession /> : <RequireDemoSession />
}

function SignInPageRedirect() {
  const location = useLocation()
  return <Navigate to={paths.signIn(location.pathname + location.search)} replace />
}

function RequireDemoSession() {
  const session = useSyncExternalStore(subscribeSession, getSession)
  const interruption = useSyncExternalStore(subscribeSession, getInterruption)
  if (!session && interruption.families.size === 0) return <SignInPageRedirect />
  return <Outlet />
}

function RequireLiveSession() {
  const state = useQuery(consoleSessionQueries.state())
  const t = useT()
  const interruption = useSyncExternalStore(subscribeSession, getInterruption)
  if (state.error) {
    return (
      <main className="signin">
        <ErrorPanel
          error={state.error}
          title={t('shell.session.failed')}
          onRetry={() => void state.refetch()}
          retrying={state.isFetching}
        />
      </main>
    )
  }
  if (!state.data) return <LoadingState label={t('shell.session.loading')} />
  const anyone = Object.values(state.data.families).some((f) => f.signedIn)
  if (!anyone && interruption.families.size === 0) return <SignInPageRedirect />
  return <Outlet />
}
