import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../lib/api-error.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import {
  familiesSignedOut,
  familyOfPath,
  familySignedIn,
  FAMILIES,
  type Family,
} from '../../lib/session-store.ts'
import {
  FamilyStateSchema,
  SessionStateSchema,
  type ArmCredentials,
  type FamilyState,
  type UserCredentials,
} from './session-schemas.ts'

// What each family is called is one table for the page and the server (lib/families.ts);
// the session pages take it from here, with the rest of a family's sign-in.
export { FAMILY_NAMES } from '../../lib/families.ts'

/** The credentials each family's sign-in takes. */
export type FamilyCredentials =
  | { family: 'arm'; credentials: ArmCredentials }
  | { family: 'mfp' | 'store'; credentials: UserCredentials }

/**
 * Live mode's session, as the console's server reports it: who is signed in per family.
 * It changes only through the sign-in and sign-out calls (and a 401, which the session
 * store records on top of it), so it is read once and kept.
 */
export const consoleSessionQueries = {
  state: () =>
    queryOptions({
      queryKey: ['console-session'],
      queryFn: ({ signal }) =>
        request({
          method: 'GET',
          path: '/console-api/session',
          auth: 'none',
          schema: SessionStateSchema,
          signal,
        }),
      staleTime: Infinity,
    }),
}

/** `POST /console-api/session/{family}`: the secret goes to the console's server once, nothing keeps it. */
export function familySignInRequest(input: FamilyCredentials): RequestSpec<FamilyState> {
  return {
    method: 'POST',
    path: `/console-api/session/${input.family}`,
    auth: 'none',
    body: { ...input.credentials },
    schema: FamilyStateSchema,
  }
}

/** `DELETE /console-api/session[/family]`: one family signed out, or the whole session. */
export function signOutRequest(family: Family | 'all'): RequestSpec<unknown> {
  return {
    method: 'DELETE',
    path: family === 'all' ? '/console-api/session' : `/console-api/session/${family}`,
    auth: 'none',
    schema: noContent,
  }
}

/**
 * After a sign-in, refetch what failed because the sign-in was missing (a 401), for one
 * family or (demo mode's one sign-in) all. Queries still waiting for the sign-in are resent
 * by `request` itself.
 */
export function refetchUnauthorized(queryClient: QueryClient, family?: Family): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const error = query.state.error
      if (!isApiError(error) || error.status !== 401) return false
      return family === undefined || familyOfPath(error.request.path) === family
    },
  })
}

/**
 * Live mode: signs one family in through the console's server. The requests that waited
 * for it are sent again, and what had failed with its 401 is refetched.
 */
export function useFamilySignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: FamilyCredentials) => request(familySignInRequest(input)),
    onSuccess: async (state, input) => {
      queryClient.setQueryData(consoleSessionQueries.state().queryKey, (session) =>
        session
          ? { ...session, families: { ...session.families, [input.family]: state } }
          : session,
      )
      familySignedIn(input.family)
      await Promise.all([
        refetchUnauthorized(queryClient, input.family),
        queryClient.invalidateQueries({ queryKey: consoleSessionQueries.state().queryKey }),
      ])
    },
  })
}

/**
 * Live mode: signs out of one family (its pages show its sign-in in place) or of all
 * (the session ends; nothing loaded under it is kept).
 */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (family: Family | 'all') => request(signOutRequest(family)),
    onSuccess: async (_, family) => {
      const families = family === 'all' ? FAMILIES : [family]
      familiesSignedOut(families)
      queryClient.setQueryData(consoleSessionQueries.state().queryKey, (session) => {
        if (!session) return session
        const next = { ...session.families }
        for (const f of families) next[f] = { signedIn: false }
        return { ...session, families: next }
      })
      // Nothing loaded under the ended session is kept (the session state itself is read again).
      if (family === 'all')
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'console-session' })
      await queryClient.invalidateQueries({ queryKey: consoleSessionQueries.state().queryKey })
    },
  })
}
