/**
 * The production server, composed: security headers and CSRF check on everything, the
 * session API and the strict proxy in live mode, the built console's static files.
 *
 *   const app = await buildServer(config, { observers: [audit.observe] })
 *   app.register(auditRoutes)   // e.g. under /console-api/audit
 */
import { randomUUID } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { AUDIT_FAMILIES } from '../src/api/console/audit-schemas.ts'
import type { ServerConfig } from './config.ts'
import { isRecordedChange, isTransactionRead } from '../src/api/console/audit-change.ts'
import { auditRecorder } from './audit/recorder.ts'
import { auditRoutes } from './audit/routes.ts'
import type { AuditStore } from './audit/store.ts'
import type { ExchangeObserver, Family } from './contract.ts'
import { familyOf } from './paths.ts'
import { exchangeEnded, proxiedFamily, proxyPlugin } from './proxy.ts'
import { registerReadiness } from './readiness.ts'
import { requestRefusal, securityHeaders } from './security.ts'
import { registerSessionRoutes, Sessions } from './sessions.ts'
import { checkBuild, isDemoBuild, staticPlugin } from './static.ts'

export interface BuildOptions {
  observers?: ExchangeObserver[]
  /** The clock (tests move it to check idle expiry). */
  now?: () => number
  /** Replace the logger (tests pass false or a stream). */
  logger?: FastifyServerOptions['logger']
  /**
   * Where the default logger writes (`npm run serve` passes an asynchronous destination,
   * see main.ts); stdout, synchronously, when absent.
   */
  logStream?: { write(line: string): void }
  /** Serve no static files (tests of the API alone; the Vite dev server serves them itself). */
  skipStatic?: boolean
  /**
   * The audit trail (live mode): every proxied change is recorded after its answer and
   * `/console-api/audit` serves it. The server closes the store (writing what is queued).
   */
  audit?: AuditStore
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The session layer in live mode, null in demo mode. */
    consoleSessions: Sessions | null
  }
}

/**
 * Never a token, secret, cookie or Authorization value in a log line. Pino redacts these
 * paths; they start with a literal key, so that it runs only when a line has that key.
 */
export const LOG_REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
]

/**
 * Fields censored one level down in every logged object (`*.password` and so on). Done here
 * rather than as pino redact paths: a path starting with `*` makes pino run its redaction on
 * every value of every line (pino 10 re-parses the paths each time), and that was about a
 * fifth of what the server allocated per proxied request (its one request log line), hence
 * more scavenges. Same outcome for a line's fields: `{ body: { password: 'x' } }` logs `"password":"[Redacted]"`.
 */
const SECRET_FIELDS = ['password', 'clientSecret', 'access_token', 'refresh_token'] as const
export const LOG_CENSOR = '[Redacted]'

export function redactSecretFields(object: Record<string, unknown>): Record<string, unknown> {
  let out = object
  for (const key of Object.keys(object)) {
    const value: unknown = object[key]
    if (value === null || typeof value !== 'object') continue
    if (!SECRET_FIELDS.some((field) => Object.hasOwn(value, field))) continue
    // A copy keeping the prototype (an Error stays an Error for pino's serializer).
    const copy: Record<string, unknown> = Object.create(
      Object.getPrototypeOf(value),
      Object.getOwnPropertyDescriptors(value),
    )
    if (value instanceof Error)
      Object.defineProperty(copy, 'stack', {
        value: value.stack,
        writable: true,
        configurable: true,
      })
    for (const field of SECRET_FIELDS)
      if (Object.hasOwn(copy, field))
        Object.defineProperty(copy, field, { value: LOG_CENSOR, enumerable: true, writable: true })
    if (out === object) out = { ...object }
    out[key] = copy
  }
  return out
}

/**
 * Applies to every line's own fields. Child loggers' bindings are not passed through it (pino
 * applies no formatter to them): the server's only children are Fastify's `{ reqId }` ones.
 */
export const LOG_FORMATTERS = { log: redactSecretFields }

