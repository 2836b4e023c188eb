import { useId, useMemo, useState, type ReactNode } from 'react'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { StatusBadge } from '../../components/status-badge.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { useT } from '../../components/i18n.tsx'

/** Rows rendered at once; a fleet of thousands is narrowed with the filter instead. */
const MAX_SHOWN = 100

export interface ServerPickerProps {
  /** The fieldset's legend. */
  legend: string
  servers: readonly Server[]
  selected: readonly number[]
  onChange: (next: number[]) => void
  /** Why a server cannot be chosen (shown beside it), or null when it can. */
  reasonFor: (server: Server) => ReactNode
  /** One server (radio buttons) or several (checkboxes). */
  mode?: 'single' | 'multiple'
  /** Most servers that may be chosen, with the sentence shown once it is reached. */
  limit?: { max: number; reason: string }
  error?: string
  disabled?: boolean
}

function matches(server: Server, q: string): boolean {
  if (!q) return true
  return [server.name, server.status, ...(server.addresses ?? []).map((a) => a.ip)]
    .join(' ')
    .toLowerCase()
    .includes(q)
}

/**
 * Chooses servers for a group or cluster. Servers that cannot be chosen stay listed,
 * disabled, with the reason next to them, so an operator learns why a host is missing
 * rather than wondering. Only the first 100 matches are rendered; chosen ones always are.
 */
export function ServerPicker({
  legend,
  servers,
  selected,
  onChange,
  reasonFor,
  mode = 'multiple',
  limit,
  error,
  disabled,
}: ServerPickerProps) {
  const t = useT()
  const id = useId()
  const [filter, setFilter] = useState('')
  const chosen = useMemo(() => new Set(selected), [selected])
  const q = filter.trim().toLowerCase()
  const matching = useMemo(() => {
    // Choosable servers first, then by name: the useful ones are at the top. Each server's
    // reason is asked for once (it is a sentence), not at every comparison of the sort.
    const blocked = new Set<number>()
    const shown = servers.filter((s) => matches(s, q))
    for (const s of shown) if (reasonFor(s) !== null) blocked.add(s.id)
    return shown.sort(
      (a, b) =>
        Number(blocked.has(a.id)) - Number(blocked.has(b.id)) || a.name.localeCompare(b.name),
    )
  }, [servers, q, reasonFor])
  const shown = matching.slice(0, MAX_SHOWN)
  const hiddenChosen = servers.filter(
    (s) => chosen.has(s.id) && !shown.some((row) => row.id === s.id),
  )
  const full = limit !== undefined && mode === 'multiple' && selected.length >= limit.max

  const toggle = (serverId: number) => {
    if (mode === 'single') onChange([serverId])
    else if (chosen.has(serverId)) onChange(selected.filter((s) => s !== serverId))
    else onChange([...selected, serverId])
  }

  const row = (server: Server) => {
    const reason = reasonFor(server)
    const isChosen = chosen.has(server.id)
    const blocked = reason ?? (full && !isChosen ? (limit?.reason ?? null) : null)
    const status = serverStatus(server.status)
    const reasonId = `${id}-${server.id}-reason`
    return (
      <li key={server.id} data-blocked={blocked !== null || undefined}>
        <label>
          <input
            type={mode === 'single' ? 'radio' : 'checkbox'}
            name={mode === 'single' ? `${id}-server` : undefined}
            checked={isChosen}
            disabled={disabled || (blocked !== null && !isChosen)}
            aria-describedby={blocked ? reasonId : undefined}
            onChange={() => toggle(server.id)}
          />
          {/* Cut with an ellipsis when long: the tooltip keeps the whole name. */}
          <bdi className="picker-name" title={server.name}>
            {server.name}
          </bdi>
          <StatusBadge {...status} />
          <span className="mono muted picker-ip">{server.addresses?.[0]?.ip ?? ''}</span>
        </label>
        {blocked && (
          <span id={reasonId} className="picker-reason">
            {blocked}
          </span>
        )}
      </li>
    )
  }

  return (
    <fieldset
      className="field picker"
      aria-describedby={error ? `${id}-error` : undefined}
      // Marked invalid with its error, as the form kit's Fieldset is: a failed submit's
      // focus (useForm) then lands on the picker's first control.
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      <input
        type="search"
        aria-label={t('targets.picker.filterLabel', { legend })}
        placeholder={t('targets.picker.filterPlaceholder')}
        value={filter}
        disabled={disabled}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="picker-list">
        {hiddenChosen.map(row)}
        {shown.map(row)}
        {matching.length === 0 && <li className="muted">{t('targets.picker.noMatch')}</li>}
      </ul>
      <span className="field-hint">
        {limit && mode === 'multiple'
          ? t('targets.picker.chosenOfMax', { count: selected.length, max: limit.max })
          : t('targets.picker.chosen', { count: selected.length })}
        {matching.length > MAX_SHOWN
          ? t('targets.picker.showing', { shown: MAX_SHOWN, count: matching.length })
          : ''}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  )
}
