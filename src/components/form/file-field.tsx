import { useState, type DragEvent } from 'react'
import { useFieldMessage, type FieldProps } from './field-message.tsx'

/**
 * A labelled file input inside a drop zone. The input stays the keyboard and
 * screen-reader path; dropping a file on the zone is a convenience around it.
 */
export function FileField({
  label,
  error,
  hint,
  id,
  accept,
  dropHint,
  disabled,
  onChange,
}: FieldProps & {
  accept?: string
  /** The text inside the drop zone, e.g. "or drop a .zip here". */
  dropHint: string
  disabled?: boolean | undefined
  onChange: (file: File | null) => void
}) {
  const field = useFieldMessage(error, hint, id)
  const [over, setOver] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (disabled) return
    const dropped = event.dataTransfer.files[0]
    if (dropped) onChange(dropped)
  }
  return field.frame(
    label,
    <div
      className="drop-zone"
      data-over={over || undefined}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input
        {...field.aria}
        id={field.controlId}
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <span className="field-hint">{dropHint}</span>
    </div>,
  )
}
