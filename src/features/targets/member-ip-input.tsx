import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { MemberValue } from './target-kind.ts'
import { Msg, useT } from '../../components/i18n.tsx'

/** The clustering IP of each chosen server, in a grid (label and hint, then the input). */
export function MemberIpGrid({
  members,
  servers,
  errors,
  disabled,
  onChange,
}: {
  members: readonly MemberValue[]
  servers: ReadonlyMap<number, Server>
  /** Per server id: what is wrong with its IP. */
  errors: Record<number, string> | undefined
  disabled: boolean
  onChange: (serverId: number, ip: string) => void
}) {
  return (
    <div className="members-grid">
      {members.map((m) => (
        <MemberIpInput
          key={m.serverId}
          member={m}
          server={servers.get(m.serverId)}
          error={errors?.[m.serverId]}
          disabled={disabled}
          onChange={(ip) => onChange(m.serverId, ip)}
        />
      ))}
    </div>
  )
}

/** The members with one server's clustering IP changed. */
export function withIp(members: readonly MemberValue[], serverId: number, ip: string) {
  return members.map((m) => (m.serverId === serverId ? { ...m, ip } : m))
}

/** The clustering IP of one chosen server, with its known addresses as a hint. */
function MemberIpInput({
  member,
  server,
  error,
  disabled,
  onChange,
}: {
  member: MemberValue
  server: Server | undefined
  error?: string
  disabled?: boolean
  onChange: (ip: string) => void
}) {
  const t = useT()
  const name = server?.name ?? t('targets.membership.serverFallback', { id: member.serverId })
  const inputId = `cluster-ip-${member.serverId}`
  const hintId = `${inputId}-hint`
  const known = (server?.addresses ?? []).map((a) => a.ip)
  return (
    <>
      <div className="field" style={{ minWidth: 0 }}>
        <label htmlFor={inputId} className="text-normal">
          <Msg id="targets.ip.label" values={{ name }} />
        </label>
        <span id={hintId} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            (known.length > 0
              ? t('targets.ip.known', { addresses: known.join(', ') })
              : t('targets.ip.noneKnown'))}
        </span>
      </div>
      <input
        id={inputId}
        type="text"
        className="mono"
        autoComplete="off"
        placeholder={t('targets.ip.placeholder')}
        value={member.ip}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}
