import { useId, useState } from 'react'
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
import { isAbort } from '../../lib/upload.ts'
import { ArtifactPicker, UploadProgressBar } from './artifact-picker.tsx'
import { useUpload } from './use-upload.ts'
import { fileProblem } from './deploy-form-model.ts'
import { CheckedForm } from '../../components/form/checked-form.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { message, Msg, useT } from '../../components/i18n.tsx'

/** Replaces an application's artifact: PATCH multipart with the new file, then it redeploys. */
export function UpdateArtifactDialog({
  app,
  open,
  onOpenChange,
}: { app: Application } & DialogState) {
  const { scope } = useConsole()
  const t = useT()
  const [file, setFile] = useState<File | null>(null)
  const formId = useId()
  const upload = useUpload()
  const update = useUpdateApplicationArtifact(scope)
  const form = useForm({ values: file, validate: checkArtifact })
  const problem = fileProblem(file)
  const cancelled = update.error !== null && isAbort(update.error)

  const send = (chosen: File) => {
    const options = upload.start(chosen.size)
    update.mutate(
      {
        id: app.id,
        input: { file: chosen },
        options,
      },
      {
        onSuccess: () => {
          toastSucceeded('applications.update.succeeded', { name: app.name })
          setFile(null)
          form.reset()
          onOpenChange(false)
        },
        onSettled: upload.settled,
      },
    )
  }

  return (
    <Modal
      open={open}
      onOpenChange={upload.closing(onOpenChange)}
      title={<Msg id="applications.update.title" values={{ name: app.name }} />}
      description={
        app.artifact.fileName
          ? message('applications.update.descriptionFile', { file: app.artifact.fileName })
          : t('applications.update.description')
      }
      locked={update.isPending}
      footer={
        <>
          {update.isPending ? (
            <Button onClick={upload.cancel}>{t('applications.upload.cancel')}</Button>
          ) : (
            <Button onClick={() => onOpenChange(false)}>{t('applications.common.close')}</Button>
          )}
          <Button type="submit" form={formId} variant="primary" busy={update.isPending}>
            {t('applications.update.submit')}
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
        {upload.progress && update.isPending && (
          <UploadProgressBar loaded={upload.progress.loaded} total={upload.progress.total} />
        )}
        {cancelled && (
          <div className="alert alert-info" role="status">
            {t('applications.update.cancelled')}
          </div>
        )}
        {update.error && !cancelled && (
          <ErrorPanel error={update.error} title={t('applications.update.failed')} />
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
