import { useMemo } from 'react'
import type { ApplyMode } from '../../api/device-admin/devices.ts'
import { ChoiceField } from '../../components/form/choice-field.tsx'
import { useT } from '../../components/i18n.tsx'

/** Wait for a change's outcome (`async=false`) or queue it and follow its transaction (`async=true`). */
export function ModeChoice({
  mode,
  onChange,
}: {
  mode: ApplyMode
  onChange: (mode: ApplyMode) => void
}) {
  const t = useT()
  const modes = useMemo(
    () =>
      [
        { value: 'wait', label: t('devices.mode.wait') },
        { value: 'queue', label: t('devices.mode.queue') },
      ] as const,
    [t],
  )
  return (
    <ChoiceField
      legend={t('devices.mode.legend')}
      className="mode-choice"
      choices={modes}
      value={mode}
      onChange={onChange}
    />
  )
}
