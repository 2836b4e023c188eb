import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { ApiError } from './api-error.ts'
import { describeRequest } from './describe-request.ts'
import { t } from './i18n.ts'
import { sendConditional, type RequestSpec } from './request.ts'

/**
 * Data as a revalidated read returns it: the answer's data, carrying the `ETag` it came
 * with (none when the server sent none). The tag is a field of the data, so it lives
 * where the data lives, in React Query's cache: structural sharing copies it, and
 * `queryClient.clear()` or `removeQueries` forgets it with the data (ADR 020).
 */
export type WithEtag<T> = T & { etag?: string }

/**
 * What a read needs from React Query's query function context to revalidate its own
 * cache entry (pass the context as it is). A read without `client` and `queryKey` (a
 * direct call, a read-back after a lost answer) is a plain GET.
 */
export interface CachedRead {
  signal?: AbortSignal
  client?: QueryClient
  queryKey?: QueryKey
}

/**
 * Whether data a revalidated read returned carried an `ETag` (a 304's kept data counts):
 * its next read costs a few hundred bytes when nothing changed, not the whole body.
 * Polling takes its pace from it (ADR 016).
 */
export function cameWithEtag(data: { etag?: string }): boolean {
  return data.etag !== undefined
}

/**
 * A GET that revalidates instead of downloading again. The data cached under
 * `read.queryKey` carries the `ETag` it came with; the request sends it as
 * `If-None-Match`, and a 304 returns that cached data as it is, the very same object, so
 * nothing is parsed and React Query sees no change. A 200 is parsed, `pick` takes the data
 * out of its envelope, and the data carries the answer's new `ETag`. A server that sends
 * no `ETag` gets plain GETs.
 */
export async function getRevalidated<Body, T extends object>(
  spec: RequestSpec<Body>,
  pick: (body: Body) => T,
  read: CachedRead = {},
): Promise<WithEtag<T>> {
  const previous =
    read.client && read.queryKey ? read.client.getQueryData<WithEtag<T>>(read.queryKey) : undefined
  const etag = previous?.etag
  const answer = await sendConditional({
    ...spec,
    signal: read.signal ?? spec.signal,
    headers: etag === undefined ? spec.headers : { ...spec.headers, 'If-None-Match': etag },
  })
  if (answer.notModified) {
    if (previous === undefined || etag === undefined) {
      throw new ApiError({
        kind: 'http',
        status: 304,
        message: t('ui.request.unexpected304'),
        request: describeRequest(spec),
      })
    }
    return previous
  }
  const data = pick(answer.data)
  const fresh = answer.headers.get('ETag')
  return fresh === null ? data : { ...data, etag: fresh }
}
