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

/**
 * The API's own words in an error body, whichever family answered: `message` (Runtime
 * Manager, API Store) or `errorMsg` (MobileFirst), and the extra lines (`description`,
 * `error[].message`, `errors[].details`). For `ApiError` and for the audit trail alike.
 */
export function errorFromBody(body: unknown): { message?: string; details: string[] } {
  if (!body || typeof body !== 'object') return { details: [] }
  const details: string[] = []
  let message: string | undefined
  if ('message' in body && typeof body.message === 'string' && body.message) message = body.message
  // MobileFirst device administration: `{ errorCode, errorMsg }`.
  if (!message && 'errorMsg' in body && typeof body.errorMsg === 'string' && body.errorMsg)
    message = body.errorMsg
  if (
    'description' in body &&
    typeof body.description === 'string' &&
    body.description &&
    body.description !== message
  ) {
    details.push(body.description)
  }
  if ('error' in body && Array.isArray(body.error)) {
    for (const item of body.error) {
      if (item && typeof item === 'object' && 'message' in item && typeof item.message === 'string')
        details.push(item.message)
    }
  }
  if ('errors' in body && Array.isArray(body.errors)) {
    for (const item of body.errors) {
      if (item && typeof item === 'object' && 'details' in item && typeof item.details === 'string')
        details.push(item.details)
    }
  }
  return { message, details }
}
