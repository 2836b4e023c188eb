import type { RequestDescription } from './describe-request.ts'

/** What went wrong: an HTTP error status, no answer at all, or an answer of the wrong shape. */
export type ApiErrorKind = 'http' | 'network' | 'schema'

/**
 * The one error every API call throws. It carries the message the API gave (or a
 * clear one of ours), the HTTP status when there was one, and the request that failed,
 * so any page can show "what happened" and "which request" without knowing the API.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /** HTTP status, or 0 when no answer arrived or it could not be read. */
  readonly status: number
  /** Extra lines from the error body (API Store `description`, `error[]` items). */
  readonly details: readonly string[]
  readonly request: RequestDescription

  constructor(init: {
    kind: ApiErrorKind
    status: number
    message: string
    details?: readonly string[]
    request: RequestDescription
  }) {
    super(init.message)
    this.kind = init.kind
    this.status = init.status
    this.details = init.details ?? []
    this.request = init.request
  }

  /** "DELETE /hybrid/api/v1/servers/7" */
  get summary(): string {
    return `${this.request.method} ${this.request.path}`
  }
}

/** Narrowing helper for `unknown` errors from queries and mutations. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** A short, human sentence for any thrown value, preferring the API's own message. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
