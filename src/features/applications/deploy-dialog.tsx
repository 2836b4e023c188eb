import { memo, useId, useState, type ChangeEvent } from 'react'
import { isolateText } from '../../lib/isolate-text.ts'
import { useNavigate } from 'react-router'
import {
  deployRequest,
  useDeployApplication,
  type DeployInput,
} from '../../api/runtime-manager/applications.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel, failedRead } from '../../components/error-panel.tsx'
import { SelectField, TextField } from '../../components/form/text-field.tsx'
import { useForm } from '../../components/form/use-form.ts'
import { isOutcomeUnknownError } from '../../lib/outcome.ts'
import { Modal, type DialogState } from '../../components/modal.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { paths } from '../../lib/paths.ts'
import { isAbort } from '../../lib/upload.ts'
import { ArtifactPicker, UploadProgressBar } from './artifact-picker.tsx'
import { useUpload } from './use-upload.ts'
import { useDeployTargets, type DeployTarget } from './deploy-targets.ts'
import {
  fileProblem,
  suggestArtifactName,
  validateDeploy,
  type DeployFormValues,
  type PropertyRow,
} from './deploy-form-model.ts'
import { CheckedForm } from '../../components/form/checked-form.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { useT } from '../../components/i18n.tsx'
import type { MessageKey, MessageValues } from '../../lib/i18n.ts'

const EMPTY: DeployFormValues = { file: null, artifactName: '', targetId: '', properties: [] }
const KIND_LABEL = {
  server: 'applications.deploy.servers',
  group: 'applications.deploy.groups',
  cluster: 'applications.deploy.clusters',
} as const satisfies Record<DeployTarget['kind'], MessageKey>

function targetLabel(
  target: DeployTarget,
  t: (key: MessageKey, values?: MessageValues) => string,
): string {
  const values = { name: isolateText(target.name), status: serverStatus(target.status).label }
  return target.size === undefined
    ? t('applications.deploy.targetOption', values)
    : t('applications.deploy.targetOptionSize', { ...values, count: target.size })
}

/**
 * Deploy a new application: artifact, name, target and properties, checked before
 * sending; a real multipart upload with progress and cancel. A failure or a cancel keeps
 * every choice so the operator can retry.
 */
