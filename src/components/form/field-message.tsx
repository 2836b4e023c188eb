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
  const labelId = `${controlId}-label`
  const shown = error ?? hint
  const hasMessage = shown !== undefined && shown !== null && shown !== ''
  const message = hasMessage ? (
    <span id={messageId} className={error ? 'field-error' : 'field-hint'}>
      {shown}
    </span>
  ) : null
  return {
    controlId,
    /** The label's id, for a second control that the same words describe (a file's button). */
    labelId,
    /** Spread on the control. */
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': hasMessage ? messageId : undefined,
    },
    /** The label above, the control (`children`), then the message. */
    frame: (label: ReactNode, children: ReactNode) => (
      <div className="field">
        <label id={labelId} htmlFor={controlId}>
          {label}
        </label>
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

/** A field whose control holds text: `value` and `onChange` take the text, not the event. */
export interface TextControlProps extends FieldProps {
  value?: string
  onChange?: (value: string) => void
}

/**
 * The frame and the control props of a text-valued field (input, textarea, select):
 * `frame` wraps the control in its label and message; `control` goes on the control after
 * `rest` (the element's own props), so the field's id, aria and value win.
 */
export function useTextControl<P extends TextControlProps>(props: P) {
  const { label, error, hint, id, value, onChange, ...rest } = props
  const field = useFieldMessage(error, hint, id)
  return {
    rest,
    frame: (control: ReactNode) => field.frame(label, control),
    control: {
      ...field.aria,
      id: field.controlId,
      value,
      onChange: onChange
        ? (e: { target: { value: string } }) => onChange(e.target.value)
        : undefined,
    },
  }
}
