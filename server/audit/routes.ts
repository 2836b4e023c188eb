/**
 * The audit trail's API under `/console-api/audit` (ADR 015):
 *
 *   GET /console-api/audit?operator=&family=&action=&outcome=&from=&to=&q=&cursor=&limit=
 *       200 { items, nextCursor }: newest first, keyset paging with an opaque cursor
 *   GET /console-api/audit/export.csv?<same filters>   200 text/csv, streamed
 *   GET /console-api/audit/resource/:kind/:id          200 { items }: the last ten of one resource
 *
 * Each reader sees only the entries of the families its session is signed in to, and of
 * Runtime Manager only those of its own organization (`scopeFor`).
 *
 * 400 `{ message }` for a bad query, 401 `{ message }` when no family is signed in.
 */
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import {
  AUDIT_CSV_HEADER,
  AUDIT_RESOURCE_KINDS,
  parseAuditQuery,
} from '../../src/api/console/audit-schemas.ts'
import type { AuditScope, AuditStore } from './store.ts'

export interface AuditRoutesOptions {
  store: AuditStore
  /**
   * What the request's session may see: the families it is signed in to (none: 401) and its
   * Runtime Manager organization.
   */
  scopeFor: (request: FastifyRequest) => AuditScope | Promise<AuditScope>
}

/** Rows per chunk of the CSV stream: small enough for bounded memory, big enough to be cheap. */
const CSV_ROWS_PER_CHUNK = 256

function badRequest(reply: FastifyReply, message: string) {
  return reply.code(400).type('application/json').send({ message })
}

function parseQuery(query: unknown) {
  return parseAuditQuery(query && typeof query === 'object' ? { ...query } : {})
}

function* csvChunks(lines: Iterable<string>): Generator<string> {
  yield '\uFEFF' + AUDIT_CSV_HEADER // the BOM makes spreadsheets read UTF-8 names correctly
  let chunk = ''
  let count = 0
  for (const line of lines) {
    chunk += line
    if (++count === CSV_ROWS_PER_CHUNK) {
      yield chunk
      chunk = ''
      count = 0
    }
  }
  if (chunk) yield chunk
}

/** The audit routes; register on the server: `app.register(auditRoutes, { store, scopeFor })`. */
export async function auditRoutes(
  app: FastifyInstance,
  options: AuditRoutesOptions,
): Promise<void> {
  const { store, scopeFor } = options
  const scopes = new WeakMap<FastifyRequest, AuditScope>()
  const scopeOf = (request: FastifyRequest): AuditScope => scopes.get(request) ?? { families: [] }

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/console-api/audit')) return
    const scope = await scopeFor(request)
    scopes.set(request, scope)
    if (scope.families.length === 0) {
      return reply
        .code(401)
        .type('application/json')
        .send({ message: 'Sign in to see the activity: no API family is signed in.' })
    }
  })

  app.get('/console-api/audit', async (request, reply) => {
    const parsed = parseQuery(request.query)
    if (!parsed.ok) return badRequest(reply, parsed.message)
    try {
      const page = store.list(parsed.filters, parsed.cursor, parsed.limit, scopeOf(request))
      return reply.header('cache-control', 'no-store').send(page)
    } catch (error) {
      if (error instanceof RangeError) return badRequest(reply, `Invalid query: ${error.message}`)
      throw error
    }
  })

  app.get('/console-api/audit/export.csv', async (request, reply) => {
    const parsed = parseQuery(request.query)
    if (!parsed.ok) return badRequest(reply, parsed.message)
    const day = new Date().toISOString().slice(0, 10)
    // Readable.from pulls the next chunk only when the socket wants more: backpressure, and
    // at most one chunk and one SQLite row in memory whatever the size of the export.
    const stream = Readable.from(csvChunks(store.csvLines(parsed.filters, scopeOf(request))), {
      objectMode: false,
    })
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="activity-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(stream)
  })

  app.get<{ Params: { kind: string; id: string } }>(
    '/console-api/audit/resource/:kind/:id',
    async (request, reply) => {
      const { kind, id } = request.params
      if (!AUDIT_RESOURCE_KINDS.some((k) => k === kind))
        return badRequest(reply, `Invalid resource kind: ${kind}.`)
      if (!id || id.length > 200) return badRequest(reply, 'Invalid resource id.')
      return reply
        .header('cache-control', 'no-store')
        .send({ items: store.forResource(kind, id, undefined, scopeOf(request)) })
    },
  )
}
