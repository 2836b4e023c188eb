import { ApiError, isApiError, type ApiErrorKind } from '../lib/api-error.ts'

/**
 * An `ApiError` as the request client throws it, for tests of what reacts to one: `method`
 * and `status` decide (a lost answer, a refusal, a read); the message says the status.
 */
export function apiError(
  method: string,
  status: number,
  kind: ApiErrorKind = 'http',
  path = '/hybrid/api/v1/applications/7',
): ApiError {
  return new ApiError({
    kind,
    status,
    message: kind === 'network' ? 'network error' : `HTTP ${status}`,
    request: { method, path, headers: [] },
  })
}

/** What `promise` rejects with, or undefined when it resolves. */
export function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
}

/** Runs `promise`, expecting it to reject with an ApiError, and returns that error. */
export async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejectionOf(promise)
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}
