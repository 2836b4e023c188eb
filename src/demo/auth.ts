import type { DemoDb } from './db.ts'
import type { DemoFamily } from './families.ts'
import type { DemoIdentity } from './model.ts'
import { roleHasScope, scopeName, type DemoScope } from './scopes.ts'
import { DEMO_IDENTITIES } from './seed.ts'

/** Token lifetime the demo grants, as the real token endpoint does (about an hour). */
export const TOKEN_TTL_SECONDS = 3600

/*
 * The credential families (API-CONTRACTS.md section 4): Runtime Manager tokens come from
 * `/accounts/api/v2/oauth2/token`, store tokens from the store's `/token`, MobileFirst
 * calls carry HTTP Basic.
 */

/** Which family issued a token; a refresh token is a store credential of its own kind. */
type TokenKind = 'arm' | 'store' | 'store-refresh'

interface TokenClaims {
  sub: string
  iat: number
  exp: number
  /** Absent in tokens minted before families were told apart: a Runtime Manager token. */
  fam?: TokenKind
}

/**
 * Backends whose families accept only their own credentials, as the real systems do
 * (the HTTP demo server behind the production server). The in-browser demo keeps its one
 * sign-in: its Runtime Manager token is accepted by every family there.
 */
const separated = new WeakSet<DemoDb>()

export function separateFamilies(db: DemoDb): void {
  separated.add(db)
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
      const fam =
        'fam' in value &&
        (value.fam === 'arm' || value.fam === 'store' || value.fam === 'store-refresh')
          ? value.fam
          : undefined
      return { sub: value.sub, iat: value.iat, exp: value.exp, ...(fam ? { fam } : {}) }
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
export function mintToken(identity: DemoIdentity, now: number, fam: TokenKind = 'arm'): string {
  const ttl = fam === 'store-refresh' ? 24 * TOKEN_TTL_SECONDS : TOKEN_TTL_SECONDS
  return `demo.${encode({ sub: identity.clientId, iat: now, exp: now + ttl * 1000, fam })}`
}

/** Reads a store refresh token: the identity it was issued to, or null. */
export function readRefreshToken(token: string, db: DemoDb): DemoIdentity | null {
  const claims = decode(token)
  if (!claims || claims.fam !== 'store-refresh' || claims.exp <= db.now()) return null
  return DEMO_IDENTITIES.find((i) => i.clientId === claims.sub) ?? null
}

/** The identity of an `Authorization: Basic` header naming a demo user, or null. */
export function basicIdentity(header: string): DemoIdentity | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
  if (!match?.[1]) return null
  let text: string
  try {
    text = atob(match[1])
  } catch {
    return null
  }
  const colon = text.indexOf(':')
  if (colon < 0) return null
  return findIdentity(text.slice(0, colon), text.slice(colon + 1)) ?? null
}

/**
 * The store's dynamically registered client of a demo user: derived from the user (no
 * state), so a second backend instance knows it too.
 */
export function storeClientOf(identity: DemoIdentity): { clientId: string; clientSecret: string } {
  return {
    clientId: `store-${identity.clientId}`,
    clientSecret: `${identity.clientSecret}-store-client`,
  }
}

export function findStoreClient(clientId: string, clientSecret: string): DemoIdentity | undefined {
  return DEMO_IDENTITIES.find((i) => {
    const client = storeClientOf(i)
    return client.clientId === clientId && client.clientSecret === clientSecret
  })
}

export type AuthResult =
  { ok: true; identity: DemoIdentity } | { ok: false; status: 401; message: string }

/**
 * Checks the `Authorization` header of a call to one family: a bearer token that family
 * issued (in the in-browser demo, the Runtime Manager token is accepted by every family),
 * or for MobileFirst HTTP Basic of a demo user.
 */
export function authenticate(request: Request, db: DemoDb, family: DemoFamily = 'arm'): AuthResult {
  const header = request.headers.get('Authorization') ?? ''
  if (family === 'mfp' && /^Basic\s/i.test(header)) {
    const identity = basicIdentity(header)
    return identity
      ? { ok: true, identity }
      : { ok: false, status: 401, message: 'Unauthorized: unknown user or wrong password.' }
  }
  const match = /^Bearer\s+(.+)$/i.exec(header)
  if (!match?.[1])
    return { ok: false, status: 401, message: 'Unauthorized: a bearer token is required.' }
  const claims = decode(match[1])
  const identity = claims && DEMO_IDENTITIES.find((i) => i.clientId === claims.sub)
  if (!claims || !identity)
    return { ok: false, status: 401, message: 'Unauthorized: the token is not valid.' }
  const issuer = claims.fam ?? 'arm'
  const accepted = issuer === family || (issuer === 'arm' && family !== 'arm' && !separated.has(db))
  if (!accepted)
    return {
      ok: false,
      status: 401,
      message: 'Unauthorized: the token was not issued for this API.',
    }
  if (claims.exp <= db.now() || claims.iat < db.tokensNotBefore) {
    return {
      ok: false,
      status: 401,
      message: 'Unauthorized: the token has expired. Request a new token.',
    }
  }
  return { ok: true, identity }
}

export function hasScope(identity: DemoIdentity, scope: DemoScope): boolean {
  return roleHasScope(identity.role, scope)
}

export function missingScopeMessage(scope: DemoScope): string {
  return `Forbidden: this connected app does not have the '${scopeName(scope)}' scope.`
}
