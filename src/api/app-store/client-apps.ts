import { forgetDeleted } from '../../lib/forget-deleted.ts'
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import type { ChangeLabel } from '../console/audit-change.ts'
import { isApiError } from '../../lib/api-error.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import { sendAndVerify, verifyGone, type VerifyOptions } from '../../lib/outcome.ts'
import { noContent, send, sendConditional, type RequestSpec } from '../../lib/request.ts'
import {
  ClientAppListSchema,
  ClientAppSchema,
  GeneratedKeysSchema,
  TierListSchema,
  type ClientApp,
  type ClientAppInput,
  type ClientAppList,
  type GeneratedKeys,
  type GenerateKeysInput,
  type Tier,
} from './client-app-schemas.ts'

/** Same-origin prefix of the API Store (proxied to `STORE_URL` in live mode). */
export const STORE_BASE = '/api/am/store/v0.10'

/** The documented default page size of `GET /applications`. */
export const CLIENT_APP_PAGE_SIZE = 25

/** Polling while an application awaits approval; otherwise a slow heartbeat. */
export const CLIENT_APP_POLL_FAST_MS = 5_000
export const CLIENT_APP_POLL_IDLE_MS = 30_000

/** Statuses that may still change on their own (an approval workflow is running). */
export function isAwaitingApproval(status: string): boolean {
  return status === 'CREATED' || status === 'ON_HOLD'
}

export interface ClientAppListParams {
  /** An exact application name (the API's `query`), or '' for all. */
  name: string
  offset: number
  limit: number
}

export async function listClientApps(
  params: ClientAppListParams,
  signal?: AbortSignal,
): Promise<ClientAppList> {
  const { data } = await send({
    method: 'GET',
    path: `${STORE_BASE}/applications`,
    query: { query: params.name || undefined, limit: params.limit, offset: params.offset },
    schema: ClientAppListSchema,
    signal,
  })
  return data
}

/**
 * An application with the validators it was served with. `etag` is null when the server
 * sends none (the vendor marks ETags "will be supported in future"): editing then works
 * without `If-Match`.
 */
export interface ClientAppDetail {
  application: ClientApp
  etag: string | null
  lastModified: string | null
}

function detailFrom(application: ClientApp, headers: Headers): ClientAppDetail {
  return {
    application,
    etag: headers.get('ETag'),
    lastModified: headers.get('Last-Modified'),
  }
}

/**
 * Reads one application. With `known` (the copy on screen) the request carries
 * `If-None-Match`, and a 304 returns `known` unchanged: polling costs an empty answer.
 */
export async function getClientApp(
  applicationId: string,
  known?: ClientAppDetail,
  signal?: AbortSignal,
): Promise<ClientAppDetail> {
  const etag = known?.application.applicationId === applicationId ? known.etag : null
  const answer = await sendConditional({
    method: 'GET',
    path: `${STORE_BASE}/applications/${encodeURIComponent(applicationId)}`,
    headers: etag ? { 'If-None-Match': etag } : undefined,
    schema: ClientAppSchema,
    signal,
  })
  if (answer.notModified) {
    if (known) return known
    // Only possible when a server answers 304 to a request that was not conditional.
    return getClientApp(applicationId, undefined, signal)
  }
  return detailFrom(answer.data, answer.headers)
}

/** `POST /applications`, for sending and for showing. */
export function createClientAppRequest(input: ClientAppInput): RequestSpec<ClientApp> {
  return {
    method: 'POST',
    path: `${STORE_BASE}/applications`,
    // Named for the audit trail: a refused create (409) answers no name of its own.
    change: { action: 'create', name: input.name },
    body: clientAppBody(input),
    schema: ClientAppSchema,
  }
}

/** The JSON of a create or an update: empty optional fields are left out. */
export function clientAppBody(input: ClientAppInput): Record<string, string> {
  const body: Record<string, string> = { name: input.name, throttlingTier: input.throttlingTier }
  if (input.description) body.description = input.description
  if (input.callbackUrl) body.callbackUrl = input.callbackUrl
  return body
}

/**
 * The new application's id from a `Location` header. The vendor sends an absolute URL
 * (`https://host:9443/api/am/store/v0.10/applications/<id>`); a relative one is accepted
 * too. Only the path's last segment after `/applications/` is read, so a proxy that
 * leaves the upstream's host in the header does not matter.
 */
