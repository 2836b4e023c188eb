/**
 * The page's side of signing in, for both modes, in one place.
 *
 * - Demo mode: one sign-in for every family (the demo's connected apps). The simulated
 *   token is kept in `sessionStorage` for the tab only; the client secret never is.
 * - Live mode: the console's server holds every family's credentials and tokens behind an
 *   HttpOnly cookie (backend-for-frontend). The page holds no token at all: it only learns
 *   who is signed in (`GET /console-api/session`, a query in `api/console`).
 *
 * In both, a 401 in the middle of a session "interrupts" the family it belongs to: the
 * sign-in is asked for in a dialog over the page, and the requests that got the 401 wait
 * for it and are then sent again (see `request.ts`). Navigating to the sign-in page is
 * only for a console that has no session at all.
 */
import { getConsoleMode } from './config.ts'
import { FAMILIES, familyOf, isFamily, type Family } from './families.ts'

export type { Family }
export { FAMILIES }

/** The family whose credentials a same-origin API path needs, or null for the console's own. */
export const familyOfPath = familyOf

const listeners = new Set<() => void>()

function emit() {
  for (const listener of listeners) listener()
}

/** Subscribes to session and interruption changes; returns the unsubscribe function. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

// ---------------------------------------------------------------------------------------
// Demo mode: the one simulated session.

/** The demo session, kept in `sessionStorage` only. The client secret is never part of it. */
export interface Session {
  accessToken: string
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number
  /** The connected app's client ID, shown in the header. */
  clientId: string
}

/** Why the last session ended, so the sign-in page can say so. */
export type SessionEndReason = 'signed-out' | 'expired'

const KEY = 'runtime-console.session'
let cached: Session | null | undefined
let lastEndReason: SessionEndReason | null = null

function storage(): Storage | undefined {
  return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
}

let expiryTimer: ReturnType<typeof setTimeout> | undefined

/** Ends the session by itself when the token's lifetime is over. */
function scheduleExpiry(session: Session) {
  clearTimeout(expiryTimer)
  expiryTimer = setTimeout(() => endSession('expired'), Math.max(0, session.expiresAt - Date.now()))
}

function read(): Session | null {
  const raw = storage()?.getItem(KEY)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (
      value &&
      typeof value === 'object' &&
      'accessToken' in value &&
      typeof value.accessToken === 'string' &&
      'expiresAt' in value &&
      typeof value.expiresAt === 'number' &&
      'clientId' in value &&
      typeof value.clientId === 'string'
    ) {
      if (value.expiresAt <= Date.now()) {
        storage()?.removeItem(KEY)
        lastEndReason = 'expired'
        return null
      }
      const session = {
        accessToken: value.accessToken,
        expiresAt: value.expiresAt,
        clientId: value.clientId,
      }
      scheduleExpiry(session)
      return session
    }
  } catch {
    // A damaged entry is treated as no session.
  }
  return null
}

/** The demo session, or null when signed out or expired. Stable between changes (for useSyncExternalStore). */
export function getSession(): Session | null {
  if (cached === undefined) cached = read()
  return cached
}

/** The demo bearer token to send, or undefined when signed out (and always in live mode). */
export function getAccessToken(): string | undefined {
  return getConsoleMode() === 'demo' ? getSession()?.accessToken : undefined
}

/** Starts the demo session after a successful token call. */
export function startSession(session: Session): void {
  storage()?.setItem(KEY, JSON.stringify(session))
  cached = session
  lastEndReason = null
  scheduleExpiry(session)
  settle(FAMILIES, true)
}

/**
 * Ends the demo session. Signing out is deliberate: the console goes to the sign-in page.
 * An expiry (the token's lifetime, or a 401) interrupts the session instead: the sign-in
 * is asked for over the current page, which keeps everything on it.
 */
