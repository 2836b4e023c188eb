/**
 * The seams between the production server's parts: the proxy, the per-family sessions and
 * the audit trail. Each part is built and tested on its own against these types; `main.ts`
 * composes them. Types only: nothing here runs.
 *
 * HTTP contract of the session API (what the page calls; no token or secret ever in an answer):
 *
 *   GET    /console-api/session          200 SessionState
 *   POST   /console-api/session/arm      { clientId, clientSecret }   200 FamilyState | 400 | 401 | 502 | 504
 *   POST   /console-api/session/mfp      { username, password }       200 FamilyState | 400 | 401 | 502 | 504
 *   POST   /console-api/session/store    { username, password }       200 FamilyState | 400 | 401 | 502 | 504
 *   DELETE /console-api/session/{family} 204 (that family signed out)
 *   DELETE /console-api/session          204 (every family signed out, session ended)
 *
 * Errors are JSON `{ "message": "..." , "family"?: Family }`. Every state-changing request
 * (any method but GET/HEAD/OPTIONS, on /console-api/ and on the four proxied prefixes) must
 * carry `X-Console-Request: 1` and a same-origin `Origin` (or `Sec-Fetch-Site: same-origin`),
 * else 403 JSON. A proxied request of a family that is not signed in answers 401
 * `{ message, family }` without reaching the upstream; an upstream 401 ends that family's
 * sign-in only and is passed on with the header `X-Console-Signed-Out: <family>`.
 */
import type { FastifyRequest } from 'fastify'
import type { Family } from '../src/lib/families.ts'

// The families and their prefixes are one pure module the page shares (src/lib/families.ts).
export type { Family } from '../src/lib/families.ts'
export { FAMILIES, FAMILY_NAMES, FAMILY_PREFIXES, familyOf, isFamily } from '../src/lib/families.ts'

/** One family's sign-in as the page may see it. */
export type FamilyState =
  | { signedIn: false }
  | {
      signedIn: true
      /** Who is signed in: the Runtime Manager username, the MobileFirst user, the store user. */
      username: string
      /** Epoch ms when the upstream token expires, or null when it does not (Basic). */
      expiresAt: number | null
    }

/** Answer of `GET /console-api/session`. */
export interface SessionState {
  mode: 'live'
  families: Record<Family, FamilyState>
  /** Epoch ms when the session ends unless used again (idle limit), null without a session. */
  idleExpiresAt: number | null
}

/** Who is signed in for a family, in words: for logs and the audit trail. Never a secret. */
export interface FamilyIdentity {
  username: string
  /** Runtime Manager only: the organization of the signed-in user. */
  orgId?: string
  orgName?: string
}

/** What the proxy asks of the session layer for each request. */
export interface SessionLookup {
  /** The Authorization header value to send upstream, or null when the family is not signed in. */
  credentialsFor(request: FastifyRequest, family: Family): Promise<string | null>
  /** The upstream answered 401: end this family's sign-in only. */
  familyRejected(request: FastifyRequest, family: Family): void
  /** Who is signed in, per family. */
  identities(request: FastifyRequest): Partial<Record<Family, FamilyIdentity>>
}

/**
 * One request that went through the proxy, reported after its answer (or its failure)
 * to observers such as the audit trail. Header maps hold no Authorization or Cookie.
 */
export interface ProxiedExchange {
  /** The server's request id (also sent to the page as `X-Request-Id`). */
  requestId: string
  family: Family
  method: string
  /** Path and query as received from the page (and sent upstream). */
  url: string
  /** Request headers, lower-case names, without Authorization, Cookie and hop-by-hop ones. */
  requestHeaders: Record<string, string>
  /** Status the page got: the upstream's, or 502/504 when the upstream failed. */
  status: number
  /**
   * The upstream's answer body as text when it is JSON and at most 64 kB (change answers are
   * small), else undefined. For a proxy failure, the proxy's own JSON error.
   */
  responseText: string | undefined
  /** Epoch ms when the request arrived. */
  startedAt: number
  durationMs: number
  identities: Partial<Record<Family, FamilyIdentity>>
}

/**
 * Called once per observed proxied request (every one, unless the server narrows what its
 * observers want), after the answer was sent; must not throw or block.
 */
export type ExchangeObserver = (exchange: ProxiedExchange) => void
