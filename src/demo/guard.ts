import { authenticate, missingScopeMessage } from './auth.ts'
import type { DemoDb } from './db.ts'
import type { DemoFamily } from './families.ts'
import type { DemoIdentity, EnvironmentRow } from './model.ts'
import { hybridError, mfpError, storeError, type Checked } from './responses.ts'
import { mfpRoleMayWrite, mfpRoleOf, roleHasScope, type DemoScope } from './scopes.ts'

/** How one API family checks a permission and turns a caller away, in its own error body. */
export interface FamilyGate {
  family: DemoFamily
  permits(identity: DemoIdentity, scope: DemoScope): boolean
  unauthorized(message: string): Response
  forbidden(identity: DemoIdentity, scope: DemoScope): Response
}

/** Runtime Manager and Access Management: connected-app scopes, `{ message }` errors. */
export const HYBRID_GATE: FamilyGate = {
  family: 'arm',
  permits: (identity, scope) => roleHasScope(identity.role, scope),
  unauthorized: (message) => hybridError(401, message),
  forbidden: (_identity, scope) => hybridError(403, missingScopeMessage(scope)),
}

/** The API Store: every change needs `apim:subscribe`; reads need only a valid token (ADR 009). */
export const STORE_GATE: FamilyGate = {
  family: 'store',
  permits: (identity, scope) => roleHasScope(identity.role, scope),
  unauthorized: (message) => storeError(401, message, 'Sign in again to get a new token.'),
  forbidden: (_identity, scope) =>
    storeError(
      403,
      missingScopeMessage(scope),
      'Creating, changing and deleting client applications and their keys needs apim:subscribe.',
    ),
}

/**
 * MobileFirst knows roles, not scopes: any change needs a role other than mfpmonitor
 * (API-CONTRACTS.md section 2). Its messages are localized, so the gate is per request.
 */
export function mfpGate(locale: string | null): FamilyGate {
  return {
    family: 'mfp',
    permits: (identity) => mfpRoleMayWrite(mfpRoleOf(identity.role)),
    unauthorized: (reason) => mfpError(401, 'UNAUTHORIZED', { reason }, locale),
    forbidden: (identity) =>
      mfpError(
        403,
        'FORBIDDEN',
        { user: identity.username, role: mfpRoleOf(identity.role) },
        locale,
      ),
  }
}

/**
 * The one guard of every family: the caller's credentials for that family (401), then,
 * when given, the permission (403), each refused in the family's own error body.
 */
export function guard(
  db: DemoDb,
  request: Request,
  gate: FamilyGate,
  scope?: DemoScope,
): Checked<DemoIdentity> {
  const auth = authenticate(request, db, gate.family)
  if (!auth.ok) return { ok: false, response: gate.unauthorized(auth.message) }
  const refused = scope === undefined ? null : refusal(gate, auth.identity, scope)
  return refused ? { ok: false, response: refused } : { ok: true, value: auth.identity }
}

/** The 403 for an identity that lacks the permission, or null when it has it. */
export function refusal(
  gate: FamilyGate,
  identity: DemoIdentity,
  scope: DemoScope,
): Response | null {
  return gate.permits(identity, scope) ? null : gate.forbidden(identity, scope)
}

/**
 * Everything a hybrid call must carry: a valid token, the organization and environment
 * headers naming an environment of the token's org (ADR 005), and the scope, in that order.
 */
export function guardHybrid(
  db: DemoDb,
  request: Request,
  scope: DemoScope,
): Checked<{ identity: DemoIdentity; env: EnvironmentRow }> {
  const who = guard(db, request, HYBRID_GATE)
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
  const refused = refusal(HYBRID_GATE, who.value, scope)
  if (refused) return { ok: false, response: refused }
  return { ok: true, value: { identity: who.value, env } }
}