export function endSession(reason: SessionEndReason): void {
  if (reason === 'signed-out') {
    settle(FAMILIES, false)
  }
  if (getSession() === null) {
    emit()
    return
  }
  clearTimeout(expiryTimer)
  storage()?.removeItem(KEY)
  cached = null
  lastEndReason = reason
  if (reason === 'expired') interrupt(FAMILIES, 'arm')
  else emit()
}

/** Why the previous session ended, if it did in this page's lifetime. */
export function getSessionEndReason(): SessionEndReason | null {
  return lastEndReason
}

// ---------------------------------------------------------------------------------------
// Interruptions: a family's sign-in lost mid-session, asked for again over the page.

/** Which families lost their sign-in mid-session, and which one the dialog asks for now. */
export interface Interruption {
  families: ReadonlySet<Family>
  prompt: Family | null
  /**
   * Families whose dialog the operator closed: later 401s (polling, say) do not reopen it;
   * the shell offers the sign-in in a banner instead.
   */
  dismissed: ReadonlySet<Family>
}

const NONE: Interruption = { families: new Set(), prompt: null, dismissed: new Set() }
let interruption: Interruption = NONE
let waiters: Array<{ family: Family; resolve: (signedIn: boolean) => void }> = []
let promptHosts = 0
/** Counts successful sign-ins, so a late 401 to a call sent before the last one is told apart. */
let signIns = 0

/** The current interruption. Stable between changes (for useSyncExternalStore). */
export function getInterruption(): Interruption {
  return interruption
}

function interrupt(families: readonly Family[], prompt: Family) {
  const next = new Set(interruption.families)
  for (const family of families) next.add(family)
  const reopen = interruption.prompt === null && !interruption.dismissed.has(prompt)
  interruption = { ...interruption, families: next, prompt: reopen ? prompt : interruption.prompt }
  emit()
}

/** Families signed in again (true) or given up on (false): their waiting requests go on. */
function settle(families: readonly Family[], signedIn: boolean) {
  const next = new Set(interruption.families)
  const dismissed = new Set(interruption.dismissed)
  for (const family of families) {
    next.delete(family)
    dismissed.delete(family)
  }
  if (signedIn) signIns += 1
  const resolved = waiters.filter((w) => families.includes(w.family))
  waiters = waiters.filter((w) => !families.includes(w.family))
  // Another family still waiting for its sign-in gets the dialog next.
  const waiting = waiters.find((w) => next.has(w.family))?.family ?? null
  interruption = next.size === 0 ? NONE : { families: next, prompt: waiting, dismissed }
  for (const w of resolved) w.resolve(signedIn)
  emit()
}

/**
 * The dialog that asks for a lost sign-in mounts this while it can be shown. Without a
 * host (a unit test of a fetcher, say) a 401 is simply returned to the caller.
 */
export function registerSignInPrompt(): () => void {
  promptHosts += 1
  return () => {
    promptHosts -= 1
  }
}

/** What the page knows about a 401 answer, to tell whose sign-in it ended. */
export interface UnauthorizedAnswer {
  path: string
  headers: Headers
  body: unknown
}

/**
 * Records a 401 answer to an authenticated call. Returns the family whose sign-in it
 * ended (now interrupted, its sign-in asked for over the page), or null when it is not a
 * lost session (the demo console never had one in this page).
 */
export function reportUnauthorized(answer: UnauthorizedAnswer): Family | null {
  if (getConsoleMode() === 'demo') {
    // One sign-in for all families: a 401 anywhere is that session's end.
    if (getSession() === null && interruption.families.size === 0) return null
    if (getSession() !== null) endSession('expired')
    else interrupt(FAMILIES, 'arm')
    return 'arm'
  }
  const family = liveFamilyOf401(answer)
  if (family) interrupt([family], family)
  return family
}

/** Live mode: the proxy names the family, or the upstream's 401 carries it in a header. */
function liveFamilyOf401({ path, headers, body }: UnauthorizedAnswer): Family | null {
  if (body && typeof body === 'object' && 'family' in body && isFamily(body.family))
    return body.family
  const signedOut = headers.get('X-Console-Signed-Out')
  if (isFamily(signedOut)) return signedOut
  return familyOfPath(path)
}

