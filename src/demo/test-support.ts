import type { DemoBackend } from './backend.ts'
import type { DemoRole } from './scopes.ts'
import { DEMO_IDENTITIES } from './seed.ts'

/** The origin the demo's handler tests call (msw answers any; absolute URLs need one). */
export const TEST_ORIGIN = 'http://demo.test'

/**
 * Signs the demo identity of a role in at the Runtime Manager token endpoint, as a
 * connected app does, and answers the `Authorization` header it then sends. Shared by the
 * handler tests (test code only).
 */
export async function bearerFor(role: DemoRole): Promise<Record<string, string>> {
  const identity = DEMO_IDENTITIES.find((i) => i.role === role)
  if (!identity) throw new Error(`no demo identity with the role ${role}`)
  const res = await fetch(`${TEST_ORIGIN}/accounts/api/v2/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: identity.clientId,
      client_secret: identity.clientSecret,
      grant_type: 'client_credentials',
    }),
  })
  const { access_token } = await res.json()
  return { Authorization: `Bearer ${access_token}` }
}

/** `bearerFor` plus the organization and environment headers of the backend's first environment. */
export async function hybridHeadersFor(
  backend: DemoBackend,
  role: DemoRole,
): Promise<Record<string, string>> {
  const db = backend.db
  const env = db.environments[0]
  if (!env) throw new Error('the demo seed has no environment')
  return {
    ...(await bearerFor(role)),
    'X-ANYPNT-ORG-ID': db.organization.id,
    'X-ANYPNT-ENV-ID': env.id,
  }
}
