import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { StatusBadge } from '../../components/status-badge.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { expiryWarnings } from './server-list-model.ts'

export function ServerStatusBadge({ status }: { status: string }) {
  return <StatusBadge {...serverStatus(status)} />
}

/** Certificate/licence warnings as short tags; nothing when all is well. */
export function ExpiryTags({ server, now }: { server: Server; now: number }) {
  const warnings = expiryWarnings(server, now)
  if (warnings.length === 0) return null
  return (
    <>
      {warnings.map((w) => (
        <span key={w.what} className={`warning-tag ${w.expired ? 'tone-danger' : 'tone-warn'}`}>
          {w.text}
        </span>
      ))}
    </>
  )
}

export function addressesText(server: Server): string {
  const addresses = server.addresses ?? []
  if (addresses.length === 0) return '—'
  const first = addresses[0]?.ip ?? ''
  return addresses.length > 1 ? `${first} +${addresses.length - 1}` : first
}