/**
 * Waits until `family` is signed in again (true: send the refused request again) or the
 * operator closes the sign-in dialog (false). Rejects with an AbortError when `signal`
 * aborts (the query was cancelled while waiting). A read of a family whose sign-in the
 * operator put off does not wait (nor reopen the dialog); an action (`action`: a change
 * the operator asked for again, maybe from a dialog that hides the banner) reopens it.
 */
export function waitForSignIn(
  family: Family,
  signal?: AbortSignal,
  action = false,
): Promise<boolean> {
  if (action && interruption.dismissed.has(family) && interruption.families.has(family)) {
    const dismissed = new Set(interruption.dismissed)
    dismissed.delete(family)
    interruption = { ...interruption, dismissed }
  }
  if (promptHosts === 0 || !interruption.families.has(family) || interruption.dismissed.has(family))
    return Promise.resolve(false)
  return new Promise((resolve, reject) => {
    const waiter = {
      family,
      resolve: (signedIn: boolean) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(signedIn)
      },
    }
    const onAbort = () => {
      waiters = waiters.filter((w) => w !== waiter)
      reject(new DOMException('The request was cancelled.', 'AbortError'))
    }
    if (signal?.aborted) {
      onAbort()
      return
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    waiters.push(waiter)
    if (interruption.prompt === null) {
      interruption = { ...interruption, prompt: family }
      emit()
    }
  })
}

/** Taken when a call is sent: which sign-ins it was sent under (see `resendAfterSignIn`). */
export function sessionTicket(): number {
  return signIns
}

/**
 * What `request` does with a 401 answer to an authenticated call: true when the call
 * should be sent again. A call sent before the latest sign-in was refused for the old one
 * (it crossed the sign-in): it is sent again at once, and ends nothing. Otherwise the
 * family's sign-in is over: reported, asked for over the page, and waited for (`action`:
 * a change, which asks again even if the operator put the sign-in off).
 */
export async function resendAfterSignIn(
  ticket: number,
  answer: UnauthorizedAnswer,
  signal: AbortSignal | undefined,
  action: boolean,
): Promise<boolean> {
  if (ticket !== signIns) return true
  const family = reportUnauthorized(answer)
  return family !== null && (await waitForSignIn(family, signal, action))
}

/**
 * Opens the sign-in dialog for a family: one whose sign-in ended (from the banner), or one
 * not signed in yet (from the account menu, live mode).
 */
export function askSignIn(family: Family): void {
  const dismissed = new Set(interruption.dismissed)
  dismissed.delete(family)
  interruption = { ...interruption, prompt: family, dismissed }
  emit()
}

/**
 * The operator closed the sign-in dialog: the requests waiting for it fail with their 401
 * (shown where they were made); the family stays signed out, and the page stays as it is.
 */
export function dismissSignIn(): void {
  const family = interruption.prompt
  if (!family) return
  const resolved = waiters.filter((w) => w.family === family)
  waiters = waiters.filter((w) => w.family !== family)
  const dismissed = new Set(interruption.dismissed)
  if (interruption.families.has(family)) dismissed.add(family)
  // Another family still waiting gets its dialog next.
  const waiting = waiters.find((w) => !dismissed.has(w.family))?.family ?? null
  interruption = { ...interruption, prompt: waiting, dismissed }
  for (const w of resolved) w.resolve(false)
  emit()
}

/** Live mode: a family's sign-in succeeded (in place or in the dialog). */
export function familySignedIn(family: Family): void {
  settle([family], true)
}

/** Live mode: families signed out on purpose; nothing waits for them any more. */
export function familiesSignedOut(families: readonly Family[]): void {
  settle(families, false)
}

/** Forgets the cached state (tests reset sessionStorage between cases). */
export function resetSessionCache(): void {
  clearTimeout(expiryTimer)
  cached = undefined
  lastEndReason = null
  interruption = NONE
  waiters = []
  signIns = 0
}