export async function buildServer(
  config: ServerConfig,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const now = options.now ?? Date.now
  const root = options.skipStatic ? '' : checkBuild(config.distDir, config.mode)
  // The HTTPS and HTTP instances differ only in their raw server type, which nothing here uses.
  // oxlint-disable-next-line typescript/consistent-type-assertions
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: LOG_REDACT,
      formatters: LOG_FORMATTERS,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // Fastify's two lines per request are replaced by one of our own (onResponse below).
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Let in-flight requests finish on close; idle keep-alive sockets are closed at once.
    forceCloseConnections: 'idle',
    // A request that reached us before the listener closed is answered, not refused.
    return503OnClosing: false,
    ...(config.tls ? { https: { cert: config.tls.cert, key: config.tls.key } } : {}),
  }) as unknown as FastifyInstance

  // One hook per stage for everything the server does on every request (each hook is a step
  // every proxied request pays for), in callback style (no promise per hook and request).
  // Before anything else: the path guard and the CSRF rule.
  app.addHook('onRequest', (request, reply, done) => {
    const refusal = requestRefusal(request)
    // A refused request is answered here; `done` is then not called (no further hook runs).
    if (refusal) reply.code(refusal.status).send({ message: refusal.message })
    else done()
  })

  // Draining: answers still in flight close their connection, so that no keep-alive socket
  // holds the process open for its idle timeout after the last answer.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  // On every answer, last, so that no upstream header can override the security headers.
  // The request id is the upstream's when it sent one (as when it was set on the request).
  const security = securityHeaders(config.secureTransport)
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('x-request-id')) reply.header('x-request-id', request.id)
    reply.headers(security)
    if (closing) reply.header('connection', 'close')
    done(null, payload)
  })

  // One line per request: who (family), what, how it ended, how long. No headers at all.
  // A proxied exchange is then reported to the observers (proxy.ts), in the same hook.
  app.addHook('onResponse', (request, reply, done) => {
    const path = (request.raw.url ?? '').split('?')[0] ?? ''
    const family: Family | undefined = proxiedFamily(request) ?? familyOf(path) ?? undefined
    request.log.info(
      {
        method: request.method,
        path,
        family,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    )
    exchangeEnded(request, reply)
    done()
  })

  // Before any plugin: child contexts take the handler in force when they are registered.
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return reply.code(status).send({
      message: status >= 500 ? 'Internal server error (see the server log).' : error.message,
    })
  })

  app.get('/healthz', async () => ({ ok: true }))
  registerReadiness(app, config, options.audit)
  const audit = config.mode === 'live' ? options.audit : undefined
  if (options.audit) {
    const store = options.audit
    app.addHook('onClose', async () => store.close())
  }

  app.decorate('consoleSessions', null)
  if (config.mode === 'live') {
    const sessions = new Sessions({ config, now })
    app.consoleSessions = sessions
    // The cookie plugin (its parse and set-cookie hooks) only where cookies are set: the
    // session routes. Everywhere else the session id is read from the header (sessions.ts).
    await app.register(async (scope) => {
      await scope.register(fastifyCookie)
      registerSessionRoutes(scope, sessions, config.secureTransport)
    })
    const sweep = setInterval(() => sessions.sweep(), 60_000)
    sweep.unref()
    app.addHook('onClose', async () => clearInterval(sweep))
    const observers = [...(options.observers ?? [])]
    if (audit) observers.push(auditRecorder(audit, { log: app.log }))
    // The audit trail alone needs only changes and transaction reads; observers passed in
    // by the caller see every exchange.
    const observe = options.observers?.length
      ? undefined
      : (method: string, url: string) =>
          isRecordedChange(method, url) || isTransactionRead(method, url)
    await app.register(proxyPlugin, { config, sessions, observers, observe, now })
    if (audit)
      await app.register(auditRoutes, {
        store: audit,
        scopeFor: (request) => {
          const identities = sessions.identities(request)
          return {
            families: AUDIT_FAMILIES.filter((family) => identities[family]),
            orgId: identities.arm?.orgId,
          }
        },
      })
  }

  if (!options.skipStatic && config.mode === 'live' && isDemoBuild(root))
    app.log.warn(
      { dist: root },
      'serving a demo build in live mode: its pages answer from their own demo backend; build with API_URL set',
    )
  if (!options.skipStatic) await app.register(staticPlugin, { root })
  else
    app.setNotFoundHandler((request, reply) =>
      reply
        .code(404)
        .send({ message: `Not found: ${request.method} ${request.url.split('?')[0]}` }),
    )

  return app
}
