import { ApiError, isApiError } from './api-error.ts'
import { t } from './i18n.ts'

/** Methods that change something: a lost answer to one of them leaves the outcome open. */
const CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Statuses a gateway or proxy answers when the backend's own answer did not come
 * through: the change may well have been applied behind it.
 */
const LOST_ANSWER_STATUSES = new Set([502, 503, 504])

/**
 * True when a change was sent but its answer was lost: a network error, or a 502, 503 or
 * 504, on a POST, PUT, PATCH or DELETE. The backend may have applied the change, so the
 * console must neither say "failed" nor send it again; it reads the resource back
 * instead (see `sendAndVerify`). Reads, 4xx and 500 answers are real answers.
 */
export function isOutcomeUnknown(error: unknown): error is ApiError {
  if (!isApiError(error)) return false
  if (!CHANGING_METHODS.has(error.request.method.toUpperCase())) return false
  return error.kind === 'network' || LOST_ANSWER_STATUSES.has(error.status)
}

/**
 * True for an error a later try can fix: no answer, a server error (5xx), a timeout
 * (408) or too many requests (429). Other 4xx answers and malformed answers are final.
 */
export function isTransientError(error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.kind === 'network') return true
  if (error.kind !== 'http') return false
  return error.status >= 500 || error.status === 408 || error.status === 429
}

/** Exponential backoff: `baseMs` doubled per attempt (0-based), at most `maxMs`. */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 8_000): number {
  return Math.min(baseMs * 2 ** Math.max(attempt, 0), maxMs)
}

/** How reads are retried: attempts in all (the first included) and the backoff base. */
export interface RetryOptions {
  attempts?: number
  baseMs?: number
  maxMs?: number
  signal?: AbortSignal
}

/** The retry settings every read-back and transaction read uses unless told otherwise. */
export const READ_RETRY = { attempts: 5, baseMs: 500, maxMs: 8_000 } as const

/** Waits `ms`; rejects with the abort's reason as soon as `signal` aborts (or already has). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}

/**
 * Runs a read, and runs it again with exponential backoff while it fails with a
 * transient error (`isTransientError`); the last error is thrown once the attempts are
 * used up. Only for reads: a change is never sent twice.
 */
export async function retryTransient<T>(
  read: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const {
    attempts = READ_RETRY.attempts,
    baseMs = READ_RETRY.baseMs,
    maxMs = READ_RETRY.maxMs,
  } = options
  for (let attempt = 0; ; attempt++) {
    try {
      return await read()
    } catch (error) {
      if (attempt + 1 >= attempts || !isTransientError(error) || options.signal?.aborted)
        throw error
      await sleep(backoffDelay(attempt, baseMs, maxMs), options.signal)
    }
  }
}

/**
 * A change whose answer was lost and whose result could not be read back either: the
 * console does not know whether it was applied. Carries the lost answer's error (the
 * request that was sent) and the error of the read-back.
 */
export class OutcomeUnknownError extends Error {
  override readonly name = 'OutcomeUnknownError'
  readonly lost: ApiError
  readonly checkError: unknown

  constructor(lost: ApiError, checkError: unknown) {
    const why = checkError instanceof Error ? checkError.message : String(checkError)
    super(
      lost.status > 0
        ? t('ui.outcome.unknownHttp', { request: lost.summary, status: String(lost.status), why })
        : t('ui.outcome.unknownNetwork', { request: lost.summary, why }),
    )
    this.lost = lost
    this.checkError = checkError
  }
}

export function isOutcomeUnknownError(error: unknown): error is OutcomeUnknownError {
  return error instanceof OutcomeUnknownError
}

/**
 * Reads the resource a change was about and says whether the change took effect: the
 * value to use in place of the lost answer when it did, `null` when it did not.
 */
export type Verify<T> = () => Promise<T | null>

export interface VerifyOptions extends RetryOptions {
  /** Called once the answer is known to be lost, before reading back ("Unknown — checking"). */
  onChecking?: (lost: ApiError) => void
}

/**
 * Sends a change; if its answer is lost (`isOutcomeUnknown`), reads the resource back
 * with `verify` (retried with backoff) to learn what happened. Resolves with the answer,
 * or with what `verify` found when the change took effect; rethrows the original error
 * when the read-back shows it did not; throws `OutcomeUnknownError` when even the
 * read-back fails. Any other error is rethrown as is.
 */
export async function sendAndVerify<T>(
  send: () => Promise<T>,
  verify: Verify<T>,
  options: VerifyOptions = {},
): Promise<T> {
  try {
    return await send()
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error
    options.onChecking?.(error)
    let found: T | null
    try {
      found = await retryTransient(verify, options)
    } catch (checkError) {
      throw new OutcomeUnknownError(error, checkError)
    }
    if (found === null) throw error
    return found
  }
}

/**
 * A `verify` for deletions: the read answers 404 when the resource is gone, which is
 * what the deletion wanted (resolves `gone`); an answer means it still exists (`null`).
 */
export function verifyGone<T>(read: () => Promise<unknown>, gone: T): Verify<T> {
  return async () => {
    try {
      await read()
      return null
    } catch (error) {
      if (isApiError(error) && error.status === 404) return gone
      throw error
    }
  }
}
