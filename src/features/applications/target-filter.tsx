import { useMemo, useState } from 'react'

export interface TargetChoice {
  id: number
  label: string
}

/**
 * The Target filter: a native select with one option per server, group and cluster that
 * has applications (thousands in a large fleet). The options are built when the operator
 * first reaches for it (focus or pointer), not on the page's first render: laying out a
 * select measures the text of every option, and that stood between navigation and the
 * list's first rows. Until then it holds only "All targets" and the current choice.
 */
export function TargetFilter({
  targets,
  value,
  onChange,
}: {
  targets: readonly TargetChoice[]
  value: number | null
  onChange: (target: number | null) => void
}) {
  const [wanted, setWanted] = useState(false)
  const want = () => setWanted(true)
  // The same elements every render, so a keystroke in the text filter does not re-render
  // (and React does not re-commit) thousands of options.
  const options = useMemo(
    () =>
      wanted
        ? targets.map((t) => (
            <option key={t.id} value={String(t.id)}>
              {t.label}
            </option>
          ))
        : null,
    [wanted, targets],
  )
  const current = value === null ? undefined : targets.find((t) => t.id === value)
  return (
    <select
      aria-label="Target"
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      onFocus={want}
      onPointerDown={want}
      style={{ width: 260 }}
    >
      <option value="">All targets</option>
      {value !== null && (!wanted || !current) && (
        <option key={`current-${value}`} value={String(value)}>
          {current?.label ?? `Target ${value}`}
        </option>
      )}
      {options}
    </select>
  )
}
