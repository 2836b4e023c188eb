import { HttpResponse } from 'msw'
import { sha1, toHex } from './web-crypto.ts'
import {
  message as localizedMessage,
  type MessageCode,
  type MessageParams,
} from './device-admin/messages.ts'

/**
 * The demo's answers, one error factory per API family (API-CONTRACTS.md), plus what every
 * family answers alike (204, JSON bodies, entity tags). Handlers build every error through
 * these, so a family's error body has one shape wherever it is produced.
 */

/** Runtime Manager and Access Management error body: `{ "message": "..." }`. */
export function hybridError(status: number, message: string): Response {
  return HttpResponse.json({ message }, { status })
}

/**
 * The API Store's error body: `{ code, message, description, moreInfo, error: [] }`.
 * `errors` become the `error[]` items (one per field problem).
 */
export function storeError(
  status: number,
  message: string,
  description = '',
  errors: readonly string[] = [],
  headers?: Record<string, string>,
): Response {
  return HttpResponse.json(
    {
      code: status,
      message,
      description,
      moreInfo: '',
      error: errors.map((m) => ({ code: status, message: m })),
    },
    { status, headers },
  )
}

/** What every device administration answer reports as `productVersion` (the contract's example). */
export const PRODUCT_VERSION = '8.0'

/**
 * The device administration error body (ADR 008): `{ errorCode, errorMsg, productVersion }`,
 * the message in the request's `locale`.
 */
export function mfpError(
  status: number,
  code: MessageCode,
  params: MessageParams,
  locale: string | null,
): Response {
  return HttpResponse.json(
    {
      errorCode: code,
      errorMsg: localizedMessage(code, params, locale),
      productVersion: PRODUCT_VERSION,
    },
    { status },
  )
}

/** A value read from a request, or the answer to send instead (a refusal, a 400 ...). */
export type Checked<T> = { ok: true; value: T } | { ok: false; response: Response }

export function noContent(): Response {
  return new HttpResponse(null, { status: 204 })
}

/**
 * A hybrid GET answer with an `ETag` (a hash of the body), honouring `If-None-Match`
 * with 304 and no body; with `etags` false, a plain 200 with neither. The vendor does not
 * document ETags on the hybrid API (a choice, ADR 010): they let an idle page's poll cost
 * a few hundred bytes instead of the whole list, and the console works the same against a
 * server that sends none. The body is encoded once and hashed natively: a 10,000-application
 * list is about 10 MB, and a hash in JavaScript cost more than building the list.
 */
export async function hybridJson(
  request: Request,
  payload: unknown,
  etags = true,
): Promise<Response> {
  return hybridAnswer(request, await encodeAnswer(payload, etags))
}

/** A JSON body encoded once, with its entity tag (null when the demo sends none). */
export interface EncodedAnswer {
  body: Uint8Array<ArrayBuffer>
  etag: string | null
}

/** Encodes a hybrid answer's body and, with `etags`, hashes it into its entity tag. */
export async function encodeAnswer(payload: unknown, etags = true): Promise<EncodedAnswer> {
  const body = utf8(JSON.stringify(payload))
  return { body, etag: etags ? `"${await bodyHash(body)}"` : null }
}

/** The `hybridJson` answer of an encoded body: 304 when `If-None-Match` names its tag. */
export function hybridAnswer(request: Request, { body, etag }: EncodedAnswer): Response {
  // Without ETags the demo stands in for the vendor's server as documented: no validator,
  // never a 304, the whole body on every read (ADR 016).
  if (etag === null) {
    return new HttpResponse(body, {
      status: 200,
      headers: { 'Cache-Control': 'private, no-cache', 'Content-Type': 'application/json' },
    })
  }
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' }
  if (ifNoneMatchHits(request, etag)) {
    return new HttpResponse(null, { status: 304, headers })
  }
  return new HttpResponse(body, {
    status: 200,
    headers: { ...headers, 'Content-Type': 'application/json' },
  })
}

const encoder = new TextEncoder()

/**
 * The text's UTF-8 bytes. JSON answers are almost always ASCII: written straight into a
 * buffer of one byte per character, a 10 MB list takes about half of `encode`'s time (it
 * grows its buffer as it goes). A text with any other character does not fit that buffer
 * and is encoded the usual way.
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length)
  // Every character read into one byte each: all of them were ASCII.
  if (encoder.encodeInto(text, bytes).read === text.length) return bytes
  return encoder.encode(text)
}

/** SHA-1 of the body, cut to 96 bits, plus its length. */
async function bodyHash(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await sha1(body)
  return `${toHex(digest.subarray(0, 12))}-${body.length.toString(36)}`
}

/** The entity tags of an `If-Match` / `If-None-Match` header (`*` kept as is). */
function parseEtags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

/**
 * `If-Match` uses strong comparison: a weak tag (`W/"..."`) never matches, `*` matches
 * any current representation. No header means no precondition.
 */
export function ifMatchFails(request: Request, current: string): boolean {
  const header = request.headers.get('If-Match')
  if (header === null) return false
  const tags = parseEtags(header)
  if (tags.includes('*')) return false
  return !tags.includes(current)
}

/** `If-None-Match` uses weak comparison: `W/"x"` and `"x"` are the same validator. */
export function ifNoneMatchHits(request: Request, current: string): boolean {
  const header = request.headers.get('If-None-Match')
  if (header === null) return false
  const strip = (tag: string) => tag.replace(/^W\//, '')
  const tags = parseEtags(header)
  return tags.includes('*') || tags.map(strip).includes(strip(current))
}

/** True when the request says its body is JSON (the only media type the store accepts). */
export function isJson(request: Request): boolean {
  return (request.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/json')
}

/** Reads a JSON body; null when it does not parse. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | null> {
  try {
    return { ok: true, value: await request.json() }
  } catch {
    return null
  }
}

/** Reads a numeric path parameter; NaN when it is not a whole number. */
export function intParam(value: string | readonly string[] | undefined): number {
  const text = typeof value === 'string' ? value : ''
  return /^\d+$/.test(text) ? Number(text) : Number.NaN
}
