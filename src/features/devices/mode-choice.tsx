import { useId } from 'react'
import type { ApplyMode } from '../../api/device-admin/devices.ts'

/** Wait for a change's outcome (`async=false`) or queue it and follow its transaction (`async=true`). */
export function ModeChoice({
  mode,
  onChange,
}: {
  mode: ApplyMode
  onChange: (mode: ApplyMode) => void
}) {
  const name = useId()
  return (
    <fieldset className="mode-choice">
      <legend>Apply</legend>
      <label>
        <input
          type="radio"
          name={name}
          checked={mode === 'wait'}
          onChange={() => onChange('wait')}
        />
        Wait for the result
      </label>
      <label>
        <input
          type="radio"
          name={name}
          checked={mode === 'queue'}
          onChange={() => onChange('queue')}
        />
        Queue and follow the transaction
      </label>
    </fieldset>
  )
}
