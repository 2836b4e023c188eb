import { useEffect, useRef, useSyncExternalStore } from 'react'
import { FAMILY_NAMES } from '../../api/console/session.ts'
import { Button } from '../../components/button.tsx'
import { useT } from '../../components/i18n.tsx'
import { getConsoleMode } from '../../lib/config.ts'
import { loadOnce } from '../../lib/load-once.ts'
import { useLoaded } from '../../components/use-loaded.ts'
import {
  askSignIn,
  dismissSignIn,
  getInterruption,
  registerSignInPrompt,
  subscribeSession,
} from '../../lib/session-store.ts'
import { LoadingState } from '../../components/states.tsx'
import type { SignInPreset } from './sign-in-forms.tsx'

// The sign-in forms (and the form kit under them) stay out of the first-visit bundle: the
// prompt loads them once the page is up, long before a session can expire, so the dialog
// has them at once when it opens.
type SignInForms = typeof import('./sign-in-forms.tsx')
const signInForms = loadOnce<SignInForms>(() => import('./sign-in-forms.tsx'))

// The dialog (Radix's, with its focus trap and scroll lock) is not on the sign-in page
// either: it loads when a sign-in is first asked for, or before, with the signed-in shell
// (`preloadSessionPrompt`), so that it opens at once there.
type Dialog = (typeof import('../../components/modal.tsx'))['Modal']
const modal = loadOnce<Dialog>(async () => (await import('../../components/modal.tsx')).Modal)

/** Loads the sign-in dialog's code ahead of need (the signed-in shell calls it). */
export const preloadSessionPrompt: () => Promise<Dialog> = modal.load

/**
 * Asks for a sign-in lost in the middle of a session (a 401), in a dialog over the page:
 * nothing under it unmounts, so open dialogs and forms keep what was typed, and the
 * requests that were refused wait for the sign-in and are then sent again. Closing the
 * dialog gives them up (they fail with their 401 where they were made) and leaves a
 * banner to sign in later.
 */
export function SessionPrompt({ presets }: { presets?: readonly SignInPreset[] }) {
  const t = useT()
  const interruption = useSyncExternalStore(subscribeSession, getInterruption)
  const forms = useLoaded(signInForms)
  useEffect(() => registerSignInPrompt(), [])
  const asked = interruption.prompt !== null
  // Loaded once a sign-in is asked for (offline: asked again, it tries again).
  const Modal = useLoaded(modal, asked)
  // The dialog opens on its own (no trigger to return to): remember what had focus when it
  // was asked for (the listener runs as the store changes, before the dialog takes focus).
  const returnFocus = useRef<HTMLElement | null>(null)
  useEffect(
    () =>
      subscribeSession(() => {
        const active = document.activeElement
        if (getInterruption().prompt !== null && returnFocus.current === null)
          returnFocus.current = active instanceof HTMLElement ? active : null
      }),
    [],
  )
  const live = getConsoleMode() === 'live'
  const family = interruption.prompt
  // Demo mode has one sign-in for every family: it is asked for (and named) once.
  const given = [...interruption.dismissed].filter((f) => interruption.families.has(f))

  return (
    <>
      {given.length > 0 && family === null && (
        <div className="alert alert-warn session-banner" role="status">
          {given.map((f) => (
            <span key={f} className="session-banner-item">
              {live
                ? t('session.banner.signedOut', { family: FAMILY_NAMES[f] })
                : t('session.banner.expired')}{' '}
              <Button size="small" onClick={() => askSignIn(f)}>
                {live
                  ? t('session.signInTo', { family: FAMILY_NAMES[f] })
                  : t('session.banner.signInAgain')}
              </Button>
            </span>
          ))}
        </div>
      )}
      {Modal && (
        // oxlint-disable-next-line react/static-components -- one module's component, loaded once: the same function on every render
        <Modal
          open={family !== null}
          onTop
          onOpenChange={(open) => {
            if (!open) dismissSignIn()
          }}
          onCloseAutoFocus={(event) => {
            const target = returnFocus.current
            returnFocus.current = null
            if (target?.isConnected) {
              event.preventDefault()
              target.focus()
            }
          }}
          title={
            family === null
              ? t('session.prompt.title')
              : live
                ? t('session.signInTo', { family: FAMILY_NAMES[family] })
                : t('session.prompt.expiredTitle')
          }
          description={
            family !== null && live
              ? interruption.families.has(family)
                ? t('session.prompt.ended', { family: FAMILY_NAMES[family] })
                : family === 'arm'
                  ? t('session.prompt.signInClient', { family: FAMILY_NAMES[family] })
                  : t('session.prompt.signInUser', { family: FAMILY_NAMES[family] })
              : t('session.prompt.again')
          }
        >
          {family !== null &&
            (forms === null ? (
              <LoadingState label={t('session.prompt.loading')} />
            ) : live ? (
              <forms.FamilySignIn key={family} family={family} />
            ) : (
              <forms.ClientCredentialsSignIn again presets={presets} />
            ))}
        </Modal>
      )}
    </>
  )
}
