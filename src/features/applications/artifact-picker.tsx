import { FileField } from '../../components/form/file-field.tsx'
import { formatBytes } from '../../lib/format.ts'

/** Choose or drop an application artifact; the hint names the chosen file and its size. */
export function ArtifactPicker({
  file,
  onChange,
  error,
  disabled,
}: {
  file: File | null
  onChange: (file: File | null) => void
  error?: string | undefined
  disabled?: boolean
}) {
  return (
    <FileField
      label="Artifact file"
      accept=".jar,.zip"
      dropHint="or drop a .jar or .zip here"
      disabled={disabled}
      error={error}
      // The zone names the chosen file and its size; the hint keeps saying what fits.
      file={file}
      hint="A Mule application archive, up to 200 MB."
      onChange={onChange}
    />
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
