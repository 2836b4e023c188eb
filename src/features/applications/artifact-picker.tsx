import { useId, useState, type DragEvent } from 'react'
import { formatBytes } from '../../lib/format.ts'

/**
 * Choose or drop an application artifact. The file input stays the keyboard and
 * screen-reader path; the drop zone is a convenience around it.
 */
export function ArtifactPicker({
  file,
  onChange,
  error,
  disabled,
}: {
  file: File | null
  onChange: (file: File | null) => void
  error?: string
  disabled?: boolean
}) {
  const id = useId()
  const [over, setOver] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (disabled) return
    const dropped = event.dataTransfer.files[0]
    if (dropped) onChange(dropped)
  }
  return (
    <div className="field">
      <label htmlFor={id}>Artifact file</label>
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
          id={id}
          type="file"
          accept=".jar,.zip"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.files?.[0] ?? null)}
        />
        <span className="field-hint">or drop a .jar or .zip here</span>
      </div>
      <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>
        {error ??
          (file
            ? `${file.name} · ${formatBytes(file.size)}`
            : 'A Mule application archive, up to 200 MB.')}
      </span>
    </div>
  )
}

/** Bytes sent so far, as a labelled progress bar. */
export function UploadProgressBar({ loaded, total }: { loaded: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0
  return (
    <div className="field">
      <progress max={100} value={percent} aria-label="Upload progress" />
      <span className="field-hint" aria-live="polite">
        Uploading… {percent}% ({formatBytes(loaded)} of {formatBytes(total)})
      </span>
    </div>
  )
}
