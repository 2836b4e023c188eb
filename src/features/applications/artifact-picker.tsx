import { FileField } from '../../components/form/file-field.tsx'
import { formatBytes } from '../../lib/format.ts'
import { useT } from '../../components/i18n.tsx'

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
  const t = useT()
  return (
    <FileField
      label={t('applications.artifact.label')}
      accept=".jar,.zip"
      dropHint={t('applications.artifact.dropHint')}
      disabled={disabled}
      error={error}
      // The zone names the chosen file and its size; the hint keeps saying what fits.
      file={file}
      hint={t('applications.artifact.hint')}
      onChange={onChange}
    />
  )
}

/** Bytes sent so far, as a labelled progress bar. */
export function UploadProgressBar({ loaded, total }: { loaded: number; total: number }) {
  const t = useT()
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0
  return (
    <div className="field">
      <progress max={100} value={percent} aria-label={t('applications.upload.progressLabel')} />
      <span className="field-hint" aria-live="polite">
        {t('applications.upload.progress', {
          percent,
          loaded: formatBytes(loaded),
          total: formatBytes(total),
        })}
      </span>
    </div>
  )
}
