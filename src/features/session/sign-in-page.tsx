import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { consoleSessionQueries } from '../../api/console/session.ts'
import { useT } from '../../components/i18n.tsx'
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
  const t = useT()
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
        <h1>{t('session.page.title')}</h1>
        {expired && (
          <div className="alert alert-warn" role="status">
            {t('session.page.expired')}
          </div>
        )}
        {live ? (
          <>
            <p className="muted" style={{ margin: 0 }}>
              {t('session.page.liveIntro')}
            </p>
            <FamilySignIn family="arm" onSignedIn={done} />
          </>
        ) : (
          <>
            <p className="muted" style={{ margin: 0 }}>
              {t('session.page.demoIntro')}
            </p>
            <ClientCredentialsSignIn presets={presets} onSignedIn={done} />
          </>
        )}
      </div>
    </main>
  )
}
