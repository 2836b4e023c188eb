import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { MemberValue } from './target-kind.ts'

/** The clustering IP of one chosen server, with its known addresses as a hint. */
export function MemberIpInput({
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
  const name = server?.name ?? `Server ${member.serverId}`
  const inputId = `cluster-ip-${member.serverId}`
  const hintId = `${inputId}-hint`
  const known = (server?.addresses ?? []).map((a) => a.ip)
  return (
    <>
      <div className="field" style={{ minWidth: 0 }}>
        <label htmlFor={inputId} className="text-normal">
          Clustering IP of {name}
        </label>
        <span id={hintId} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            (known.length > 0 ? `Its addresses: ${known.join(', ')}` : 'No address reported')}
        </span>
      </div>
      <input
        id={inputId}
        type="text"
        className="mono"
        autoComplete="off"
        placeholder="e.g. 10.0.0.12"
        value={member.ip}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}
