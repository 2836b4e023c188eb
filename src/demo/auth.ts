import { ROLE_SCOPES, SCOPES, type ScopeKey } from '../api/permissions.ts'
import type { DemoDb } from './db.ts'
import type { DemoIdentity } from './model.ts'
import { DEMO_IDENTITIES } from './seed.ts'

/** Token lifetime the demo grants, as the real token endpoint does (about an hour). */
export const TOKEN_TTL_SECONDS = 3600

interface TokenClaims {
  sub: string
  iat: number
  exp: number
}

function encode(claims: TokenClaims): string {
  return btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function decode(token: string): TokenClaims | null {
  if (!token.startsWith('demo.')) return null
  try {
    const json = atob(token.slice(5).replace(/-/g, '+').replace(/_/g, '/'))
    const value: unknown = JSON.parse(json)
    if (
      value &&
      typeof value === 'object' &&
      'sub' in value &&
      typeof value.sub === 'string' &&
      'iat' in value &&
      typeof value.iat === 'number' &&
      'exp' in value &&
      typeof value.exp === 'number'
    ) {
      return { sub: value.sub, iat: value.iat, exp: value.exp }
    }
  } catch {
    // not one of ours
  }
  return null
}

export function findIdentity(clientId: string, clientSecret: string): DemoIdentity | undefined {
  return DEMO_IDENTITIES.find((i) => i.clientId === clientId && i.clientSecret === clientSecret)
}

/**
 * Demo tokens are self-describing (the identity and expiry, base64url) so that a reload
 * or a second backend instance (the e2e live server) accepts them without shared state.
 */
export function mintToken(identity: DemoIdentity, now: number): string {
  return `demo.${encode({ sub: identity.clientId, iat: now, exp: now + TOKEN_TTL_SECONDS * 1000 })}`
}

export type AuthResult =
  { ok: true; identity: DemoIdentity } | { ok: false; status: 401; message: string }

/** Checks the `Authorization: Bearer` header of a request. */
export function authenticate(request: Request, db: DemoDb): AuthResult {
  const header = request.headers.get('Authorization') ?? ''
  const match = /^Bearer\s+(.+)$/i.exec(header)
  if (!match?.[1])
    return { ok: false, status: 401, message: 'Unauthorized: a bearer token is required.' }
  const claims = decode(match[1])
  const identity = claims && DEMO_IDENTITIES.find((i) => i.clientId === claims.sub)
  if (!claims || !identity)
    return { ok: false, status: 401, message: 'Unauthorized: the token is not valid.' }
  if (claims.exp <= db.now() || claims.iat < db.tokensNotBefore) {
    return {
      ok: false,
      status: 401,
      message: 'Unauthorized: the token has expired. Request a new token.',
    }
  }
  return { ok: true, identity }
}

export function hasScope(identity: DemoIdentity, scope: ScopeKey): boolean {
  return ROLE_SCOPES[identity.role].includes(scope)
}

export function missingScopeMessage(scope: ScopeKey): string {
  return `Forbidden: this connected app does not have the '${SCOPES[scope]}' scope.`
}
