import { useId, type ReactNode } from 'react'

/**
 * Ids and the message line of one field: the error when there is one, else the hint, in
 * one element the control points at (`aria-describedby`), so a screen reader reads the
 * reason with the field and the hint comes back once the error is fixed.
 */
export function useFieldMessage(error: string | undefined, hint: ReactNode, id?: string) {
  const generated = useId()
  const controlId = id ?? generated
  const messageId = `${controlId}-hint`
  const shown = error ?? hint
  const hasMessage = shown !== undefined && shown !== null && shown !== ''
  const message = hasMessage ? (
    <span id={messageId} className={error ? 'field-error' : 'field-hint'}>
      {shown}
    </span>
  ) : null
  return {
    controlId,
    /** Spread on the control. */
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': hasMessage ? messageId : undefined,
    },
    /** The label above, the control (`children`), then the message. */
    frame: (label: ReactNode, children: ReactNode) => (
      <div className="field">
        <label htmlFor={controlId}>{label}</label>
        {children}
        {message}
      </div>
    ),
  }
}

/** What every labelled field takes besides its control's own props. */
export interface FieldProps {
  label: ReactNode
  /** Why the value cannot be used and what to do; replaces the hint while present. */
  error?: string | undefined
  /** What the field expects; shown while there is no error. */
  hint?: ReactNode
  /** A fixed id when something else refers to the control; generated otherwise. */
  id?: string
}
