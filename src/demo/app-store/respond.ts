import { HttpResponse } from 'msw'
import { authenticate, hasScope, missingScopeMessage } from '../auth.ts'
import type { DemoDb } from '../db.ts'
import type { DemoIdentity } from '../model.ts'

/**
 * The API Store's error body: `{ code, message, description, moreInfo, error: [] }`.
 * `errors` become the `error[]` items (one per field problem).
 */
export function storeError(
  status: number,
  message: string,
  description = '',
  errors: readonly string[] = [],
  headers?: Record<string, string>,
): Response {
  return HttpResponse.json(
    {
      code: status,
      message,
      description,
      moreInfo: '',
      error: errors.map((m) => ({ code: status, message: m })),
    },
    { status, headers },
  )
}

export type StoreGuard = { ok: true; identity: DemoIdentity } | { ok: false; response: Response }

/**
 * The bearer token of the session, and for changes the `apim:subscribe` scope. Reads need
 * only a valid token: the demo's Operator and Monitor may look, not change (ADR 009).
 */
export function guardStore(db: DemoDb, request: Request, access: 'read' | 'write'): StoreGuard {
  const auth = authenticate(request, db, 'store')
  if (!auth.ok) {
    return {
      ok: false,
      response: storeError(auth.status, auth.message, 'Sign in again to get a new token.'),
    }
  }
  if (access === 'write' && !hasScope(auth.identity, 'manageClientApps')) {
    return {
      ok: false,
      response: storeError(
        403,
        missingScopeMessage('manageClientApps'),
        'Creating, changing and deleting client applications and their keys needs apim:subscribe.',
      ),
    }
  }
  return { ok: true, identity: auth.identity }
}

/** True when the request says its body is JSON (the only media type the store accepts). */
export function isJson(request: Request): boolean {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/json')
}

/** Reads a JSON body; null when it does not parse. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | null> {
  try {
    return { ok: true, value: await request.json() }
  } catch {
    return null
  }
}

/** The entity tags of an `If-Match` / `If-None-Match` header (`*` kept as is). */
export function parseEtags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

/**
 * `If-Match` uses strong comparison: a weak tag (`W/"..."`) never matches, `*` matches
 * any current representation. No header means no precondition.
 */
export function ifMatchFails(request: Request, current: string): boolean {
  const header = request.headers.get('If-Match')
  if (header === null) return false
  const tags = parseEtags(header)
  if (tags.includes('*')) return false
  return !tags.includes(current)
}

/** `If-None-Match` uses weak comparison: `W/"x"` and `"x"` are the same validator. */
export function ifNoneMatchHits(request: Request, current: string): boolean {
  const header = request.headers.get('If-None-Match')
  if (header === null) return false
  const strip = (tag: string) => tag.replace(/^W\//, '')
  const tags = parseEtags(header)
  return tags.includes('*') || tags.map(strip).includes(strip(current))
}
