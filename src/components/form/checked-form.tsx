import type { ReactNode } from 'react'
import type { FormKit } from './use-form.ts'

/**
 * The `<form>` of the form kit (ADR 021): no browser validation bubbles, the ref that
 * focuses the first invalid field, and a submit that checks the values first and calls
 * `onValid` with the request input only when they pass. Laid out as a column of fields.
 */
export function CheckedForm<Input>({
  form,
  onValid,
  id,
  gap,
  children,
}: {
  form: Pick<FormKit<unknown, unknown, Input>, 'props' | 'handleSubmit'>
  onValid: (input: Input) => void
  /** For a submit button outside the form (a dialog's footer). */
  id?: string
  /** Pixels between the fields. */
  gap: number
  children: ReactNode
}) {
  return (
    <form
      id={id}
      {...form.props}
      onSubmit={(event) => form.handleSubmit(event, onValid)}
      className="field"
      style={{ gap }}
    >
      {children}
    </form>
  )
}
