/**
 * The signed-in session, kept in `sessionStorage` only: it lives as long as the tab and
 * is never shared with other tabs or written anywhere lasting. The client secret is never
 * part of it.
 */
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
const listeners = new Set<() => void>()
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

function emit() {
  for (const listener of listeners) listener()
}

/** The current session, or null when signed out or expired. Stable between changes (for useSyncExternalStore). */
export function getSession(): Session | null {
  if (cached === undefined) cached = read()
  return cached
}

/** The bearer token to send, or undefined when signed out. */
export function getAccessToken(): string | undefined {
  return getSession()?.accessToken
}

/** Starts a session after a successful token call. */
export function startSession(session: Session): void {
  storage()?.setItem(KEY, JSON.stringify(session))
  cached = session
  lastEndReason = null
  scheduleExpiry(session)
  emit()
}

/** Ends the session: on sign-out, or when the API answers 401 for the token. */
export function endSession(reason: SessionEndReason): void {
  if (getSession() === null) return
  clearTimeout(expiryTimer)
  storage()?.removeItem(KEY)
  cached = null
  lastEndReason = reason
  emit()
}

/** Why the previous session ended, if it did in this page's lifetime. */
export function getSessionEndReason(): SessionEndReason | null {
  return lastEndReason
}

/** Subscribes to session changes; returns the unsubscribe function. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Forgets the cached value (tests reset sessionStorage between cases). */
export function resetSessionCache(): void {
  clearTimeout(expiryTimer)
  cached = undefined
  lastEndReason = null
}
