import { useQuery } from '@tanstack/react-query'
import { useId, useSyncExternalStore, type ReactNode } from 'react'
import { consoleSessionQueries, FAMILY_NAMES } from '../../api/console/session.ts'
import type { FamilyState } from '../../api/console/session-schemas.ts'
import { useT } from '../../components/i18n.tsx'
import { getConsoleMode } from '../../lib/config.ts'
import { getInterruption, subscribeSession, type Family } from '../../lib/session-store.ts'
import { FamilySignIn } from './sign-in-forms.tsx'

/** One family's sign-in as the page sees it: the server's state, and whether a 401 ended it. */
export interface FamilyView {
  family: Family
  state: FamilyState
  /** Its sign-in ended mid-session (a 401): asked for over the page, not in place. */
  interrupted: boolean
}

/**
 * Live mode: every family's sign-in, from `GET /console-api/session` with the 401s the page
 * has seen since on top. Null in demo mode (one sign-in) or before the state is known.
 */
export function useFamilyViews(): Record<Family, FamilyView> | null {
  const live = getConsoleMode() === 'live'
  const session = useQuery({ ...consoleSessionQueries.state(), enabled: live })
  const interruption = useSyncExternalStore(subscribeSession, getInterruption)
  if (!live || !session.data) return null
  const families = session.data.families
  const view = (family: Family): FamilyView => {
    const interrupted = interruption.families.has(family)
    return {
      family,
      state: interrupted ? { signedIn: false } : families[family],
      interrupted,
    }
  }
  return { arm: view('arm'), mfp: view('mfp'), store: view('store') }
}

/** Whether a page of `family` can show its content (always in demo mode). */
export function useFamilyReady(family: Family): boolean {
  const views = useFamilyViews()
  const view = views?.[family]
  return !view || view.state.signedIn || view.interrupted
}

/**
 * Live mode: a page of a family that is not signed in shows that family's sign-in in its
 * place (its content, and its requests, start once signed in). A family whose sign-in
 * ended mid-session keeps its page: the sign-in is asked for over it instead.
 */
export function FamilyGate({ family, children }: { family: Family; children: ReactNode }) {
  const t = useT()
  const ready = useFamilyReady(family)
  const headingId = useId()
  if (ready) return children
  return (
    <section className="state family-sign-in" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('session.signInTo', { family: FAMILY_NAMES[family] })}</h1>
      <p className="muted">
        {family === 'arm'
          ? t('session.gate.client', { family: FAMILY_NAMES[family] })
          : t('session.gate.user', { family: FAMILY_NAMES[family] })}
      </p>
      <FamilySignIn family={family} />
    </section>
  )
}
