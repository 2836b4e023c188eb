import { useState } from 'react'
import { useNavigate } from 'react-router'
import { createClientAppRequest, useCreateClientApp } from '../../api/app-store/client-apps.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { useForm } from '../../components/form/use-form.ts'
import { Modal, type DialogState } from '../../components/modal.tsx'
import type { ClientAppInput } from '../../api/app-store/client-app-schemas.ts'
import { paths } from '../../lib/paths.ts'
import { checkDraft, fieldErrorsFrom, type ClientAppDraft } from './client-app-edit-model.ts'
import { ClientAppFields } from './client-app-fields.tsx'
import { CheckedForm } from '../../components/form/checked-form.tsx'
import { useT } from '../../components/i18n.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'

const EMPTY: ClientAppDraft = { name: '', throttlingTier: '', description: '', callbackUrl: '' }

/**
 * Create a client application. Checked before sending with the store's own rules; a
 * taken name (409) marks the name field and keeps everything typed; 201 opens the new
 * application, found from the answer's `Location`.
 */
export function CreateClientAppDialog({ open, onOpenChange }: DialogState) {
  const t = useT()
  const { scope } = useConsole()
  const navigate = useNavigate()
  const create = useCreateClientApp()
  const [values, setValues] = useState<ClientAppDraft>(EMPTY)
  const form = useForm({ values, validate: checkDraft })
  const { checked } = form

  const send = (input: ClientAppInput) => {
    create.mutate(input, {
      onSuccess: (created) => {
        toastSucceeded('client-apps.create.done', { name: created.detail.application.name })
        setValues(EMPTY)
        create.reset()
        onOpenChange(false)
        void navigate(paths.clientApp(scope.envId, created.applicationId))
      },
      onError: (error) => form.setErrors(fieldErrorsFrom(error)),
    })
  }
  const fieldBlamed = create.error !== null && Object.keys(fieldErrorsFrom(create.error)).length > 0

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={t('client-apps.create.title')}
      description={t('client-apps.create.description')}
      locked={create.isPending}
    >
      <CheckedForm form={form} onValid={send} gap={14}>
        <ClientAppFields
          values={values}
          errors={form.errors}
          disabled={create.isPending}
          onChange={(change) => {
            setValues((v) => ({ ...v, ...change }))
            // A corrected field stops being marked; the others keep their reasons.
            form.clearErrors(Object.keys(change))
          }}
        />
        {checked.ok && <CurlPreview requests={[createClientAppRequest(checked.input)]} />}
        {create.error && (
          <ErrorPanel
            error={create.error}
            title={fieldBlamed ? t('client-apps.create.refused') : t('client-apps.create.failed')}
            creating
          />
        )}
        <div className="dialog-footer">
          <Button onClick={() => onOpenChange(false)} disabled={create.isPending}>
            {t('client-apps.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {t('client-apps.create.submit')}
          </Button>
        </div>
      </CheckedForm>
    </Modal>
  )
}
