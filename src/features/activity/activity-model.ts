import * as z from 'zod/mini'
import { AUDIT_FILTER_KEYS, type AuditFilterValues } from '../../api/console/audit.ts'
import type { AuditEntry } from '../../api/console/audit-schemas.ts'
import { dayParam, encodeListParams, textParam } from '../../lib/list-params.ts'
import { paths } from '../../lib/paths.ts'

/** The activity filters as kept in the URL: every key present, empty when not filtered. */
export const ACTIVITY_LIST_PARAMS = z.object({
  operator: textParam({ trim: true }),
  family: textParam({ trim: true }),
  action: textParam({ trim: true }),
  outcome: textParam({ trim: true }),
  from: dayParam(),
  to: dayParam(),
  q: textParam({ trim: true }),
}) satisfies z.ZodMiniType<AuditFilterValues, unknown>

/** The URL search of a set of filters: only the ones in use, in a stable order. */
export function activitySearch(filters: AuditFilterValues): URLSearchParams {
  return encodeListParams(ACTIVITY_LIST_PARAMS, filters)
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
