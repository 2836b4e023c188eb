import { forgetDeleted } from '../../lib/forget-deleted.ts'
import {
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { ApiError } from '../../lib/api-error.ts'
import {
  fullReadDue,
  listPollInterval,
  listReadOf,
  noteListRead,
  shareKeepingRead,
  type ListRead,
} from '../../lib/list-polling.ts'
import { idOf, labelOf, type ChangeLabel, type LabelledId } from '../console/audit-change.ts'
import type { EnvScope, RequestBody, RequestInit_ } from '../../lib/describe-request.ts'
import { hybridDeleteRequest, hybridDeleter } from './delete-request.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import { sendMultipart, type UploadProgress } from '../../lib/upload.ts'
import {
  ApplicationEnvelopeSchema,
  ApplicationListSchema,
  DeployAcceptedSchema,
  type Application,
} from './application-schemas.ts'
import { applicationState } from './application-status.ts'
import {
  cameWithEtag,
  getRevalidated,
  type CachedRead,
  type WithEtag,
} from '../../lib/etag-cache.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import { sendAndVerify, type Verify, type VerifyOptions } from '../../lib/outcome.ts'

const BASE = '/hybrid/api/v1'

/**
 * An application's own page polls it every 2 s while it is deploying, starting or
 * stopping, otherwise every 30 s. The list's pace is `listPollInterval` (ADR 016).
 */
export const APPLICATION_POLL_FAST_MS = 2_000
export const APPLICATION_POLL_IDLE_MS = 30_000
/** At most this many reads follow the settling applications of a list per round. */
export const FOLLOW_MAX_READS = 8
/** A target with this many settling applications is read once (`?targetId=`), not each. */
export const FOLLOW_TARGET_FROM = 3

export interface ApplicationListFilters {
  /** Only applications deployed to this server, group or cluster. */
  targetId?: number
}

/**
 * The applications (of one target, with `targetId`). The list is polled: given its
 * query's context, it revalidates the cached copy with its ETag, so an idle poll costs a
 * 304 (ADR 010, 020); the facts of the read pace the polling (ADR 016).
 */
export async function listApplications(
  scope: EnvScope,
  filters: ApplicationListFilters,
  read: CachedRead = {},
): Promise<WithEtag<PartialList<Application>>> {
  const list = await getRevalidated(
    {
      method: 'GET',
      path: `${BASE}/applications`,
      query: { targetId: filters.targetId },
      scope,
      schema: ApplicationListSchema,
    },
    (body) => body.data,
    read,
  )
  noteListRead(list, {
    readAt: Date.now(),
    rows: list.items.length,
    etag: cameWithEtag(list),
    follows: 0,
  })
  return list
}

/**
 * What a polled list's fetch does: read the whole list when it is asked for (first
 * load, an invalidation after a change, a failed last fetch) or when its full read is due
 * (`fullListInterval`); otherwise, while applications are settling, follow only those.
 */
async function readApplicationList(
  client: QueryClient,
  queryKey: QueryKey,
  scope: EnvScope,
  filters: ApplicationListFilters,
  signal: AbortSignal,
): Promise<WithEtag<PartialList<Application>>> {
  const state = client.getQueryState<WithEtag<PartialList<Application>>>(queryKey)
  const previous = state?.data
  const read = previous ? listReadOf(previous) : undefined
  if (
    previous &&
    read &&
    !state.isInvalidated &&
    !fullReadDue(previous, Date.now()) &&
    anySettling(previous.items)
  ) {
    return followSettling(scope, previous, read, signal)
  }
  return listApplications(scope, filters, { signal, client, queryKey })
}

type FollowRead = { targetId: number } | { app: Application }

/**
 * Reads the settling applications of a list (each by `GET /applications/{id}`, or all of
 * one target by `?targetId=` when several of it are settling, at most `FOLLOW_MAX_READS`
 * reads a round, rotating) and merges what they answer into the list: the list itself is
 * not read. The same list object comes back when nothing changed, so nothing re-renders.
 */
export async function followSettling(
  scope: EnvScope,
  list: PartialList<Application>,
  read: ListRead,
  signal?: AbortSignal,
): Promise<PartialList<Application>> {
  const byTarget = new Map<number, Application[]>()
  for (const app of list.items) {
    if (!isApplicationSettling(app)) continue
    const apps = byTarget.get(app.target.id)
    if (apps) apps.push(app)
    else byTarget.set(app.target.id, [app])
  }
  const reads: FollowRead[] = []
  for (const [targetId, apps] of byTarget) {
    if (apps.length >= FOLLOW_TARGET_FROM) reads.push({ targetId })
    else for (const app of apps) reads.push({ app })
  }
  const start =
    reads.length > FOLLOW_MAX_READS ? (read.follows * FOLLOW_MAX_READS) % reads.length : 0
  const chosen = [...reads.slice(start), ...reads.slice(0, start)].slice(0, FOLLOW_MAX_READS)
  read.follows++

  const fresh = new Map<number, Application>()
  const gone = new Set<number>()
  await Promise.all(
    chosen.map(async (next) => {
      if ('app' in next) {
        try {
          fresh.set(next.app.id, withoutUptime(await getApplication(scope, next.app.id, signal)))
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) gone.add(next.app.id)
          else throw error
        }
        return
      }
      const answer = await listApplications(scope, { targetId: next.targetId }, { signal })
      const seen = new Set<number>()
      for (const app of answer.items) {
        if (app.target.id !== next.targetId) continue
        fresh.set(app.id, app)
        seen.add(app.id)
      }
      // Gone from its target's answer: deleted (unless the answer left records out).
      if (answer.rejected.length === 0) {
        for (const app of list.items)
          if (app.target.id === next.targetId && !seen.has(app.id)) gone.add(app.id)
      }
    }),
  )

  let changed = false
  const items: Application[] = []
  for (const app of list.items) {
    if (gone.has(app.id)) {
      changed = true
      continue
    }
    const next = fresh.get(app.id)
    if (next && JSON.stringify(next) !== JSON.stringify(app)) {
      items.push(next)
      changed = true
    } else items.push(app)
  }
  if (!changed) return list
  const merged = { items, rejected: list.rejected }
  noteListRead(merged, read)
  return merged
}

