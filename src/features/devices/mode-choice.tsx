import type { ApplyMode } from '../../api/device-admin/devices.ts'
import { ChoiceField } from '../../components/form/choice-field.tsx'

const MODES = [
  { value: 'wait', label: 'Wait for the result' },
  { value: 'queue', label: 'Queue and follow the transaction' },
] as const

/** Wait for a change's outcome (`async=false`) or queue it and follow its transaction (`async=true`). */
export function ModeChoice({
  mode,
  onChange,
}: {
  mode: ApplyMode
  onChange: (mode: ApplyMode) => void
}) {
  return (
    <ChoiceField
      legend="Apply"
      className="mode-choice"
      choices={MODES}
      value={mode}
      onChange={onChange}
    />
  )
}
