import { HttpResponse } from 'msw'
import { authenticate, hasScope, missingScopeMessage } from '../auth.ts'
import type { DemoDb } from '../db.ts'
import type { DemoIdentity, EnvironmentRow } from '../model.ts'
import type { DemoScope } from '../scopes.ts'

/** Runtime Manager and Access Management error body: `{ "message": "..." }`. */
export function hybridError(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status })
}

/**
 * A hybrid GET answer with an `ETag` (a hash of the body), honouring `If-None-Match`
 * with 304 and no body; with `etags` false, a plain 200 with neither. The vendor does not document ETags on the hybrid API (a choice,
 * ADR 010): they let an idle page's poll cost a few hundred bytes instead of the whole
 * list, and the console works the same against a server that sends none. The body is
 * encoded once and hashed natively: a 10,000-application list is about 10 MB, and a hash
 * in JavaScript cost more than building the list.
 */
export async function hybridJson(
  request: Request,
  payload: unknown,
  etags = true,
): Promise<Response> {
  const body = new TextEncoder().encode(JSON.stringify(payload))
  // Without ETags the demo stands in for the vendor's server as documented: no validator,
  // never a 304, the whole body on every read (ADR 016).
  if (!etags) {
    return new HttpResponse(body, {
      status: 200,
      headers: { 'Cache-Control': 'private, no-cache', 'Content-Type': 'application/json' },
    })
  }
  const etag = `"${await bodyHash(body)}"`
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' }
  if (etagMatches(request.headers.get('If-None-Match'), etag)) {
    return new HttpResponse(null, { status: 304, headers })
  }
  return new HttpResponse(body, {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json' },
  })
}

/** `If-None-Match` holds `*` or a list of (possibly weak) entity tags. */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

/**
 * SHA-1 of the body, cut to 96 bits, plus its length. Web Crypto needs a secure context,
 * which demo mode has anyway: its service worker does too (https or localhost).
 */
async function bodyHash(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', body))
  let hex = ''
  for (const byte of digest.subarray(0, 12)) hex += byte.toString(16).padStart(2, '0')
  return `${hex}-${body.length.toString(36)}`
}

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 })
}

/** Reads a numeric path parameter; NaN when it is not a whole number. */
export function intParam(value: string | readonly string[] | undefined): number {
  const text = typeof value === 'string' ? value : ''
  return /^\d+$/.test(text) ? Number(text) : Number.NaN
}

export type Guarded<T> = { ok: true; value: T } | { ok: false; response: Response }

/** Checks the bearer token and, when given, one scope. */
export function guardIdentity(
  db: DemoDb,
  request: Request,
  scope?: DemoScope,
): Guarded<DemoIdentity> {
  const auth = authenticate(request, db)
  if (!auth.ok) return { ok: false, response: hybridError(auth.status, auth.message) }
  if (scope && !hasScope(auth.identity, scope)) {
    return { ok: false, response: hybridError(403, missingScopeMessage(scope)) }
  }
  return { ok: true, value: auth.identity }
}

/**
 * Everything a hybrid call must carry: a valid token with the scope, and the
 * organization and environment headers naming an environment of the token's org.
 */
export function guardHybrid(
  db: DemoDb,
  request: Request,
  scope: DemoScope,
): Guarded<{ identity: DemoIdentity; env: EnvironmentRow }> {
  const who = guardIdentity(db, request)
  if (!who.ok) return who
  const orgId = request.headers.get('X-ANYPNT-ORG-ID')
  const envId = request.headers.get('X-ANYPNT-ENV-ID')
  if (!orgId)
    return { ok: false, response: hybridError(400, 'The X-ANYPNT-ORG-ID header is required.') }
  if (!envId)
    return { ok: false, response: hybridError(400, 'The X-ANYPNT-ENV-ID header is required.') }
  if (orgId !== db.organization.id) {
    return {
      ok: false,
      response: hybridError(403, `Forbidden: no access to organization ${orgId}.`),
    }
  }
  const env = db.environment(envId)
  if (!env) return { ok: false, response: hybridError(404, `Environment ${envId} was not found.`) }
  if (!hasScope(who.value, scope))
    return { ok: false, response: hybridError(403, missingScopeMessage(scope)) }
  return { ok: true, value: { identity: who.value, env } }
}
