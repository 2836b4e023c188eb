/**
 * The strict proxy: exactly the four prefixes, each to its family's upstream, with that
 * family's own Authorization from the session and nothing of the browser's credentials.
 * Bodies stream both ways (a 200 MB upload is never held in memory).
 */
import type { IncomingHttpHeaders } from 'node:http'
import { Transform, type TransformCallback } from 'node:stream'
import replyFrom from '@fastify/reply-from'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ServerConfig } from './config.ts'
import {
  FAMILY_NAMES,
  FAMILY_PREFIXES,
  type ExchangeObserver,
  type Family,
  type FamilyIdentity,
  type ProxiedExchange,
  type SessionLookup,
} from './contract.ts'
import { checkProxyPath } from './paths.ts'

/** Hop-by-hop headers (RFC 9110 7.6.1) and those the console keeps to itself. */
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'authorization',
  'cookie',
  'x-console-request',
  'host',
])
/**
 * Kept in the exchange's request headers for the observers (the page's words for the audit
 * trail) but not sent to the upstream: they are the console's own.
 */
const OBSERVED_ONLY = new Set(['x-console-change'])
/** Not passed back to the page: upstream cookies would land on the console's own origin. */
const NOT_RETURNED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'set-cookie',
])
const CAPTURE_LIMIT = 64 * 1024

interface Exchange {
  family: Family
  /** Set when the observers want this one (see `ProxyOptions.observe`): the rest is theirs. */
  watched?: {
    startedAt: number
    requestHeaders: Record<string, string>
    identities: Partial<Record<Family, FamilyIdentity>>
    responseText: string | undefined
    /** Reports the exchange to the observers once its answer is sent. */
    report: (request: FastifyRequest, status: number) => void
  }
}

const exchanges = new WeakMap<FastifyRequest, Exchange>()

/** The family a request was proxied for (for the request log line), if any. */
export function proxiedFamily(request: FastifyRequest): Family | undefined {
  return exchanges.get(request)?.family
}

/**
 * Called from the server's one `onResponse` hook (app.ts): a watched exchange is reported to
 * the observers; any other request costs one lookup.
 */
export function exchangeEnded(request: FastifyRequest, reply: FastifyReply): void {
  exchanges.get(request)?.watched?.report(request, reply.statusCode)
}

const connectionListed = (headers: Record<string, unknown>) =>
  typeof headers.connection === 'string'
    ? headers.connection
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean)
    : []

/** The request headers the observers see: a copy, without the hop-by-hop and console ones. */
function forwardedHeaders(headers: Record<string, string | string[] | undefined>) {
  const listed = connectionListed(headers)
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (value === undefined || NOT_FORWARDED.has(lower) || listed.includes(lower)) continue
    result[lower] = Array.isArray(value) ? value.join(', ') : value
  }
  return result
}

/**
 * The headers sent upstream, made from reply-from's own copy of the request's in place (no
 * second copy per request): the same names as `forwardedHeaders` less the observed-only
 * ones, with the family's Authorization. A name set to undefined is not sent (undici).
 */
function toUpstream(headers: IncomingHttpHeaders, authorization: string) {
  const listed = connectionListed(headers)
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase()
    const value = headers[name]
    if (NOT_FORWARDED.has(lower) || OBSERVED_ONLY.has(lower) || listed.includes(lower))
      headers[name] = undefined
    else if (Array.isArray(value)) headers[name] = value.join(', ')
  }
  headers.authorization = authorization
  return headers
}

/**
 * Passes bytes through, keeping a copy of the first 64 kB when the answer is JSON. The copy
 * is handed over synchronously at the end of the answer, so that it is there when the
 * server's `onResponse` hook reports the exchange.
 */
class Capture extends Transform {
  private chunks: Buffer[] = []
  private size = 0
  private overflow = false
  private readonly onText: (text: string | undefined) => void

  constructor(onText: (text: string | undefined) => void) {
    super()
    this.onText = onText
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback) {
    if (!this.overflow) {
      this.size += chunk.length
      if (this.size > CAPTURE_LIMIT) {
        this.overflow = true
        this.chunks = []
      } else this.chunks.push(chunk)
    }
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback) {
    this.onText(this.overflow ? undefined : Buffer.concat(this.chunks).toString('utf8'))
    callback()
  }
}

export interface ProxyOptions {
  config: ServerConfig
  sessions: SessionLookup
  observers: readonly ExchangeObserver[]
  /**
   * Which requests the observers want (default: all). Only those pay for the identity
   * lookup and the copy of the answer; the polling reads go straight through.
   */
  observe?: (method: string, url: string) => boolean
  now: () => number
}

