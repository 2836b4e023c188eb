import { http, HttpResponse } from 'msw'
import { findIdentity, mintToken, TOKEN_TTL_SECONDS } from '../auth.ts'
import type { DemoBackend } from '../backend.ts'
import { guard, HYBRID_GATE } from '../guard.ts'
import { hybridError } from '../responses.ts'
import { grantedScopeNames } from '../scopes.ts'

async function readFields(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get('Content-Type') ?? ''
  const text = await request.text()
  if (type.includes('application/json')) {
    try {
      const value: unknown = JSON.parse(text)
      const out: Record<string, string> = {}
      if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v
      }
      return out
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(text))
}

export function accessManagementHandlers(backend: DemoBackend) {
  return [
    http.post('*/accounts/api/v2/oauth2/token', async ({ request }) => {
      const fields = await readFields(request)
      if (fields.grant_type !== 'client_credentials') {
        return hybridError(400, "Unsupported grant_type: use 'client_credentials'.")
      }
      if (!fields.client_id || !fields.client_secret) {
        return hybridError(400, 'client_id and client_secret are required.')
      }
      const identity = findIdentity(fields.client_id, fields.client_secret)
      if (!identity)
        return hybridError(401, 'Invalid client credentials: check the client ID and secret.')
      return HttpResponse.json({
        access_token: mintToken(identity, backend.db.now()),
        token_type: 'bearer',
        expires_in: TOKEN_TTL_SECONDS,
      })
    }),

    http.get('*/accounts/api/me', ({ request }) => {
      const db = backend.db
      const who = guard(db, request, HYBRID_GATE)
      if (!who.ok) return who.response
      const identity = who.value
      return HttpResponse.json({
        user: {
          id: identity.userId,
          username: identity.username,
          firstName: identity.firstName,
          lastName: identity.lastName,
          organization: { id: db.organization.id, name: db.organization.name },
          memberOfOrganizations: [{ id: db.organization.id, name: db.organization.name }],
        },
        client: {
          client_id: identity.clientId,
          name: identity.name,
          scopes: grantedScopeNames(identity.role),
        },
      })
    }),

    http.get('*/accounts/api/organizations/:orgId/environments', ({ request, params }) => {
      const db = backend.db
      const who = guard(db, request, HYBRID_GATE)
      if (!who.ok) return who.response
      if (params.orgId !== db.organization.id) {
        return hybridError(403, `Forbidden: no access to organization ${String(params.orgId)}.`)
      }
      return HttpResponse.json({ data: db.environments, total: db.environments.length })
    }),
  ]
}