/** The list leaves `uptime` out (it changes every millisecond, ADR 010); so does a merge. */
function withoutUptime(app: Application): Application {
  const { uptime: _uptime, ...rest } = app
  return rest
}

export async function getApplication(
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<Application> {
  const body = await request({
    method: 'GET',
    path: `${BASE}/applications/${id}`,
    scope,
    schema: ApplicationEnvelopeSchema,
    signal,
  })
  return body.data
}

/**
 * Whether any application of a list is still moving, remembered per list: React Query
 * asks on every render of the page, and the list is the same object until it changes.
 */
function anySettling(list: readonly Application[]): boolean {
  const known = settlingLists.get(list)
  if (known !== undefined) return known
  const settling = list.some(isApplicationSettling)
  settlingLists.set(list, settling)
  return settling
}
const settlingLists = new WeakMap<readonly Application[], boolean>()

/** True while the runtime has not yet reached what the operator asked for. */
export function isApplicationSettling(app: Application): boolean {
  return applicationState(app).settling
}

/** `PATCH /applications/{id}` with `body`, and its words for the audit trail (ADR 015). */
function applicationPatch(
  scope: EnvScope,
  id: number,
  change: ChangeLabel,
  body: RequestBody,
): RequestInit_ {
  return { method: 'PATCH', path: `${BASE}/applications/${id}`, scope, change, body }
}

/** `PATCH {"desiredStatus": ...}`: start or stop on every server of the target. */
export function desiredStatusRequest(
  scope: EnvScope,
  id: number,
  desiredStatus: 'STARTED' | 'STOPPED',
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  const action = desiredStatus === 'STARTED' ? 'start' : 'stop'
  return {
    ...applicationPatch(scope, id, { ...label, action }, { desiredStatus }),
    schema: noContent,
  }
}

/** `PATCH` multipart without a file: redeploy the current artifact. */
export function redeployRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  const change: ChangeLabel = { ...label, action: 'redeploy' }
  return { ...applicationPatch(scope, id, change, new FormData()), schema: noContent }
}

/** `DELETE`: 204 whether or not it still existed. */
export function deleteApplicationRequest(
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return hybridDeleteRequest(scope, `/applications/${id}`, label, 'delete')
}

export interface DeployInput {
  file: File
  artifactName: string
  targetId: number
  /** Application properties, sent as the JSON `configuration` part when not empty. */
  properties: Record<string, string>
  /**
   * The target's name, for the audit trail only (`X-Console-Change`): the deploy's answer
   * does not name its target, and "deployed where" is the question the trail answers.
   */
  targetName?: string
}

