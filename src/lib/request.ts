import * as z from 'zod/mini'
import { ApiError, errorFromBody } from './api-error.ts'
import { consoleMode } from './config.ts'
import { t } from './i18n.ts'
import { isolateText } from './isolate-text.ts'
import { issueText } from './issue-text.ts'
import { problemOf } from './record-issue.ts'
import {
  describeRequest,
  ownHeaders,
  pathWithQuery,
  type RequestDescription,
  type RequestInit_,
} from './describe-request.ts'
import { getAccessToken, resendAfterSignIn, sessionTicket } from './session-store.ts'

/** A request to send: the description of the call plus the schema of its answer. */
export interface RequestSpec<T> extends RequestInit_ {
  /** Schema of the answer's body. Use `noContent` for calls that answer without one. */
  schema: z.ZodMiniType<T>
  signal?: AbortSignal
}

/** The parsed body with the response's status and headers (ETag, Location ...). */
export interface ApiResponse<T> {
  data: T
  status: number
  headers: Headers
}

/** Schema for answers with no body worth reading (204, or a tolerated 200). */
export const noContent = z.unknown()

function toFetchBody(body: RequestInit_['body']): BodyInit | undefined {
  if (body === undefined) return undefined
  if (body instanceof URLSearchParams || body instanceof FormData) return body
  return JSON.stringify(body)
}

function contentTypeFor(body: RequestInit_['body']): string | undefined {
  if (body === undefined || body instanceof FormData) return undefined // the browser sets the multipart boundary
  if (body instanceof URLSearchParams) return 'application/x-www-form-urlencoded'
  return 'application/json'
}

/**
 * The answer's text. In a live build it is collected as a Blob first: the browser gathers
 * the bytes off the page's thread, which stays free while a 10 MB list arrives (read with
 * `text()`, the page's thread decoded each chunk as it came, ~40-90 ms of its time; first
 * rows after navigation 386 -> 358 and 496 -> 441 ms, interleaved, issue 17). Not in the
 * demo: its answers are streams made in the page, which a Blob would copy out to the
 * browser and back (296 -> 358 ms).
 */
async function readBody(response: Response): Promise<unknown> {
  const text = consoleMode === 'live' ? await (await response.blob()).text() : await response.text()
  return parseBodyText(text)
}

