import { ApiError } from './api-error.ts'
import { describeRequest, pathWithQuery } from './describe-request.ts'
import { sendConditional, type RequestSpec } from './request.ts'

/** Answers that came with an `ETag`, by the object the getter returned. */
const withEtag = new WeakSet<object>()

/**
 * Whether the answer a `revalidatingGet` returned carried an `ETag` (a 304's remembered
 * data counts): its next read will cost a few hundred bytes when nothing changed, not
 * the whole body. Polling takes its pace from it (ADR 016).
 */
export function cameWithEtag(data: object): boolean {
  return withEtag.has(data)
}

interface Remembered<T> {
  etag: string
  data: T
}

/**
 * A GET that revalidates instead of downloading again: the answer to each URL (with its
 * organization and environment) is remembered with its `ETag`, the next call sends
 * `If-None-Match`, and a 304 returns the remembered data as it was, the very same object,
 * so nothing is parsed and React Query sees no change. A server that sends no `ETag`
 * gets plain GETs. One getter per fetcher keeps the remembered data typed; `max` bounds
 * how many URLs (for example per-target filters) it keeps.
 */
export function revalidatingGet<T>(max = 8): (spec: RequestSpec<T>) => Promise<T> {
  const remembered = new Map<string, Remembered<T>>()
  return async (spec) => {
    const key = `${spec.scope?.orgId ?? ''} ${spec.scope?.envId ?? ''} ${pathWithQuery(spec.path, spec.query)}`
    const known = remembered.get(key)
    const answer = await sendConditional(
      known ? { ...spec, headers: { ...spec.headers, 'If-None-Match': known.etag } } : spec,
    )
    remembered.delete(key)
    if (answer.notModified) {
      if (!known) {
        throw new ApiError({
          kind: 'http',
          status: 304,
          message: 'The server answered 304 Not Modified to a request that was not conditional.',
          request: describeRequest(spec),
        })
      }
      remembered.set(key, known)
      return known.data
    }
    const etag = answer.headers.get('ETag')
    if (etag) {
      if (typeof answer.data === 'object' && answer.data !== null) withEtag.add(answer.data)
      remembered.set(key, { etag, data: answer.data })
      // Map order is insertion order: the first key is the least recently used.
      for (const oldest of remembered.keys()) {
        if (remembered.size <= max) break
        remembered.delete(oldest)
      }
    }
    return answer.data
  }
}
