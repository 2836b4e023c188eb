import { useId, type ReactNode } from 'react'

/**
 * A group of controls under a legend, with one message for the group (the error replaces
 * the hint) tied to it by `aria-describedby`.
 */
export function Fieldset({
  legend,
  error,
  hint,
  className = 'field',
  children,
}: {
  legend: ReactNode
  error?: string | undefined
  hint?: ReactNode
  className?: string | undefined
  children: ReactNode
}) {
  const id = useId()
  const shown = error ?? hint
  const hasMessage = shown !== undefined && shown !== null && shown !== ''
  return (
    <fieldset
      className={className}
      aria-describedby={hasMessage ? `${id}-hint` : undefined}
      // Marked invalid as a group: useForm's focus-on-submit then lands on its first control.
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {hasMessage && (
        <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
          {shown}
        </span>
      )}
    </fieldset>
  )
}
