import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { consoleSessionQueries } from '../../api/console/session.ts'
import { getConsoleMode } from '../../lib/config.ts'
import { safeReturnTo } from '../../lib/paths.ts'
import { getSession, getSessionEndReason, subscribeSession } from '../../lib/session-store.ts'
import { ClientCredentialsSignIn, FamilySignIn, type SignInPreset } from './sign-in-forms.tsx'

export type { SignInPreset }

/**
 * The sign-in page, for a console with no session at all. Demo mode: a connected app's
 * client credentials (or a demo identity). Live mode: Runtime Manager's sign-in through the
 * console's server, which every page needs (organization, environments); the other
 * families are signed in where their pages are.
 */
export function SignInPage({ presets }: { presets?: readonly SignInPreset[] }) {
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  const navigate = useNavigate()
  const live = getConsoleMode() === 'live'
  const demoSession = useSyncExternalStore(subscribeSession, getSession)
  const liveSession = useQuery({ ...consoleSessionQueries.state(), enabled: live })
  const expired = !live && getSessionEndReason() === 'expired'
  const signedIn = live ? liveSession.data?.families.arm.signedIn === true : demoSession !== null

  if (signedIn) return <Navigate to={returnTo} replace />
  const done = () => void navigate(returnTo, { replace: true })

  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in to Runtime Console</h1>
        {expired && (
          <div className="alert alert-warn" role="status">
            Your session expired. Sign in again to continue where you were.
          </div>
        )}
        {live ? (
          <>
            <p className="muted" style={{ margin: 0 }}>
              Sign in to Runtime Manager with a connected app’s client ID and secret. The console’s
              server keeps the token; this page never sees it, and the secret is never stored.
              MobileFirst and the API Store ask for their own sign-in on their pages.
            </p>
            <FamilySignIn family="arm" onSignedIn={done} />
          </>
        ) : (
          <>
            <p className="muted" style={{ margin: 0 }}>
              Use a connected app’s client ID and secret (client credentials). The secret is sent
              once to get a token and is never stored; the token lasts for this tab only.
            </p>
            <ClientCredentialsSignIn presets={presets} onSignedIn={done} />
          </>
        )}
      </div>
    </main>
  )
}
