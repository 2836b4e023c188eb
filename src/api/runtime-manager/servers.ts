import { forgetDeleted } from '../../lib/forget-deleted.ts'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { idOf, labelOf, type ChangeLabel, type LabelledId } from '../console/audit-change.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { hybridDeleteRequest, hybridDeleter } from './delete-request.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import {
  RegistrationTokenSchema,
  ServerEnvelopeSchema,
  ServerListSchema,
  type Server,
} from './server-schemas.ts'
import { getRevalidated, type CachedRead, type WithEtag } from '../../lib/etag-cache.ts'
import { listPollInterval, notedFullRead, shareKeepingRead } from '../../lib/list-polling.ts'
import type { PartialList } from '../../lib/partial-list.ts'

const BASE = '/hybrid/api/v1'

/**
 * Polling while any server waits for its agent; otherwise a slow heartbeat (a server's
 * own page). The list's heartbeat is `listPollInterval` (ADR 016).
 */
export const SERVER_POLL_FAST_MS = 5_000
export const SERVER_POLL_IDLE_MS = 30_000

/**
 * The environment's servers; records that could not be read are in `rejected`. The list
 * is polled: given its query's context, it revalidates the cached copy with its ETag, so
 * an idle poll costs a 304 (ADR 010, 020).
 */
export async function listServers(
  scope: EnvScope,
  read: CachedRead = {},
): Promise<WithEtag<PartialList<Server>>> {
  return notedFullRead(
    await getRevalidated(
      { method: 'GET', path: `${BASE}/servers`, scope, schema: ServerListSchema },
      (body) => body.data,
      read,
    ),
  )
}

export async function getServer(
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<Server> {
  return (
    await request({
      method: 'GET',
      path: `${BASE}/servers/${id}`,
      scope,
      schema: ServerEnvelopeSchema,
      signal,
    })
  ).data
}

/** The exact unregister call, for the confirmation dialog's curl preview and for sending. */
export function unregisterServerRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return hybridDeleteRequest(scope, `/servers/${id}`, label, 'unregister')
}

/**
 * Unregisters a server; after a lost answer, a 404 on reading it back means it is gone.
 * `label` names it for the audit trail (ADR 015).
 */
export const unregisterServer = hybridDeleter(unregisterServerRequest, getServer)

export function registrationTokenRequest(scope: EnvScope) {
  return {
    method: 'GET',
    path: `${BASE}/servers/registrationToken`,
    scope,
    schema: RegistrationTokenSchema,
  } as const
}

export async function getRegistrationToken(scope: EnvScope, signal?: AbortSignal): Promise<string> {
  return (await request({ ...registrationTokenRequest(scope), signal })).data
}

/** How long after registering a server is expected to connect; past that, polling slows down. */
export const AGENT_CONNECT_WINDOW_MS = 15 * 60_000

/**
 * A server whose agent registered moments ago and should connect soon. One that never
 * connected (`CREATED` for longer) is a settled state, not worth fast polling.
 */
export function isServerTransitional(server: Server, now = Date.now()): boolean {
  if (server.status !== 'CREATED') return false
  const created =
    typeof server.timeCreated === 'number' ? server.timeCreated : Number(server.timeCreated)
  return Number.isFinite(created) && now - created < AGENT_CONNECT_WINDOW_MS
}

export const serverQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'servers'] as const,
  list: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...serverQueries.all(scope), 'list'],
      queryFn: (context) => listServers(scope, context),
      // While a server waits for its agent, fast; otherwise at the pace of the list's size
      // and ETag (ADR 016): 30 s with an ETag, 15 s up to 500 servers without.
      refetchInterval: (query) =>
        query.state.data?.items.some((s) => isServerTransitional(s))
          ? SERVER_POLL_FAST_MS
          : listPollInterval(query.state.data, false),
      refetchIntervalInBackground: false,
      structuralSharing: shareKeepingRead,
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...serverQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getServer(scope, id, signal),
      refetchInterval: (query) =>
        query.state.data && isServerTransitional(query.state.data)
          ? SERVER_POLL_FAST_MS
          : SERVER_POLL_IDLE_MS,
    }),
  registrationToken: (scope: EnvScope) =>
    queryOptions({
      queryKey: [...serverQueries.all(scope), 'registration-token'],
      queryFn: ({ signal }) => getRegistrationToken(scope, signal),
      staleTime: 60_000,
      gcTime: 60_000,
    }),
}

/**
 * Unregisters one server. Resolves once the server list has been refetched, so the
 * button stays busy until the row is really gone.
 */
export function useUnregisterServer(scope: EnvScope) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (target: LabelledId) => unregisterServer(scope, idOf(target), labelOf(target)),
    onSuccess: (_data, target) =>
      forgetDeleted(queryClient, serverQueries.detail(scope, idOf(target)).queryKey, {
        queryKey: serverQueries.all(scope),
      }),
  })
}
