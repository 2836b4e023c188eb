import { queryOptions, useMutation } from '@tanstack/react-query'
import type * as z from 'zod/mini'
import { idOf, labelOf, type ChangeLabel, type LabelledId } from '../console/audit-change.ts'
import type { EnvScope, RequestBody } from '../../lib/describe-request.ts'
import { sendAndVerify, type VerifyOptions } from '../../lib/outcome.ts'
import { listPollInterval, notedFullRead, shareKeepingRead } from '../../lib/list-polling.ts'
import type { PartialList } from '../../lib/partial-list.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'
import { getRevalidated, type CachedRead, type WithEtag } from '../../lib/etag-cache.ts'
import { hybridDeleteRequest, hybridDeleter } from './delete-request.ts'
import type { Server } from './server-schemas.ts'
import { isServerTransitional } from './servers.ts'
import {
  TARGET_POLL_FAST_MS,
  targetPollInterval,
  useRefreshAfterMembershipChange,
  verifyCreatedByName,
  verifyMembership,
} from './targets.ts'

// Server groups and clusters are the same resource in two collections of the hybrid API:
// every request and query below is written once and told which collection it is for.

const BASE = '/hybrid/api/v1'

/** What every group or cluster record has. */
export interface TargetRecord {
  id: number
  name: string
  servers: Server[]
  timeCreated?: number | string | null
}

/** One collection of deployment targets: where it lives and how its records are read. */
export interface TargetResource<T extends TargetRecord> {
  /** The collection's path under `/hybrid/api/v1` (`serverGroups`, `clusters`). */
  collection: 'serverGroups' | 'clusters'
  /** The word of its query keys (`server-groups`, `clusters`). */
  key: 'server-groups' | 'clusters'
  /** The `{data: T}` envelope of one record. */
  envelope: z.ZodMiniType<{ data: T }>
  /** The `{data: [T...]}` envelope of the list, each record parsed on its own. */
  listEnvelope: z.ZodMiniType<{ data: PartialList<T> }>
}

/** The list fetcher of one collection (`GET /{collection}`). */
export function targetListFetcher<T extends TargetRecord>(resource: TargetResource<T>) {
  /** Polled: given its query's context, revalidates the cached copy with its ETag (ADR 010, 020). */
  return async (scope: EnvScope, read: CachedRead = {}): Promise<WithEtag<PartialList<T>>> =>
    notedFullRead(
      await getRevalidated(
        {
          method: 'GET',
          path: `${BASE}/${resource.collection}`,
          scope,
          schema: resource.listEnvelope,
        },
        (body) => body.data,
        read,
      ),
    )
}

/** `GET /{collection}/{id}`: one group or cluster. */
export async function getTarget<T extends TargetRecord>(
  resource: TargetResource<T>,
  scope: EnvScope,
  id: number,
  signal?: AbortSignal,
): Promise<T> {
  return (
    await request({
      method: 'GET',
      path: `${BASE}/${resource.collection}/${id}`,
      scope,
      schema: resource.envelope,
      signal,
    })
  ).data
}

/** `POST /{collection}` with the create body: the exact call, for curl and for sending. */
export function createTargetRequest<T extends TargetRecord>(
  resource: TargetResource<T>,
  scope: EnvScope,
  body: { name: string },
): RequestSpec<{ data: T }> {
  return {
    method: 'POST',
    path: `${BASE}/${resource.collection}`,
    scope,
    // Named for the audit trail: a refused create answers no name of its own.
    change: { action: 'create', name: body.name },
    body,
    schema: resource.envelope,
  }
}

/** `DELETE /{collection}/{id}`. */
export function deleteTargetRequest(
  resource: TargetResource<TargetRecord>,
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return hybridDeleteRequest(scope, `/${resource.collection}/${id}`, label, 'delete')
}

/**
 * A membership request under `/{collection}/{id}/servers`: `POST` adds (with a body when
 * the collection wants one), `DELETE` removes; any 2xx answer is success.
 */
export function targetServerRequest(
  resource: TargetResource<TargetRecord>,
  scope: EnvScope,
  method: 'POST' | 'DELETE',
  targetId: number,
  rest: string,
  label: ChangeLabel,
  body?: RequestBody,
): RequestSpec<unknown> {
  return {
    method,
    path: `${BASE}/${resource.collection}/${targetId}/servers${rest}`,
    scope,
    change: { ...label, action: method === 'POST' ? 'add-server' : 'remove-server' },
    ...(body === undefined ? {} : { body }),
    schema: noContent,
  }
}

/** `DELETE /{collection}/{id}/servers/{serverId}`. */
export function removeTargetServerRequest(
  resource: TargetResource<TargetRecord>,
  scope: EnvScope,
  targetId: number,
  serverId: number,
  label: ChangeLabel = {},
): RequestSpec<unknown> {
  return targetServerRequest(resource, scope, 'DELETE', targetId, `/${serverId}`, label)
}

/**
 * The request builders of one collection, for its module to export under its own names:
 * create (`POST /{collection}` with `B`), delete, and remove one server.
 */