/** Memoised: the Applications page re-renders per keystroke in its filter; a closed dialog need not. */
export const DeployDialog = memo(function DeployDialog({ open, onOpenChange }: DialogState) {
  const { scope } = useConsole()
  const t = useT()
  const navigate = useNavigate()
  const [values, setValues] = useState<DeployFormValues>(EMPTY)
  const [nameEdited, setNameEdited] = useState(false)
  const upload = useUpload()
  // The answer to the upload was lost: the target is being read to learn what happened.
  const [checking, setChecking] = useState(false)
  const deploy = useDeployApplication(scope)
  const targets = useDeployTargets(scope, open)
  const form = useForm({ values, validate: validateDeploy })
  const { errors } = form
  // The target's name travels with the deploy for the audit trail (its answer names none).
  const targetName = targets.targets.find((target) => String(target.id) === values.targetId)?.name
  const named = (input: DeployInput): DeployInput => ({
    ...input,
    ...(targetName ? { targetName } : {}),
  })

  const set = (change: Partial<DeployFormValues>) => setValues((v) => ({ ...v, ...change }))
  const chooseFile = (file: File | null) => {
    const suggestion = file ? suggestArtifactName(file.name) : ''
    setValues((v) => ({
      ...v,
      file,
      artifactName: nameEdited && v.artifactName ? v.artifactName : suggestion,
    }))
    form.setErrors((e) => ({ ...e, file: fileProblem(file) ?? undefined }))
  }
  const setProperty = (index: number, change: Partial<PropertyRow>) =>
    set({
      properties: values.properties.map((row, i) => (i === index ? { ...row, ...change } : row)),
    })

  const send = (checkedInput: DeployInput) => {
    const input = named(checkedInput)
    const sending = upload.start(input.file.size)
    setChecking(false)
    deploy.mutate(
      {
        input,
        options: {
          ...sending,
          onChecking: () => setChecking(true),
        },
      },
      {
        onSuccess: (accepted) => {
          toastSucceeded('applications.deploy.succeeded', { name: input.artifactName })
          setValues(EMPTY)
          setNameEdited(false)
          onOpenChange(false)
          void navigate(paths.application(scope.envId, accepted.id))
        },
        onSettled: () => {
          upload.settled()
          setChecking(false)
        },
      },
    )
  }
  const uploading = deploy.isPending
  const cancelled = deploy.error !== null && isAbort(deploy.error)
  const grouped = (['server', 'group', 'cluster'] as const).map((kind) => ({
    kind,
    items: targets.targets.filter((target) => target.kind === kind),
  }))

  return (
    <Modal
      open={open}
      onOpenChange={upload.closing(onOpenChange)}
      title={t('applications.deploy.title')}
      description={t('applications.deploy.description')}
      wide
      locked={uploading}
    >
      <CheckedForm form={form} onValid={send} gap={14}>
        <ArtifactPicker
          file={values.file}
          onChange={chooseFile}
          error={errors.file}
          disabled={uploading}
        />
        <TextField
          label={t('applications.deploy.nameLabel')}
          value={values.artifactName}
          disabled={uploading}
          error={errors.artifactName}
          hint={t('applications.deploy.nameHint')}
          onChange={(artifactName) => {
            setNameEdited(true)
            set({ artifactName })
          }}
        />
        <SelectField
          label={t('applications.deploy.targetLabel')}
          value={values.targetId}
          disabled={uploading || targets.isPending}
          error={errors.targetId}
          hint={t('applications.deploy.targetHint')}
          onChange={(targetId) => set({ targetId })}
          replace={failedRead(targets, t('applications.deploy.targetsFailed'))}
        >
          <option value="">
            {targets.isPending
              ? t('applications.deploy.targetsLoading')
              : t('applications.deploy.targetChoose')}
          </option>
          {grouped.map(
            (group) =>
              group.items.length > 0 && (
                <optgroup key={group.kind} label={t(KIND_LABEL[group.kind])}>
                  {group.items.map((target) => (
                    <option key={target.id} value={String(target.id)}>
                      {targetLabel(target, t)}
                    </option>
                  ))}
                </optgroup>
              ),
          )}
        </SelectField>
        <fieldset className="field">
          <legend>{t('applications.deploy.properties')}</legend>
          {values.properties.length > 0 && (
            <div className="properties-grid">
              {values.properties.map((row, index) => (
                <PropertyInputs
                  key={index}
                  index={index}
                  row={row}
                  error={errors.properties?.[index]}
                  disabled={uploading}
                  onChange={(change) => setProperty(index, change)}
                  onRemove={() =>
                    set({ properties: values.properties.filter((_, i) => i !== index) })
                  }
                />
              ))}
            </div>
          )}
          <div>
            <Button
              size="small"
              disabled={uploading}
              onClick={() => set({ properties: [...values.properties, { key: '', value: '' }] })}
            >
              {t('applications.deploy.addProperty')}
            </Button>
          </div>
        </fieldset>
        {form.checked.ok && (
          <CurlPreview requests={[deployRequest(scope, named(form.checked.input))]} />
        )}
        {upload.progress && uploading && !checking && (
          <UploadProgressBar loaded={upload.progress.loaded} total={upload.progress.total} />
        )}
        {uploading && checking && (
          <div className="alert alert-warn" role="status">
            {t('applications.deploy.checking')}
          </div>
        )}
        {cancelled && (
          <div className="alert alert-info" role="status">
            {t('applications.deploy.cancelled')}
          </div>
        )}
        {deploy.error && !cancelled && (
          <ErrorPanel
            error={deploy.error}
            creating
            title={
              isOutcomeUnknownError(deploy.error)
                ? t('applications.deploy.unknown')
                : t('applications.deploy.failed')
            }
          />
        )}
        <div className="dialog-footer">
          {uploading ? (
            <Button onClick={upload.cancel}>{t('applications.upload.cancel')}</Button>
          ) : (
            <Button onClick={() => onOpenChange(false)}>{t('applications.common.close')}</Button>
          )}
          <Button type="submit" variant="primary" busy={uploading}>
            {deploy.error && !cancelled
              ? t('applications.deploy.retry')
              : t('applications.deploy.submit')}
          </Button>
        </div>
      </CheckedForm>
    </Modal>
  )
})

function PropertyInputs({
  index,
  row,
  error,
  disabled,
  onChange,
  onRemove,
}: {
  index: number
  row: PropertyRow
  error?: string
  disabled: boolean
  onChange: (change: Partial<PropertyRow>) => void
  onRemove: () => void
}) {
  const t = useT()
  const n = index + 1
  const errorId = useId()
  // The name and the value of a row differ only in their words and the part they change.
  const part = (key: keyof PropertyRow, label: string, placeholder: string) => ({
    type: 'text',
    'aria-label': label,
    placeholder,
    value: row[key],
    disabled,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ [key]: e.target.value }),
  })
  return (
    <>
      <div className="field">
        <input
          {...part(
            'key',
            t('applications.deploy.propertyName', { n }),
            t('applications.deploy.propertyNamePlaceholder'),
          )}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error && (
          <span id={errorId} className="field-error">
            {error}
          </span>
        )}
      </div>
      <input
        {...part(
          'value',
          t('applications.deploy.propertyValue', { n }),
          t('applications.deploy.propertyValuePlaceholder'),
        )}
      />
      <Button
        size="small"
        variant="ghost"
        disabled={disabled}
        onClick={onRemove}
        aria-label={t('applications.deploy.removeProperty', { n })}
      >
        {t('applications.deploy.remove')}
      </Button>
    </>
  )
}
