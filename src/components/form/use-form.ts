import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'

/** A form's values checked against its rules: the request input, or a message per field. */
export type Validation<Errors, Input> = { ok: true; input: Input } | { ok: false; errors: Errors }

export interface FormKit<Values, Errors, Input> {
  /** The current values checked now (for a curl preview or a disabled submit). */
  checked: Validation<Errors, Input>
  /** The messages shown: set by a failed submit or by the caller (a 409, a rejected file). */
  errors: Partial<Errors>
  setErrors: (next: Partial<Errors> | ((prev: Partial<Errors>) => Partial<Errors>)) => void
  /** Drops the messages of fields the operator just changed; the others keep their reasons. */
  clearErrors: (fields: readonly string[]) => void
  /** True once a submit was tried, until `reset`: messages that follow the values use it. */
  submitted: boolean
  /** Forgets the messages and the submit (after a success, before the form is reused). */
  reset: () => void
  /**
   * Checks `values` (the current ones unless given): if they pass, clears the messages
   * and calls `onValid`; if not, shows the messages and focuses the first invalid field.
   */
  submit: (onValid: (input: Input) => void, values?: Values) => void
  /** Props for the `<form>`: its ref (for the focus) and no browser validation bubbles. */
  props: { ref: RefObject<HTMLFormElement | null>; noValidate: true }
  /** The `<form>`'s submit: `onSubmit={(e) => form.handleSubmit(e, send)}`. */
  handleSubmit: (event: FormEvent, onValid: (input: Input) => void) => void
}

/**
 * The state every form shares: its messages, the check on submit and the focus on the
 * first invalid field. The values stay with the caller (`useState`, or a parent's edit
 * session), so a failed submit or a re-sign-in never loses what was typed; the rules stay
 * in the feature's `*-form-model.ts` (zod schemas), passed in as `validate`.
 */
export function useForm<Values, Errors extends object, Input>({
  values,
  validate,
}: {
  values: Values
  validate: (values: Values) => Validation<Errors, Input>
}): FormKit<Values, Errors, Input> {
  const ref = useRef<HTMLFormElement | null>(null)
  const [errors, setErrors] = useState<Partial<Errors>>({})
  const [failures, setFailures] = useState(0)
  const [submitted, setSubmitted] = useState(false)
  const checked = validate(values)

  // After a failed submit the messages are on screen (aria-invalid set): move focus to the
  // first of them, so keyboard and screen-reader users land where the fix is needed.
  useEffect(() => {
    if (failures === 0) return
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    // A fieldset (a group of radios or checkboxes) cannot take focus: its first control can.
    const target = first?.matches('fieldset')
      ? first.querySelector<HTMLElement>('input:not([disabled]), select, textarea')
      : first
    target?.focus()
  }, [failures])

  const run = (onValid: (input: Input) => void, result: Validation<Errors, Input>) => {
    setSubmitted(true)
    if (!result.ok) {
      setErrors(result.errors)
      setFailures((n) => n + 1)
      return
    }
    setErrors({})
    onValid(result.input)
  }

  return {
    checked,
    errors,
    setErrors,
    clearErrors: (fields) =>
      setErrors((prev) => {
        const next = { ...prev }
        for (const field of fields) Reflect.deleteProperty(next, field)
        return next
      }),
    submitted,
    reset: () => {
      setErrors({})
      setSubmitted(false)
    },
    submit: (onValid, other) => run(onValid, other === undefined ? checked : validate(other)),
    props: { ref, noValidate: true },
    handleSubmit: (event, onValid) => {
      event.preventDefault()
      run(onValid, checked)
    },
  }
}
