import { useId, useRef, useState } from 'react'
import { ApiText, apiMessage } from '../../components/api-text.tsx'
import { toast } from 'sonner'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import {
  updateArtifactRequest,
  useUpdateApplicationArtifact,
} from '../../api/runtime-manager/applications.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { useForm, type Validation } from '../../components/form/use-form.ts'
import { Modal, type DialogState } from '../../components/modal.tsx'
import { isAbort, type UploadProgress } from '../../lib/upload.ts'
import { ArtifactPicker, UploadProgressBar } from './artifact-picker.tsx'
import { fileProblem } from './deploy-form-model.ts'
import { CheckedForm } from '../../components/form/checked-form.tsx'

/** Replaces an application's artifact: PATCH multipart with the new file, then it redeploys. */
export function UpdateArtifactDialog({
  app,
  open,
  onOpenChange,
}: { app: Application } & DialogState) {
  const { scope } = useConsole()
  const [file, setFile] = useState<File | null>(null)
  const formId = useId()
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const abort = useRef<AbortController | null>(null)
  const update = useUpdateApplicationArtifact(scope)
  const form = useForm({ values: file, validate: checkArtifact })
  const problem = fileProblem(file)
  const cancelled = update.error !== null && isAbort(update.error)

  const send = (chosen: File) => {
    const controller = new AbortController()
    abort.current = controller
    setProgress({ loaded: 0, total: chosen.size })
    update.mutate(
      {
        id: app.id,
        input: { file: chosen },
        options: { onProgress: setProgress, signal: controller.signal },
      },
      {
        onSuccess: () => {
          toast.success(apiMessage`${app.name}: new artifact uploaded, redeploying`)
          setFile(null)
          form.reset()
          onOpenChange(false)
        },
        onSettled: () => setProgress(null),
      },
    )
  }

  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        if (!next) abort.current?.abort()
        onOpenChange(next)
      }}
      title={
        <>
          Update <ApiText>{app.name}</ApiText>
        </>
      }
      description={`Upload a new artifact. It replaces ${app.artifact.fileName ?? 'the current file'} and the application redeploys on every server of its target.`}
      locked={update.isPending}
      footer={
        <>
          {update.isPending ? (
            <Button onClick={() => abort.current?.abort()}>Cancel upload</Button>
          ) : (
            <Button onClick={() => onOpenChange(false)}>Close</Button>
          )}
          <Button type="submit" form={formId} variant="primary" busy={update.isPending}>
            Upload and redeploy
          </Button>
        </>
      }
    >
      <CheckedForm id={formId} form={form} onValid={send} gap={12}>
        <ArtifactPicker
          file={file}
          onChange={setFile}
          // Once tried, the message follows the file chosen.
          error={form.submitted && problem ? problem : undefined}
          disabled={update.isPending}
        />
        {file && !problem && (
          <CurlPreview requests={[updateArtifactRequest(scope, app.id, { file })]} />
        )}
        {progress && update.isPending && (
          <UploadProgressBar loaded={progress.loaded} total={progress.total} />
        )}
        {cancelled && (
          <div className="alert alert-info" role="status">
            Upload cancelled: the application still runs its current artifact.
          </div>
        )}
        {update.error && !cancelled && (
          <ErrorPanel error={update.error} title="The update was not accepted" />
        )}
      </CheckedForm>
    </Modal>
  )
}

/** The chosen file, or why it cannot be sent (fileProblem names every reason, no file included). */
function checkArtifact(file: File | null): Validation<{ file: string }, File> {
  const problem = fileProblem(file)
  return file && !problem
    ? { ok: true, input: file }
    : { ok: false, errors: { file: problem ?? '' } }
}