export function applicationIdFromLocation(location: string | null): string | null {
  if (!location) return null
  const base = 'http://location.invalid'
  if (!URL.canParse(location, base)) return null
  const match = /\/applications\/([^/?#]+)\/?$/.exec(new URL(location, base).pathname)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

export interface CreatedClientApp {
  /** From `Location`; the body's `applicationId` only when the header is missing. */
  applicationId: string
  detail: ClientAppDetail
}

/**
 * Creates an application. After a lost answer the store is asked for that exact name
 * (names are unique per subscriber: a second one is refused with 409).
 */
export async function createClientApp(input: ClientAppInput): Promise<CreatedClientApp> {
  return sendAndVerify(
    async () => {
      const { data, headers } = await send(createClientAppRequest(input))
      const applicationId = applicationIdFromLocation(headers.get('Location')) ?? data.applicationId
      return { applicationId, detail: detailFrom(data, headers) }
    },
    async () => {
      const list = await listClientApps({ name: input.name, offset: 0, limit: 1 })
      const found = list.list.find((a) => a.name === input.name)
      if (!found) return null
      return { applicationId: found.applicationId, detail: await getClientApp(found.applicationId) }
    },
  )
}

/**
 * `PUT /applications/{id}`. With an `etag` it carries `If-Match`, so the store refuses
 * (412) when someone changed the application since it was read; without one it is an
 * unconditional write.
 */
export function updateClientAppRequest(
  applicationId: string,
  input: ClientAppInput,
  etag: string | null,
): RequestSpec<ClientApp> {
  return {
    method: 'PUT',
    path: `${STORE_BASE}/applications/${encodeURIComponent(applicationId)}`,
    // Named for the audit trail too: a refused edit (412) answers no name of its own.
    headers: etag ? { 'If-Match': etag } : undefined,
    change: { name: input.name },
    // PUT replaces the application: a field left out is a field not set, so a cleared
    // field is omitted rather than sent as "" (which a strict store refuses as an
    // invalid URL or an empty description).
    body: clientAppBody(input),
    schema: ClientAppSchema,
  }
}

export async function updateClientApp(
  applicationId: string,
  input: ClientAppInput,
  etag: string | null,
): Promise<ClientAppDetail> {
  const { data, headers } = await send(updateClientAppRequest(applicationId, input, etag))
  return detailFrom(data, headers)
}

/** `DELETE /applications/{id}` (unconditional: the operator confirmed what they saw). */
export function deleteClientAppRequest(
  applicationId: string,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return {
    method: 'DELETE',
    change: { ...label, action: 'delete' },
    path: `${STORE_BASE}/applications/${encodeURIComponent(applicationId)}`,
    schema: noContent,
  }
}

/** What a delete achieved: removed now, or it was already gone (404). */
export type DeleteOutcome = 'deleted' | 'already-gone'

/**
 * Deletes an application. A 404 means it was already gone; after a lost answer, a 404
 * on reading it back means this delete removed it. `label` names it for the audit trail.
 */
export async function deleteClientApp(
  applicationId: string,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
): Promise<DeleteOutcome> {
  try {
    return await sendAndVerify(
      async (): Promise<DeleteOutcome> => {
        await send(deleteClientAppRequest(applicationId, label))
        return 'deleted'
      },
      verifyGone(() => getClientApp(applicationId), 'deleted'),
      options,
    )
  } catch (error) {
    if (isApiError(error) && error.kind === 'http' && error.status === 404) return 'already-gone'
    throw error
  }
}

/** `POST /applications/generate-keys?applicationId=`: answers with the secret, once. */
export function generateKeysRequest(
  applicationId: string,
  input: GenerateKeysInput,
  label: ChangeLabel = {},
): RequestSpec<GeneratedKeys> {
  return {
    method: 'POST',
    change: { ...label, action: 'generate-keys' },
    path: `${STORE_BASE}/applications/generate-keys`,
    query: { applicationId },
    body: input,
    schema: GeneratedKeysSchema,
  }
}

export async function generateKeys(
  applicationId: string,
  input: GenerateKeysInput,
  label: ChangeLabel = {},
): Promise<GeneratedKeys> {
  return (await send(generateKeysRequest(applicationId, input, label))).data
}

/** The tiers to offer; records that could not be read are in `rejected`. */
export async function listApplicationTiers(signal?: AbortSignal): Promise<PartialList<Tier>> {
  const { data } = await send({
    method: 'GET',
    path: `${STORE_BASE}/tiers/application`,
    schema: TierListSchema,
    signal,
  })
  return data.list
}

/** The key of one application's detail, typed with its data so the query function can read it. */
function detailKey(applicationId: string) {
  return queryOptions<ClientAppDetail>({
    queryKey: [...clientAppQueries.all(), 'detail', applicationId],
  }).queryKey
}

export const clientAppQueries = {
  /** The API Store is organization-wide: the same applications in every environment. */
  all: () => ['app-store', 'applications'] as const,
  lists: () => [...clientAppQueries.all(), 'list'] as const,
  list: (params: ClientAppListParams) =>
    queryOptions({
      queryKey: [...clientAppQueries.lists(), params],
      queryFn: ({ signal }) => listClientApps(params, signal),
      // The previous page stays on screen while the next one loads.
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        query.state.data?.list.some((a) => isAwaitingApproval(a.status))
          ? CLIENT_APP_POLL_FAST_MS * 2
          : CLIENT_APP_POLL_IDLE_MS,
    }),
  detail: (applicationId: string) => {
    const queryKey = detailKey(applicationId)
    return queryOptions({
      queryKey,
      queryFn: ({ signal, client }) =>
        getClientApp(applicationId, client.getQueryData(queryKey), signal),
      refetchInterval: (query) =>
        query.state.data && isAwaitingApproval(query.state.data.application.status)
          ? CLIENT_APP_POLL_FAST_MS
          : CLIENT_APP_POLL_IDLE_MS,
    })
  },
  applicationTiers: () =>
    queryOptions({
      queryKey: ['app-store', 'tiers', 'application'],
      queryFn: ({ signal }) => listApplicationTiers(signal),
      staleTime: 5 * 60_000,
    }),
}

/** Re-reads one application now (conditionally), e.g. to compare after a 412. */
export function fetchFreshClientApp(
  queryClient: QueryClient,
  applicationId: string,
): Promise<ClientAppDetail> {
  return queryClient.fetchQuery({ ...clientAppQueries.detail(applicationId), staleTime: 0 })
}

/**
 * Creates an application. Resolves once the lists are refetched; the new application's
 * detail is seeded when the answer carried an ETag (otherwise its page reads it).
 */
export function useCreateClientApp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createClientApp,
    onSuccess: async (created) => {
      if (created.detail.etag && created.detail.application.applicationId === created.applicationId)
        queryClient.setQueryData(detailKey(created.applicationId), created.detail)
      await queryClient.invalidateQueries({ queryKey: clientAppQueries.lists() })
    },
  })
}

