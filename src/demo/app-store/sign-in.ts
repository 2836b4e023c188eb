import { http, HttpResponse } from 'msw'
import {
  basicIdentity,
  findIdentity,
  findStoreClient,
  mintToken,
  readRefreshToken,
  storeClientOf,
  TOKEN_TTL_SECONDS,
} from '../auth.ts'
import type { DemoBackend } from '../backend.ts'

/** The OAuth error body of WSO2's token endpoint. */
function oauthError(status: number, error: string, description: string): Response {
  return HttpResponse.json({ error, error_description: description }, { status })
}

function clientOf(header: string): { clientId: string; clientSecret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header)
  if (!match?.[1]) return null
  try {
    const text = atob(match[1])
    const colon = text.indexOf(':')
    return colon < 0
      ? null
      : { clientId: text.slice(0, colon), clientSecret: text.slice(colon + 1) }
  } catch {
    return null
  }
}

/**
 * The API Store's sign-in (API-CONTRACTS.md section 4): dynamic client registration with
 * the user's Basic credentials, then the password grant (and refresh) at `/token`. Store
 * users are the demo identities (client ID and secret as user name and password); the
 * store tokens minted here are accepted by the store only.
 */
export function storeSignInHandlers(backend: DemoBackend) {
  return [
    http.post('*/client-registration/v0.10/register', async ({ request }) => {
      const identity = basicIdentity(request.headers.get('Authorization') ?? '')
      if (!identity)
        return HttpResponse.json(
          { code: 401, message: 'Unauthorized', description: 'Unknown user or wrong password.' },
          { status: 401 },
        )
      let body: unknown
      try {
        body = await request.json()
      } catch {
        body = null
      }
      const fields = body && typeof body === 'object' ? new Map(Object.entries(body)) : new Map()
      if (typeof fields.get('clientName') !== 'string' || typeof fields.get('owner') !== 'string')
        return HttpResponse.json(
          { code: 400, message: 'Bad Request', description: 'clientName and owner are required.' },
          { status: 400 },
        )
      const client = storeClientOf(identity)
      return HttpResponse.json({
        ...client,
        clientName: fields.get('clientName'),
        callBackURL: null,
        isSaasApplication: true,
        jsonString: JSON.stringify({ grant_types: fields.get('grantType') ?? 'password' }),
      })
    }),

    http.post('*/token', async ({ request }) => {
      const client = clientOf(request.headers.get('Authorization') ?? '')
      const registered = client && findStoreClient(client.clientId, client.clientSecret)
      if (!registered) return oauthError(401, 'invalid_client', 'Client authentication failed.')
      const form = new URLSearchParams(await request.text())
      const now = backend.db.now()
      const grant = form.get('grant_type')
      let identity = null
      if (grant === 'password') {
        identity = findIdentity(form.get('username') ?? '', form.get('password') ?? '') ?? null
        if (!identity || identity.clientId !== registered.clientId)
          return oauthError(400, 'invalid_grant', 'Authentication failed for the user.')
      } else if (grant === 'refresh_token') {
        identity = readRefreshToken(form.get('refresh_token') ?? '', backend.db)
        if (!identity || identity.clientId !== registered.clientId)
          return oauthError(400, 'invalid_grant', 'The refresh token is not valid.')
      } else {
        return oauthError(400, 'unsupported_grant_type', 'Use password or refresh_token.')
      }
      return HttpResponse.json({
        access_token: mintToken(identity, now, 'store'),
        refresh_token: mintToken(identity, now, 'store-refresh'),
        token_type: 'Bearer',
        expires_in: TOKEN_TTL_SECONDS,
        scope: form.get('scope') ?? 'apim:subscribe',
      })
    }),
  ]
}
