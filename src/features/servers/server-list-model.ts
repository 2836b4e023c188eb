import * as z from 'zod/mini'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { membershipOf } from '../../api/runtime-manager/target-rules.ts'
import type { SortState } from '../../components/data-table.tsx'
import { daysUntil, toEpochMs } from '../../lib/format.ts'
import { t, type MessageKey } from '../../lib/i18n.ts'
import type { ListParams } from '../../lib/list-params.ts'
import { choiceParam, listParam, sortParam, textParam } from '../../lib/list-params.ts'
import { sortByColumn } from '../../lib/sort-by-column.ts'

/** Everything that shapes the servers list, as kept in the URL. */
export const SERVER_LIST_PARAMS = z.object({
  q: textParam(),
  status: listParam(),
  type: choiceParam(['MULE', 'GATEWAY']),
  sort: sortParam(['name', 'status', 'type', 'version', 'agent', 'membership', 'expiry']),
})
export type ServerListParams = ListParams<typeof SERVER_LIST_PARAMS>

/** Certificates and licences closer than this to expiry are flagged. */
export const EXPIRY_WARNING_DAYS = 30

export interface ExpiryWarning {
  what: 'Certificate' | 'Licence'
  days: number
  expired: boolean
  /** "Certificate expired 3 d ago", "Licence expires in 12 d". */
  text: string
}

// One sentence per thing and tense: the word order differs between languages.
const EXPIRY_WORDS = {
  Certificate: {
    expired: 'servers.expiry.certificateExpired',
    expires: 'servers.expiry.certificateExpires',
  },
  Licence: { expired: 'servers.expiry.licenceExpired', expires: 'servers.expiry.licenceExpires' },
} satisfies Record<ExpiryWarning['what'], Record<'expired' | 'expires', MessageKey>>

/** Certificate and licence expiries that need attention now, worded in the current language. */
export function expiryWarnings(server: Server, now: number): ExpiryWarning[] {
  const out: ExpiryWarning[] = []
  const check = (what: ExpiryWarning['what'], value: Server['certificateExpirationDate']) => {
    const at = toEpochMs(value)
    if (at === undefined) return
    const days = daysUntil(at, now)
    if (at <= now) {
      const ago = Math.max(1, -days)
      out.push({ what, days, expired: true, text: t(EXPIRY_WORDS[what].expired, { days: ago }) })
    } else if (days < EXPIRY_WARNING_DAYS)
      out.push({ what, days, expired: false, text: t(EXPIRY_WORDS[what].expires, { days }) })
  }
  check('Certificate', server.certificateExpirationDate)
  check('Licence', server.licenseExpirationDate)
  return out
}

/** The runtime version that matters for the server's type. */
export function runtimeVersion(server: Server): string {
  return (
    (server.serverType === 'GATEWAY' ? server.gatewayVersion : server.muleVersion) ??
    server.muleVersion ??
    ''
  )
}

function searchable(server: Server): string {
  const member = membershipOf(server)
  return [
    server.name,
    server.status,
    server.serverType,
    server.muleVersion,
    server.gatewayVersion,
    server.agentVersion,
    member?.name,
    ...(server.addresses ?? []).map((a) => a.ip),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

/** Applies text and type filters (not status): the base for the status facet counts. */
export function filterServersExceptStatus(
  servers: readonly Server[],
  params: ServerListParams,
): Server[] {
  const q = params.q.trim().toLowerCase()
  return servers.filter(
    (s) => (!params.type || s.serverType === params.type) && (!q || searchable(s).includes(q)),
  )
}

export function filterServers(servers: readonly Server[], params: ServerListParams): Server[] {
  const base = filterServersExceptStatus(servers, params)
  return params.status.length === 0 ? base : base.filter((s) => params.status.includes(s.status))
}

/** How many servers of each status the current text/type filter leaves. */
export function statusCounts(servers: readonly Server[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of servers) counts.set(s.status, (counts.get(s.status) ?? 0) + 1)
  return counts
}

function nearestExpiry(server: Server): number {
  const values = [
    toEpochMs(server.certificateExpirationDate),
    toEpochMs(server.licenseExpirationDate),
  ].filter((v): v is number => v !== undefined)
  return values.length > 0 ? Math.min(...values) : Number.POSITIVE_INFINITY
}

function sortValue(server: Server, id: string): string | number {
  switch (id) {
    case 'status':
      return server.status
    case 'type':
      return server.serverType ?? ''
    case 'version':
      return runtimeVersion(server)
    case 'agent':
      return server.agentVersion ?? ''
    case 'membership':
      return membershipOf(server)?.name ?? ''
    case 'expiry':
      return nearestExpiry(server)
    default:
      return server.name
  }
}

/** A stable sort by one column; ties fall back to name, then id. */
export function sortServers(servers: readonly Server[], sort: SortState): Server[] {
  return sortByColumn(servers, sort, sortValue)
}
