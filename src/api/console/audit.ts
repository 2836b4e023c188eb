import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import type { RequestDescription } from '../../lib/describe-request.ts'
import type { ShellVariable } from '../../lib/shell-quote.ts'
import { request } from '../../lib/request.ts'
import {
  AuditPageSchema,
  AuditResourceHistorySchema,
  type AuditEntry,
  type AuditResourceKind,
} from './audit-schemas.ts'

/** The console's own API (the server's, or the demo backend's): not one of the proxied families. */
const BASE = '/console-api/audit'

/** The Activity page's filters as they stand in the URL (strings; empty = not filtered). */
export interface AuditFilterValues {
  operator: string
  family: string
  action: string
  outcome: string
  /** `YYYY-MM-DD`, inclusive. */
  from: string
  to: string
  /** Part of the resource name or summary. */
  q: string
}

export const AUDIT_FILTER_KEYS = [
  'operator',
  'family',
  'action',
  'outcome',
  'from',
  'to',
  'q',
] as const satisfies ReadonlyArray<keyof AuditFilterValues>

function query(filters: AuditFilterValues): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const key of AUDIT_FILTER_KEYS) out[key] = filters[key].trim() || undefined
  return out
}

/** `GET /console-api/audit`: one page of entries, newest first, after `cursor`. */
export function listAudit(filters: AuditFilterValues, cursor: string, signal?: AbortSignal) {
  return request({
    method: 'GET',
    path: BASE,
    query: { ...query(filters), cursor: cursor || undefined },
    schema: AuditPageSchema,
    signal,
  })
}

/** `GET /console-api/audit/resource/{kind}/{id}`: the last ten changes of one resource. */
export async function resourceHistory(
  kind: AuditResourceKind,
  id: string,
  signal?: AbortSignal,
): Promise<AuditEntry[]> {
  const body = await request({
    method: 'GET',
    path: `${BASE}/resource/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`,
    schema: AuditResourceHistorySchema,
    signal,
  })
  return body.items
}

/**
 * `GET /console-api/audit/export.csv`: the filtered entries as CSV text. Fetched through
 * the client (not a plain link) so that the demo backend, which lives in the page, and a
 * bearer-token session answer it as well as the server's cookie session.
 */
export function exportAuditCsv(filters: AuditFilterValues): Promise<string> {
  return request({
    method: 'GET',
    path: `${BASE}/export.csv`,
    query: query(filters),
    headers: { Accept: 'text/csv' },
    schema: z.string(),
  })
}

/** How often a resource's panel and the first page look for new entries. */
export const AUDIT_POLL_MS = 15_000

export const auditQueries = {
  /** Every audit query: invalidated after any change the console makes. */
  all: () => ['console', 'audit'] as const,
  list: (filters: AuditFilterValues) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'list', filters],
      queryFn: ({ pageParam, signal }) => listAudit(filters, pageParam, signal),
      initialPageParam: '',
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  resource: (kind: AuditResourceKind, id: string) =>
    queryOptions({
      queryKey: [...auditQueries.all(), 'resource', kind, id],
      queryFn: ({ signal }) => resourceHistory(kind, id, signal),
      refetchInterval: AUDIT_POLL_MS,
    }),
}

/** The console's own placeholder for the bearer token (ADR 011): the only part that expands. */
const TOKEN: ShellVariable = { variable: 'TOKEN' }

/**
 * The recorded request as the curl view shows it: the credential as `$TOKEN` (the trail
 * never holds one), then the headers and body that were recorded, as data (ADR 011: a
 * recorded `$REDACTED` or any other text stays literal when pasted).
 */
export function auditEntryRequest(entry: AuditEntry): RequestDescription {
  const body = entry.request.body
  return {
    method: entry.request.method,
    path: entry.request.path,
    headers: [
      ['Authorization', ['Bearer ', TOKEN]],
      ...entry.request.headers.map(([name, value]) => [name, [value]] as const),
    ],
    body: body === null ? undefined : { kind: 'text', text: [body] },
  }
}