/** JSON when it parses, the raw text otherwise, undefined when empty. */
export function parseBodyText(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * Sends one API call and returns the parsed answer with its status and headers.
 * Adds the bearer token and the organization/environment headers; throws `ApiError`
 * for HTTP errors, network failures and answers that do not match the schema alike.
 * An aborted call rethrows the abort so query libraries can recognise it.
 */
export async function send<T>(spec: RequestSpec<T>): Promise<ApiResponse<T>> {
  const { response, body, description } = await exchange(spec)
  return {
    data: parseAnswer(spec.schema, response.status, response.statusText, body, description),
    status: response.status,
    headers: response.headers,
  }
}

/** The answer to a conditional request: parsed data, or 304 Not Modified (which has no body). */
export type ConditionalResponse<T> =
  (ApiResponse<T> & { notModified: false }) | { notModified: true; status: 304; headers: Headers }

/**
 * Like `send`, for a request carrying `If-None-Match` (or `If-Modified-Since`): a 304
 * comes back as `{ notModified: true }` instead of being parsed, so the caller keeps the
 * copy it already has. Everything else behaves exactly as `send`.
 */
export async function sendConditional<T>(spec: RequestSpec<T>): Promise<ConditionalResponse<T>> {
  const { response, body, description } = await exchange(spec)
  if (response.status === 304) return { notModified: true, status: 304, headers: response.headers }
  return {
    notModified: false,
    data: parseAnswer(spec.schema, response.status, response.statusText, body, description),
    status: response.status,
    headers: response.headers,
  }
}

async function exchange(
  spec: RequestSpec<unknown>,
): Promise<{ response: Response; body: unknown; description: RequestDescription }> {
  const description = describeRequest(spec)
  for (let resends = 0; ; resends++) {
    const ticket = sessionTicket()
    let response: Response
    try {
      response = await fetch(pathWithQuery(spec.path, spec.query), {
        method: spec.method,
        headers: requestHeaders(spec),
        body: toFetchBody(spec.body),
        signal: spec.signal,
        // Freshness is the console's job (polling, If-None-Match). Without this, a browser may
        // answer from its heuristic cache a days-old copy of any answer that has a
        // Last-Modified and no Cache-Control (the API Store's application reads).
        cache: 'no-store',
      })
    } catch (cause) {
      if (spec.signal?.aborted) throw cause
      throw networkError(description)
    }
    const body = await readBody(response)
    if (response.status === 401 && spec.auth !== 'none' && resends < MAX_SIGN_IN_RESENDS) {
      // The family's sign-in is over: it is asked for over the page while this call waits.
      // A call refused with 401 was not applied, so sending it again after the sign-in is
      // safe, for a change as much as for a read: the operator's click is not lost.
      const answer = { path: spec.path, headers: response.headers, body }
      if (await resendAfterSignIn(ticket, answer, spec.signal, spec.method !== 'GET')) continue
    }
    return { response, body, description }
  }
}

/** A call refused again right after a new sign-in is returned as it is (no endless loop). */
export const MAX_SIGN_IN_RESENDS = 2

/**
 * The headers every call carries: Accept, the console's request marker, the bearer token
 * (demo mode only: in live mode the console's server adds each family's credentials),
 * org/env scope, content type, the request's own headers and its change's words.
 */
export function requestHeaders(spec: RequestInit_): Headers {
  const headers = new Headers({ Accept: 'application/json' })
  // The console's server refuses state-changing calls without it (a cross-site form cannot
  // set a custom header); harmless in demo mode.
  headers.set('X-Console-Request', '1')
  const token = spec.auth === 'none' ? undefined : getAccessToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (spec.scope) {
    headers.set('X-ANYPNT-ORG-ID', spec.scope.orgId)
    headers.set('X-ANYPNT-ENV-ID', spec.scope.envId)
  }
  const contentType = contentTypeFor(spec.body)
  if (contentType) headers.set('Content-Type', contentType)
  for (const [k, v] of Object.entries(ownHeaders(spec))) headers.set(k, v)
  return headers
}

/** The error for a call that got no answer at all. */
export function networkError(description: RequestDescription): ApiError {
  return new ApiError({
    kind: 'network',
    status: 0,
    message: t('ui.request.network'),
    request: description,
  })
}

/**
 * Turns an answer into data or an ApiError: HTTP errors carry the API's own message,
 * answers of the wrong shape say where they went wrong.
 */
export function parseAnswer<T>(
  schema: z.ZodMiniType<T>,
  status: number,
  statusText: string,
  body: unknown,
  description: RequestDescription,
): T {
  if ((status < 200 || status > 299) && status !== 304) {
    const fromBody = errorFromBody(body)
    throw new ApiError({
      kind: 'http',
      status,
      message: fromBody.message ?? `HTTP ${status}${statusText ? ' ' + statusText : ''}`,
      details: fromBody.details,
      request: description,
    })
  }
  const parsed = z.safeParse(schema, body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const problem = issue ? issueText(problemOf(issue, body)) : t('ui.request.invalidData')
    throw new ApiError({
      kind: 'schema',
      status,
      message:
        issue && issue.path.length > 0
          ? t('ui.request.schemaAt', { path: isolateText(issue.path.join('.')), problem })
          : t('ui.request.schema', { problem }),
      details: parsed.error.issues
        .slice(1, 4)
        .map(
          (i) =>
            `${i.path.length > 0 ? isolateText(i.path.join('.')) : t('ui.request.wholeAnswer')}: ${issueText(problemOf(i, body))}`,
        ),
      request: description,
    })
  }
  return parsed.data
}

/** Sends one API call and returns only its parsed body. See `send`. */
export async function request<T>(spec: RequestSpec<T>): Promise<T> {
  return (await send(spec)).data
}
