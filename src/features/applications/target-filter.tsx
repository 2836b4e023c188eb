import { useMemo, useState } from 'react'
import { useT } from '../../components/i18n.tsx'

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
 * `targets` makes the choices (labels in the current language, sorted by a collator): it
 * is called only then too, or when a target is chosen, so a first render makes none.
 */
export function TargetFilter({
  targets,
  value,
  onChange,
}: {
  targets: () => readonly TargetChoice[]
  value: number | null
  onChange: (target: number | null) => void
}) {
  const t = useT()
  const [wanted, setWanted] = useState(false)
  const want = () => setWanted(true)
  const needed = wanted || value !== null
  const choices = useMemo(() => (needed ? targets() : []), [needed, targets])
  // The same elements every render, so a keystroke in the text filter does not re-render
  // (and React does not re-commit) thousands of options.
  const options = useMemo(
    () =>
      wanted
        ? choices.map((target) => (
            <option key={target.id} value={String(target.id)}>
              {target.label}
            </option>
          ))
        : null,
    [wanted, choices],
  )
  const current = value === null ? undefined : choices.find((target) => target.id === value)
  return (
    <select
      aria-label={t('applications.list.target')}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      onFocus={want}
      onPointerDown={want}
      style={{ width: 260 }}
    >
      <option value="">{t('applications.list.allTargets')}</option>
      {value !== null && (!wanted || !current) && (
        <option key={`current-${value}`} value={String(value)}>
          {current?.label ?? t('applications.list.targetById', { id: String(value) })}
        </option>
      )}
      {options}
    </select>
  )
}
