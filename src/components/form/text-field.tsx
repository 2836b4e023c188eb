import type { ComponentPropsWithRef, ReactNode } from 'react'
import { useFieldMessage, type FieldProps } from './field-message.tsx'

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'onChange' | 'value' | 'id' | 'children'>

/**
 * A labelled one-line text input (text, password, search, numbers with `inputMode`).
 * Controlled with `value` and `onChange`; a filter bar that reads its fields on submit may
 * leave both out and give `name` and `defaultValue` instead.
 */
export function TextField({
  label,
  error,
  hint,
  id,
  value,
  onChange,
  after,
  ...input
}: FieldProps &
  InputProps & {
    value?: string
    onChange?: (value: string) => void
    /** Beside the input on the same row (a button that acts on it). */
    after?: ReactNode
  }) {
  const field = useFieldMessage(error, hint, id)
  const control = (
    <input
      type="text"
      {...input}
      {...field.aria}
      id={field.controlId}
      value={value}
      onChange={onChange ? (e) => onChange(e.target.value) : undefined}
    />
  )
  return field.frame(
    label,
    after ? (
      <div className="toolbar">
        {control}
        {after}
      </div>
    ) : (
      control
    ),
  )
}

type TextAreaProps = Omit<ComponentPropsWithRef<'textarea'>, 'onChange' | 'value' | 'id'>

/** A labelled multi-line text input. */
export function TextAreaField({
  label,
  error,
  hint,
  id,
  value,
  onChange,
  ...textarea
}: FieldProps & TextAreaProps & { value: string; onChange: (value: string) => void }) {
  const field = useFieldMessage(error, hint, id)
  return field.frame(
    label,
    <textarea
      {...textarea}
      {...field.aria}
      id={field.controlId}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />,
  )
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'onChange' | 'value' | 'id'>

/**
 * A labelled select; the options are its children. `replace` takes the select's place
 * (an error panel when the options could not be loaded) and keeps the label and message.
 */
export function SelectField({
  label,
  error,
  hint,
  id,
  value,
  onChange,
  replace,
  below,
  children,
  ...select
}: FieldProps &
  SelectProps & {
    value: string
    onChange: (value: string) => void
    replace?: ReactNode
    /** Between the select and its message (a note about the options). */
    below?: ReactNode
  }) {
  const field = useFieldMessage(error, hint, id)
  return field.frame(
    label,
    <>
      {replace ?? (
        <select
          {...select}
          {...field.aria}
          id={field.controlId}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {children}
        </select>
      )}
      {below}
    </>,
  )
}
