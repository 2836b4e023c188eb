import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { PartialList } from '../../lib/partial-list.ts'
import { backoffDelay, isTransientError } from '../../lib/outcome.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import { startSession } from '../../lib/session-store.ts'
import { refetchUnauthorized } from '../console/session.ts'
import {
  EnvironmentListSchema,
  MeSchema,
  TokenSchema,
  type ClientCredentials,
  type Environment,
  type Me,
  type Token,
} from './account-schemas.ts'

/** The token call: form-encoded client credentials, no bearer token. */
export function tokenRequest(credentials: ClientCredentials): RequestSpec<Token> {
  return {
    method: 'POST',
    path: '/accounts/api/v2/oauth2/token',
    auth: 'none',
    body: new URLSearchParams({
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      grant_type: 'client_credentials',
    }),
    schema: TokenSchema,
  }
}

/** Exchanges a connected app's client ID and secret for a bearer token. */
export function requestToken(credentials: ClientCredentials): Promise<Token> {
  return request(tokenRequest(credentials))
}

/** Who the token belongs to: user, organization, and (demo, choice) the app's scopes. */
export function getMe(signal?: AbortSignal): Promise<Me> {
  return request({ method: 'GET', path: '/accounts/api/me', schema: MeSchema, signal })
}

/** The organization's environments (Production, Sandbox ...). */
export async function listEnvironments(
  orgId: string,
  signal?: AbortSignal,
): Promise<PartialList<Environment>> {
  const body = await request({
    method: 'GET',
    path: `/accounts/api/organizations/${encodeURIComponent(orgId)}/environments`,
    schema: EnvironmentListSchema,
    signal,
  })
  return body.data
}

/** First and longest wait between reads of the account while it cannot be loaded. */
export const ACCOUNT_RECOVERY_BASE_MS = 2_000
export const ACCOUNT_RECOVERY_MAX_MS = 60_000

/**
 * While the identity or the environments cannot be read for a reason time can fix (the
 * network, a 5xx), they are read again with backoff, so the console comes back by itself
 * once the backend does. Everything waits on them, and nothing else would poll them.
 */
function recoverWhileFailing(query: {
  state: { status: string; error: unknown; errorUpdateCount: number }
}) {
  if (query.state.status !== 'error' || !isTransientError(query.state.error)) return false
  return backoffDelay(
    query.state.errorUpdateCount - 1,
    ACCOUNT_RECOVERY_BASE_MS,
    ACCOUNT_RECOVERY_MAX_MS,
  )
}

export const accountQueries = {
  all: () => ['access-management'] as const,
  me: () =>
    queryOptions({
      queryKey: [...accountQueries.all(), 'me'],
      queryFn: ({ signal }) => getMe(signal),
      staleTime: 5 * 60_000,
      refetchInterval: recoverWhileFailing,
    }),
  environments: (orgId: string) =>
    queryOptions({
      queryKey: [...accountQueries.all(), orgId, 'environments'],
      queryFn: ({ signal }) => listEnvironments(orgId, signal),
      staleTime: 5 * 60_000,
      refetchInterval: recoverWhileFailing,
    }),
}

/** Default token lifetime when the server does not say (the documented ~3600 s). */
const DEFAULT_EXPIRES_IN = 3600

/**
 * Signs in with client credentials (demo mode's one sign-in). From the sign-in page the
 * cache is cleared first so nothing another identity loaded can show. Again over a page
 * (`again`, after a 401), the page keeps what it has: the calls that waited are sent again,
 * what failed with 401 is refetched, and everything is read again if the identity changed.
 * The secret lives only in the mutation's variables.
 */
export function useSignIn({ again = false }: { again?: boolean } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: requestToken,
    onSuccess: async (token, credentials) => {
      const previous = queryClient.getQueryData(accountQueries.me().queryKey)?.client?.client_id
      if (!again) queryClient.clear()
      startSession({
        accessToken: token.access_token,
        expiresAt: Date.now() + (token.expires_in ?? DEFAULT_EXPIRES_IN) * 1000,
        clientId: credentials.clientId,
      })
      if (again) {
        await (previous === credentials.clientId
          ? refetchUnauthorized(queryClient)
          : queryClient.invalidateQueries())
      }
    },
  })
}
