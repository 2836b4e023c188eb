import { useId, type ReactNode } from 'react'
import { Fieldset } from './fieldset.tsx'

/** One radio button of a `ChoiceField`. */
export interface Choice<T extends string> {
  value: T
  label: ReactNode
}

/**
 * One of a few options as radio buttons in a fieldset (wait or queue, multicast or
 * unicast). The legend names the group; `className` lays it out (a row, a segmented bar).
 */
export function ChoiceField<T extends string>({
  legend,
  choices,
  value,
  onChange,
  error,
  hint,
  disabled,
  className,
}: {
  legend: ReactNode
  choices: ReadonlyArray<Choice<T>>
  value: T
  onChange: (value: T) => void
  error?: string | undefined
  hint?: ReactNode
  disabled?: boolean | undefined
  className?: string
}) {
  const name = useId()
  return (
    // `choice-field` styles the options here (plain weight, radio beside its words) rather
    // than letting the form's bold field labels reach them.
    <Fieldset
      legend={legend}
      error={error}
      hint={hint}
      className={['choice-field', className ?? 'field'].join(' ')}
    >
      {choices.map((choice) => (
        <label key={choice.value} className="choice-option">
          <input
            type="radio"
            name={name}
            checked={value === choice.value}
            disabled={disabled}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </Fieldset>
  )
}