export interface UpdateClientAppVariables {
  input: ClientAppInput
  /** The ETag the edit started from; null sends no `If-Match`. */
  etag: string | null
}

/** Saves an edit. Resolves once the page shows the saved application (and its new ETag). */
export function useUpdateClientApp(applicationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ input, etag }: UpdateClientAppVariables) =>
      updateClientApp(applicationId, input, etag),
    onSuccess: async (detail) => {
      queryClient.setQueryData(detailKey(applicationId), detail)
      await queryClient.invalidateQueries({ queryKey: clientAppQueries.all() })
    },
  })
}

/** Deletes an application; a 404 resolves as `already-gone` (the goal is reached either way). */
export function useDeleteClientApp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ applicationId, name }: { applicationId: string; name?: string }) =>
      deleteClientApp(applicationId, { name }),
    onSuccess: async (_outcome, { applicationId }) => {
      // The list is not on screen (the delete happens on the application's page), so it is
      // refetched now, inactive or not: the page it returns to never shows the deleted one.
      await forgetDeleted(queryClient, detailKey(applicationId), {
        queryKey: clientAppQueries.lists(),
        refetchType: 'all',
      })
    },
  })
}

/**
 * Generates a key set. The answer (with the consumer secret) lives only in this
 * mutation's result, held by the dialog that shows it: `gcTime: 0` drops it from the
 * mutation cache as soon as that dialog lets go, and nothing of it is written to a query.
 * Resolves once the application (its key list) is refetched.
 */
/** `name`: the application's name, for the audit trail (ADR 015). */
export function useGenerateKeys(applicationId: string, name?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: GenerateKeysInput) => generateKeys(applicationId, input, { name }),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: detailKey(applicationId) }),
  })
}