export function targetRequestBuilders<T extends TargetRecord, B extends { name: string }>(
  resource: TargetResource<T>,
) {
  return {
    createRequest: (scope: EnvScope, body: B): RequestSpec<{ data: T }> =>
      createTargetRequest(resource, scope, body),
    deleteRequest: (scope: EnvScope, id: number, label: ChangeLabel = {}) =>
      deleteTargetRequest(resource, scope, id, label),
    removeServerRequest: (
      scope: EnvScope,
      targetId: number,
      serverId: number,
      label: ChangeLabel = {},
    ) => removeTargetServerRequest(resource, scope, targetId, serverId, label),
  }
}

/**
 * Deletes a group or cluster; after a lost answer, a 404 on reading it back means it is
 * gone. `label` names it for the audit trail (ADR 015).
 */
export function deleteTarget(
  resource: TargetResource<TargetRecord>,
  scope: EnvScope,
  id: number,
  label: ChangeLabel = {},
  options: VerifyOptions = {},
) {
  const remove = hybridDeleter(
    (...args) => deleteTargetRequest(resource, ...args),
    (...args) => getTarget(resource, ...args),
  )
  return remove(scope, id, label, options)
}

/** The read-back of a membership change (see `verifyMembership`). */
export function verifyTargetMember(
  resource: TargetResource<TargetRecord>,
  scope: EnvScope,
  targetId: number,
  serverId: number,
  member: boolean,
) {
  return verifyMembership(() => getTarget(resource, scope, targetId), serverId, member)
}

/**
 * The query-option factory of one collection: `all` (the key every change refreshes),
 * `list` (through the collection's own list fetcher) and `detail`, both polled fast while
 * a member is about to change status on its own.
 */
export function targetQueryFactory<T extends TargetRecord>(
  resource: TargetResource<T>,
  list: (scope: EnvScope, read?: CachedRead) => Promise<WithEtag<PartialList<T>>>,
) {
  const factory = {
    all: (scope: EnvScope) => targetKey(scope, resource),
    list: (scope: EnvScope) =>
      queryOptions({
        queryKey: [...factory.all(scope), 'list'],
        queryFn: (context) => list(scope, context),
        // Fast while a member waits for its agent; otherwise at the pace of the list's size
        // and ETag (ADR 016).
        refetchInterval: (query) =>
          (query.state.data?.items ?? []).some((t) => t.servers.some(isServerTransitional))
            ? TARGET_POLL_FAST_MS
            : listPollInterval(query.state.data, false),
        refetchIntervalInBackground: false,
        structuralSharing: shareKeepingRead,
      }),
    detail: (scope: EnvScope, id: number) =>
      queryOptions({
        queryKey: [...factory.all(scope), 'detail', id],
        queryFn: ({ signal }) => getTarget(resource, scope, id, signal),
        refetchInterval: (query) => targetPollInterval(query.state.data),
      }),
  }
  return factory
}

/** Creates a group or cluster; resolves with it once the lists show it. */
export function useCreateTarget<T extends TargetRecord, B extends { name: string }>(
  scope: EnvScope,
  resource: TargetResource<T>,
  list: (scope: EnvScope) => Promise<PartialList<T>>,
) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: async (body: B) =>
      (
        await sendAndVerify(
          () => request(createTargetRequest(resource, scope, body)),
          verifyCreatedByName(async () => (await list(scope)).items, body.name),
        )
      ).data,
    onSuccess: () => refresh(targetKey(scope, resource)),
  })
}

/**
 * Deletes a group or cluster. Only the lists are refetched: the deleted target's own page
 * is about to be left, and refetching it would flash "not found" first.
 */
export function useDeleteTarget(scope: EnvScope, resource: TargetResource<TargetRecord>) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: (target: LabelledId) =>
      deleteTarget(resource, scope, idOf(target), labelOf(target)),
    onSuccess: () => refresh([...targetKey(scope, resource), 'list']),
  })
}

/** What removing one member needs: the target, the server and the words for the audit trail. */
export interface RemoveMemberVariables {
  targetId: number
  serverId: number
  label?: ChangeLabel
}

/** Removes a server; it keeps the applications it had (the group rule, ADR 007). */
export function useRemoveTargetServer(scope: EnvScope, resource: TargetResource<TargetRecord>) {
  const refresh = useRefreshAfterMembershipChange(scope)
  return useMutation({
    mutationFn: ({ targetId, serverId, label }: RemoveMemberVariables) =>
      sendAndVerify(
        () => request(removeTargetServerRequest(resource, scope, targetId, serverId, label)),
        verifyTargetMember(resource, scope, targetId, serverId, false),
      ),
    onSuccess: () => refresh(targetKey(scope, resource)),
  })
}

/** The key of everything cached about one collection (what `targetQueryFactory().all` gives). */
export function targetKey(scope: EnvScope, resource: TargetResource<TargetRecord>) {
  return ['runtime-manager', scope.orgId, scope.envId, resource.key] as const
}
