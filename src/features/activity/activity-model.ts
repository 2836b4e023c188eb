import { AUDIT_FILTER_KEYS, type AuditFilterValues } from '../../api/console/audit.ts'
import type { AuditEntry } from '../../api/console/audit-schemas.ts'
import { paths } from '../../lib/paths.ts'

/** The filters from the URL: every key present, empty when not filtered. */
export function parseActivityFilters(params: URLSearchParams): AuditFilterValues {
  const read = (key: string) => params.get(key)?.trim() ?? ''
  const date = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(read(key)) ? read(key) : '')
  return {
    operator: read('operator'),
    family: read('family'),
    action: read('action'),
    outcome: read('outcome'),
    from: date('from'),
    to: date('to'),
    q: read('q'),
  }
}

/** The URL search of a set of filters: only the ones in use, in a stable order. */
export function activitySearch(filters: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams()
  for (const key of AUDIT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key])
  return params
}

export function isFiltered(filters: AuditFilterValues): boolean {
  return AUDIT_FILTER_KEYS.some((key) => filters[key] !== '')
}

/** Actions that end a resource: its page no longer exists after one succeeded. */
const ENDINGS = new Set(['delete', 'unregister', 'remove'])

export function endsResource(entry: AuditEntry): boolean {
  return ENDINGS.has(entry.action) && entry.outcome === 'success'
}

/**
 * The console page of an entry's resource, or null when it has none (an unknown change, a
 * create whose id the answer did not carry). Runtime Manager resources live in the
 * environment the change was made in.
 */
export function resourcePath(entry: AuditEntry, currentEnvId: string): string | null {
  const id = entry.resourceId
  if (!id || !entry.resourceKind) return null
  const env = entry.environment ?? currentEnvId
  switch (entry.resourceKind) {
    case 'application':
      return paths.application(env, id)
    case 'server':
      return paths.server(env, id)
    case 'server-group':
      return paths.serverGroup(env, id)
    case 'cluster':
      return paths.cluster(env, id)
    case 'device':
      return entry.runtime
        ? paths.device(currentEnvId, entry.runtime, id, entry.resourceName ?? undefined)
        : null
    case 'client-application':
      return paths.clientApp(currentEnvId, id)
  }
}
