import { useId, useRef, useState, type DragEvent } from 'react'
import { formatBytes } from '../../lib/format.ts'
import { useT } from '../i18n.tsx'
import { useFieldMessage, type FieldProps } from './field-message.tsx'

/**
 * A labelled file input inside a styled drop zone: a real "Choose file…" button (the
 * keyboard path: Tab, Enter or Space), dropping a file on the zone, and the chosen file's
 * name and size in the zone. The native input is visually hidden but stays the labelled
 * control a form reads (and what tests and assistive tech find by the label).
 */
export function FileField({
  label,
  error,
  hint,
  id,
  accept,
  dropHint,
  disabled,
  file,
  onChange,
}: FieldProps & {
  accept?: string
  /** The text inside the drop zone, e.g. "or drop a .zip here". */
  dropHint: string
  disabled?: boolean | undefined
  /** The chosen file, named with its size in the zone; none shows `dropHint`. */
  file?: File | null | undefined
  onChange: (file: File | null) => void
}) {
  const t = useT()
  const field = useFieldMessage(error, hint, id)
  const input = useRef<HTMLInputElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const chosenId = useId()
  const [over, setOver] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (disabled) return
    const dropped = event.dataTransfer.files[0]
    if (dropped) onChange(dropped)
  }
  const described = [field.labelId, field.aria['aria-describedby'], file ? chosenId : undefined]
  return field.frame(
    label,
    <div
      className="drop-zone"
      data-over={over || undefined}
      data-disabled={disabled || undefined}
      onDragOver={(e) => {
        e.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button
        ref={button}
        type="button"
        className="btn"
        disabled={disabled}
        aria-describedby={described.filter(Boolean).join(' ')}
        onClick={() => input.current?.click()}
      >
        <span aria-hidden="true" className="upload-icon" />
        {t(file ? 'ui.file.chooseAnother' : 'ui.file.choose')}
      </button>
      <input
        {...field.aria}
        ref={input}
        id={field.controlId}
        type="file"
        className="visually-hidden"
        // The button above is the keyboard's way in; a second, invisible Tab stop would
        // only confuse.
        tabIndex={-1}
        // Focus sent to the input (a failed submit focuses the first invalid field) goes to
        // the button, where it can be seen.
        onFocus={() => button.current?.focus()}
        accept={accept}
        disabled={disabled}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {file ? (
        <span id={chosenId} className="drop-zone-file">
          {`${file.name} · ${formatBytes(file.size)}`}
        </span>
      ) : (
        <span className="field-hint">{dropHint}</span>
      )}
    </div>,
  )
}