/** The words of a deploy for the audit trail (ADR 015). */
function deployChange(input: DeployInput): ChangeLabel {
  return { action: 'deploy', name: input.artifactName, on: input.targetName }
}

/** The multipart form of a deploy, in the documented part order. */
export function deployForm(input: DeployInput): FormData {
  const form = new FormData()
  form.append('file', input.file, input.file.name)
  form.append('artifactName', input.artifactName)
  form.append('targetId', String(input.targetId))
  if (Object.keys(input.properties).length > 0)
    form.append('configuration', JSON.stringify(input.properties))
  return form
}

/** The deploy call as it will be sent, for the curl preview. */
export function deployRequest(scope: EnvScope, input: DeployInput): RequestInit_ {
  return {
    method: 'POST',
    path: `${BASE}/applications`,
    scope,
    change: deployChange(input),
    body: deployForm(input),
  }
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void
  signal?: AbortSignal
}

/** What a deploy answers: the new application's id, its artifact and first status. */
export interface DeployAccepted {
  id: number
  artifact?: Application['artifact']
  lastReportedStatus?: string
}

/**
 * Reads back a deploy whose answer was lost: an application of that name on that
 * target means the deploy was accepted (names are unique per target: a second one is
 * refused with 409); none means it was not.
 */
export function verifyDeployed(scope: EnvScope, input: DeployInput): Verify<DeployAccepted> {
  return async () => {
    const apps = await listApplications(scope, { targetId: input.targetId })
    const found = apps.items.find(
      (a) => a.name === input.artifactName && a.target.id === input.targetId,
    )
    return found
      ? { id: found.id, artifact: found.artifact, lastReportedStatus: found.lastReportedStatus }
      : null
  }
}

/**
 * Uploads an artifact and deploys it: resolves with the new application's id (202). A
 * lost answer is read back (`verifyDeployed`) instead of being reported as a failure.
 */
export async function deployApplication(
  scope: EnvScope,
  input: DeployInput,
  options: UploadOptions & VerifyOptions = {},
): Promise<DeployAccepted> {
  return sendAndVerify(
    async () => {
      const response = await sendMultipart({
        method: 'POST',
        path: `${BASE}/applications`,
        scope,
        change: deployChange(input),
        body: deployForm(input),
        schema: DeployAcceptedSchema,
        onProgress: options.onProgress,
        signal: options.signal,
      })
      return response.data.data
    },
    verifyDeployed(scope, input),
    { onChecking: options.onChecking, signal: options.signal },
  )
}

/** Reads back a start or stop: applied when the application now wants that status. */
export function verifyDesiredStatus(
  scope: EnvScope,
  id: number,
  desiredStatus: 'STARTED' | 'STOPPED',
): Verify<unknown> {
  return async () =>
    (await getApplication(scope, id)).desiredStatus === desiredStatus ? true : null
}

/**
 * Starts or stops one application; a lost answer is read back (`verifyDesiredStatus`).
 * `label` names it for the audit trail (ADR 015).
 */
export function setDesiredStatus(
  scope: EnvScope,
  id: number,
  desiredStatus: 'STARTED' | 'STOPPED',
  label: ChangeLabel = {},
  options: VerifyOptions = {},
): Promise<unknown> {
  return sendAndVerify(
    () => request(desiredStatusRequest(scope, id, desiredStatus, label)),
    verifyDesiredStatus(scope, id, desiredStatus),
    options,
  )
}

/**
 * Deletes one application; after a lost answer, a 404 on reading it back means it is gone.
 * `label` names it for the audit trail (ADR 015).
 */
export const deleteApplication = hybridDeleter(deleteApplicationRequest, getApplication)

export interface UpdateArtifactInput {
  file: File
}

/** The update call as it will be sent, for the curl preview. */
export function updateArtifactRequest(
  scope: EnvScope,
  id: number,
  input: UpdateArtifactInput,
): RequestInit_ {
  const form = new FormData()
  form.append('file', input.file, input.file.name)
  return applicationPatch(scope, id, { action: 'update-artifact' }, form)
}

