import type { ComponentPropsWithRef, ReactNode } from 'react'
import { useTextControl, type FieldProps, type TextControlProps } from './field-message.tsx'

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'onChange' | 'value' | 'id' | 'children'>

/**
 * A labelled one-line text input (text, password, search, numbers with `inputMode`).
 * Controlled with `value` and `onChange`; a filter bar that reads its fields on submit may
 * leave both out and give `name` and `defaultValue` instead.
 */
export function TextField({
  after,
  ...props
}: TextControlProps &
  InputProps & {
    /** Beside the input on the same row (a button that acts on it). */
    after?: ReactNode
  }) {
  const { rest, frame, control } = useTextControl(props)
  const input = <input type="text" {...rest} {...control} />
  return frame(
    after ? (
      <div className="toolbar">
        {input}
        {after}
      </div>
    ) : (
      input
    ),
  )
}

type TextAreaProps = Omit<ComponentPropsWithRef<'textarea'>, 'onChange' | 'value' | 'id'>

/** A labelled multi-line text input. */
export function TextAreaField(
  props: FieldProps & TextAreaProps & { value: string; onChange: (value: string) => void },
) {
  const { rest, frame, control } = useTextControl(props)
  return frame(<textarea {...rest} {...control} />)
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'onChange' | 'value' | 'id'>

/**
 * A labelled select; the options are its children. `replace` takes the select's place
 * (an error panel when the options could not be loaded) and keeps the label and message.
 */
export function SelectField({
  replace,
  below,
  children,
  ...props
}: FieldProps &
  SelectProps & {
    value: string
    onChange: (value: string) => void
    replace?: ReactNode
    /** Between the select and its message (a note about the options). */
    below?: ReactNode
  }) {
  const { rest, frame, control } = useTextControl(props)
  return frame(
    <>
      {replace ?? (
        <select {...rest} {...control}>
          {children}
        </select>
      )}
      {below}
    </>,
  )
}