export async function proxyPlugin(app: FastifyInstance, options: ProxyOptions) {
  const { config, sessions, observers, now } = options
  const observe = options.observe ?? (() => true)

  await app.register(replyFrom, {
    disableRequestLogging: true,
    // The browser decides retries; a proxy that retries a POST could apply it twice.
    retryMethods: [],
    undici: {
      headersTimeout: config.upstreamTimeoutMs,
      bodyTimeout: config.upstreamTimeoutMs,
      connect: { rejectUnauthorized: !config.proxyInsecure, timeout: config.upstreamTimeoutMs },
    },
  })

  // Bodies go to the upstream as the stream they arrived as: never parsed, never buffered.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload))

  const failure = (reply: FastifyReply, family: Family, status: number, message: string) => {
    const watched = exchanges.get(reply.request)?.watched
    const body = { message, family }
    if (watched) watched.responseText = JSON.stringify(body)
    return reply.code(status).type('application/json').send(body)
  }

  const watch = (request: FastifyRequest, family: Family): Exchange['watched'] => {
    const startedAt = now()
    const watched: NonNullable<Exchange['watched']> = {
      startedAt,
      requestHeaders: forwardedHeaders(request.headers),
      identities: sessions.identities(request),
      responseText: undefined,
      report: (ended, status) => {
        const report: ProxiedExchange = {
          requestId: String(ended.id),
          family,
          method: ended.method,
          url: ended.raw.url ?? '',
          requestHeaders: watched.requestHeaders,
          status,
          responseText: watched.responseText,
          startedAt,
          durationMs: now() - startedAt,
          identities: watched.identities,
        }
        for (const observer of observers) {
          try {
            observer(report)
          } catch (error) {
            ended.log.error({ err: error }, 'an exchange observer threw')
          }
        }
      },
    }
    return watched
  }

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const check = checkProxyPath(request.raw.url ?? '')
    if (!check.ok) return reply.code(400).send({ message: check.message })
    const family = check.family
    const name = FAMILY_NAMES[family]
    const base = config.upstreams[family]
    const exchange: Exchange = {
      family,
      watched:
        observers.length > 0 && observe(request.method, request.raw.url ?? '')
          ? watch(request, family)
          : undefined,
    }
    exchanges.set(request, exchange)
    if (!base)
      return failure(reply, family, 502, `No upstream is configured for ${name} (${family}).`)
    const authorization = await sessions.credentialsFor(request, family)
    if (!authorization)
      return failure(reply, family, 401, `Not signed in to ${name} (${family}): sign in to use it.`)

    return reply.from(`${base}${check.url}`, {
      rewriteRequestHeaders: (_request, headers) => toUpstream(headers, authorization),
      // In place: undici's object of the answer's headers is this exchange's own.
      rewriteHeaders: (headers) => {
        for (const key of Object.keys(headers))
          if (NOT_RETURNED.has(key.toLowerCase())) delete headers[key]
        return headers
      },
      onResponse: (_req, _res, upstream) => {
        if (upstream.statusCode === 401) {
          sessions.familyRejected(request, family)
          reply.header('x-console-signed-out', family)
        }
        // Only when someone reads it: without observers the answer goes straight through.
        const watched = exchange.watched
        if (!watched) return reply.send(upstream.stream)
        const headers: Record<string, unknown> =
          'headers' in upstream && upstream.headers && typeof upstream.headers === 'object'
            ? { ...upstream.headers }
            : {}
        const type = String(headers['content-type'] ?? '')
        const length = Number(headers['content-length'] ?? 0)
        if (/json/i.test(type) && length <= CAPTURE_LIMIT) {
          const capture = new Capture((text) => (watched.responseText = text))
          upstream.stream.pipe(capture)
          return reply.send(capture)
        }
        return reply.send(upstream.stream)
      },
      onError: (_res, { error }) => {
        const status = 'statusCode' in error ? error.statusCode : undefined
        const code = 'code' in error ? String(error.code) : ''
        const timeout = status === 504 || /timeout/i.test(code)
        if (timeout)
          return failure(
            reply,
            family,
            504,
            `${name} (${family}) did not answer within ${config.upstreamTimeoutMs} ms.`,
          )
        return failure(reply, family, 502, `${name} (${family}) cannot be reached.`)
      },
    })
  }

  for (const [prefix] of FAMILY_PREFIXES) app.all(`${prefix}*`, handler)
}