/** Replaces the artifact (PATCH multipart with a new `file`); the application redeploys. */
export async function updateApplicationArtifact(
  scope: EnvScope,
  id: number,
  input: UpdateArtifactInput,
  options: UploadOptions = {},
): Promise<void> {
  const spec = updateArtifactRequest(scope, id, input)
  const body = spec.body
  if (!(body instanceof FormData)) throw new Error('update body must be multipart')
  await sendAndVerify(
    async () => {
      await sendMultipart({ ...spec, body, schema: noContent, ...options })
    },
    // After a lost answer: applied when the application now carries that file.
    async () => {
      const { artifact } = await getApplication(scope, id)
      return artifact.fileName === input.file.name && artifact.fileSize === input.file.size
        ? undefined
        : null
    },
    { signal: options.signal },
  )
}

export const applicationQueries = {
  all: (scope: EnvScope) => ['runtime-manager', scope.orgId, scope.envId, 'applications'] as const,
  /**
   * The whole list, read again at the pace of its size and ETag (`listPollInterval`);
   * while applications settle, those are followed every 2 s by their own reads merged
   * into the list, not by reading the list (ADR 016).
   */
  list: (scope: EnvScope, filters: ApplicationListFilters = {}) =>
    queryOptions({
      queryKey: [...applicationQueries.all(scope), 'list', filters],
      queryFn: ({ signal, client, queryKey }) =>
        readApplicationList(client, queryKey, scope, filters, signal),
      refetchInterval: (query) =>
        listPollInterval(
          query.state.data,
          query.state.data !== undefined && anySettling(query.state.data.items),
        ),
      refetchIntervalInBackground: false,
      structuralSharing: shareKeepingRead,
    }),
  detail: (scope: EnvScope, id: number) =>
    queryOptions({
      queryKey: [...applicationQueries.all(scope), 'detail', id],
      queryFn: ({ signal }) => getApplication(scope, id, signal),
      refetchInterval: (query) =>
        query.state.data && isApplicationSettling(query.state.data)
          ? APPLICATION_POLL_FAST_MS
          : APPLICATION_POLL_IDLE_MS,
    }),
}

/**
 * Every application mutation settles the same way: refetch what it changed (success or
 * failure, so the screen is true to the backend), and resolve only once that is loaded.
 */
function useRefreshApplications(scope: EnvScope) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) })
}

/** Start or stop one application. */
export function useSetDesiredStatus(scope: EnvScope) {
  const refresh = useRefreshApplications(scope)
  return useMutation({
    mutationFn: ({
      id,
      desiredStatus,
      label,
      options,
    }: {
      id: number
      desiredStatus: 'STARTED' | 'STOPPED'
      /** The application's name and target, for the audit trail (ADR 015). */
      label?: ChangeLabel
      options?: VerifyOptions
    }) => setDesiredStatus(scope, id, desiredStatus, label, options),
    onSettled: refresh,
  })
}

/**
 * A redeploy leaves nothing to read back that tells it happened (same artifact, and the
 * status may not move yet): after a lost answer its outcome stays unknown.
 */
async function cannotTellRedeploy(): Promise<null> {
  throw new Error('a redeploy cannot be told apart by reading the application')
}

export function useRedeployApplication(scope: EnvScope) {
  const refresh = useRefreshApplications(scope)
  return useMutation({
    mutationFn: (target: LabelledId) =>
      sendAndVerify(
        () => request(redeployRequest(scope, idOf(target), labelOf(target))),
        cannotTellRedeploy,
      ),
    onSettled: refresh,
  })
}

export function useDeleteApplication(scope: EnvScope) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (target: LabelledId) => deleteApplication(scope, idOf(target), labelOf(target)),
    onSuccess: (_data, target) =>
      forgetDeleted(queryClient, applicationQueries.detail(scope, idOf(target)).queryKey, {
        queryKey: applicationQueries.all(scope),
      }),
  })
}

export function useDeployApplication(scope: EnvScope) {
  const refresh = useRefreshApplications(scope)
  return useMutation({
    mutationFn: ({
      input,
      options,
    }: {
      input: DeployInput
      options?: UploadOptions & VerifyOptions
    }) => deployApplication(scope, input, options),
    onSuccess: refresh,
  })
}

export function useUpdateApplicationArtifact(scope: EnvScope) {
  const refresh = useRefreshApplications(scope)
  return useMutation({
    mutationFn: ({
      id,
      input,
      options,
    }: {
      id: number
      input: UpdateArtifactInput
      options?: UploadOptions
    }) => updateApplicationArtifact(scope, id, input, options),
    onSettled: refresh,
  })
}
