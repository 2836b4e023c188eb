import { useQuery } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import { consoleSessionQueries } from '../../api/console/session.ts'
import { useT } from '../../components/i18n.tsx'
import { getConsoleMode } from '../../lib/config.ts'
import { getSession, getSessionEndReason, subscribeSession } from '../../lib/session-store.ts'
import { ClientCredentialsSignIn, FamilySignIn, type SignInPreset } from './sign-in-forms.tsx'

export type { SignInPreset }

/**
 * The sign-in page, for a console with no session at all. Demo mode: a connected app's
 * client credentials (or a demo identity). Live mode: Runtime Manager's sign-in through the
 * console's server, which every page needs (organization, environments); the other
 * families are signed in where their pages are.
 *
 * It knows no router: the router's sign-in route and the live build's first screen (which
 * shows it before the router has loaded, app/first-screen.tsx) say where it came from
 * (`returnTo`) and how to go there once signed in (`leave`).
 */
export function SignInPage({
  presets,
  returnTo,
  leave,
}: {
  presets?: readonly SignInPreset[]
  /** Where to go once signed in: a path inside the console. */
  returnTo: string
  /** Goes to `to`, replacing the sign-in page in the history. */
  leave: (to: string) => void
}) {
  const t = useT()
  const live = getConsoleMode() === 'live'
  const demoSession = useSyncExternalStore(subscribeSession, getSession)
  const liveSession = useQuery({ ...consoleSessionQueries.state(), enabled: live })
  const expired = !live && getSessionEndReason() === 'expired'
  const signedIn = live ? liveSession.data?.families.arm.signedIn === true : demoSession !== null

  // Already signed in (or just now): on to where the operator was going.
  useEffect(() => {
    if (signedIn) leave(returnTo)
  }, [signedIn, leave, returnTo])
  if (signedIn) return null
  const done = () => leave(returnTo)

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
