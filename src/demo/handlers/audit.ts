import { getResponse, http, HttpResponse, type RequestHandler } from 'msw'
import {
  describeChange,
  isRecordedChange,
  isTransactionRead,
  settledTransactions,
} from '../../api/console/audit-change.ts'
import {
  AUDIT_CSV_HEADER,
  AUDIT_RESOURCE_KINDS,
  auditCsvRow,
  parseAuditQuery,
} from '../../api/console/audit-schemas.ts'
import { authenticate } from '../auth.ts'
import { randomUuid } from '../web-crypto.ts'
import type { DemoBackend } from '../backend.ts'
import { familyOfPath } from '../families.ts'

/** The proxy hands the recorder answers up to 64 kB; the demo does the same. */
const MAX_RECORDED_ANSWER = 64 * 1024

function jsonBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/**
 * The demo's audit recording, in one place (ADR 015): answers every change through `inner`
 * (fault injection and the API families) and records it exactly as the production server's
 * recorder does, with the same description of the change. Other requests pass on untouched.
 */
export function recordingHandler(backend: DemoBackend, inner: RequestHandler[]) {
  return http.all('*', async ({ request }) => {
    const url = new URL(request.url)
    const family = familyOfPath(url.pathname)
    const target = url.pathname + url.search
    if (!family) return undefined
    const change = isRecordedChange(request.method, target)
    if (!change && !isTransactionRead(request.method, target)) return undefined

    const auth = authenticate(request, backend.db, family)
    const startedAt = backend.db.now()
    const t0 = performance.now()
    const isJson = (request.headers.get('content-type') ?? '').includes('json')
    const requestBody = change && isJson ? jsonBody(await request.clone().text()) : undefined
    const response = await getResponse(inner, request, { quiet: true })
    // No answer at all (the offline fault), or a request no signed-in operator made:
    // the production proxy would not report it either.
    if (!response || response.type === 'error' || !auth.ok) return response
    const durationMs = performance.now() - t0
    const answerIsJson = (response.headers.get('content-type') ?? '').includes('json')
    let responseText: string | undefined
    if (answerIsJson) {
      const text = await response.clone().text()
      responseText = text.length <= MAX_RECORDED_ANSWER ? text : undefined
    }
    if (!change) {
      for (const settled of settledTransactions(
        request.method,
        target,
        response.status,
        responseText,
      ))
        backend.audit.settleTransaction(settled)
      return response
    }
    const headers: Record<string, string> = {}
    request.headers.forEach((value, name) => {
      if (name !== 'authorization' && name !== 'cookie') headers[name] = value
    })
    const entry = describeChange({
      family,
      method: request.method,
      url: target,
      requestHeaders: headers,
      status: response.status,
      responseText,
      startedAt,
      durationMs,
      requestId: randomUuid(),
      operator: auth.identity.username,
      organization: backend.db.organization.id,
      requestBody,
    })
    if (entry) backend.audit.record(entry)
    return response
  })
}

const BASE = '*/console-api/audit'

function parse(url: URL) {
  return parseAuditQuery(Object.fromEntries(url.searchParams))
}

function unauthorized(backend: DemoBackend, request: Request): Response | null {
  const auth = authenticate(request, backend.db)
  return auth.ok
    ? null
    : HttpResponse.json(
        { message: 'Sign in to see the activity: no API family is signed in.' },
        { status: 401 },
      )
}

/** `/console-api/audit*`: the same contract as the production server's routes. */
export function auditHandlers(backend: DemoBackend) {
  return [
    http.get(`${BASE}/export.csv`, ({ request }) => {
      const denied = unauthorized(backend, request)
      if (denied) return denied
      const query = parse(new URL(request.url))
      if (!query.ok) return HttpResponse.json({ message: query.message }, { status: 400 })
      let csv = '\uFEFF' + AUDIT_CSV_HEADER
      for (const entry of backend.audit.all(query.filters)) csv += auditCsvRow(entry)
      const day = new Date(backend.db.now()).toISOString().slice(0, 10)
      return new HttpResponse(csv, {
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="activity-${day}.csv"`,
          'Cache-Control': 'no-store',
        },
      })
    }),
    http.get(`${BASE}/resource/:kind/:id`, ({ request, params }) => {
      const denied = unauthorized(backend, request)
      if (denied) return denied
      const kind = typeof params.kind === 'string' ? params.kind : ''
      const id = typeof params.id === 'string' ? params.id : ''
      if (!AUDIT_RESOURCE_KINDS.some((k) => k === kind))
        return HttpResponse.json({ message: `Invalid resource kind: ${kind}.` }, { status: 400 })
      return HttpResponse.json({ items: backend.audit.forResource(kind, id) })
    }),
    http.get(BASE, ({ request }) => {
      const denied = unauthorized(backend, request)
      if (denied) return denied
      const query = parse(new URL(request.url))
      if (!query.ok) return HttpResponse.json({ message: query.message }, { status: 400 })
      try {
        return HttpResponse.json(backend.audit.list(query.filters, query.cursor, query.limit))
      } catch (error) {
        if (error instanceof RangeError)
          return HttpResponse.json({ message: `Invalid query: ${error.message}` }, { status: 400 })
        throw error
      }
    }),
  ]
}
