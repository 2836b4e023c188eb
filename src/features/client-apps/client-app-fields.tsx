import { isolateText } from '../../lib/isolate-text.ts'
import { useQuery } from '@tanstack/react-query'
import {
  CALLBACK_URL_MAX,
  DESCRIPTION_MAX,
  NAME_MAX,
  type ClientAppField,
} from '../../api/app-store/client-app-schemas.ts'
import { clientAppQueries } from '../../api/app-store/client-apps.ts'
import { failedRead } from '../../components/error-panel.tsx'
import { SelectField, TextAreaField, TextField } from '../../components/form/text-field.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import { useT } from '../../components/i18n.tsx'
import type { ClientAppDraft } from './client-app-edit-model.ts'

export type FieldErrors = Partial<Record<ClientAppField, string>>

/**
 * The four fields of a client application, shared by the create dialog and the edit
 * panel. Each error replaces its field's hint and marks the field invalid.
 */
export function ClientAppFields({
  values,
  errors,
  disabled,
  onChange,
}: {
  values: ClientAppDraft
  errors: FieldErrors
  disabled: boolean
  onChange: (change: Partial<ClientAppDraft>) => void
}) {
  const t = useT()
  const tiers = useQuery(clientAppQueries.applicationTiers())
  const tierNames = tiers.data?.items.map((tier) => tier.name) ?? []
  // An application may use a tier that is no longer offered: keep it selectable.
  const unlisted =
    values.throttlingTier !== '' && tiers.data && !tierNames.includes(values.throttlingTier)

  return (
    <>
      <TextField
        label={t('client-apps.field.name')}
        autoComplete="off"
        maxLength={NAME_MAX + 10}
        value={values.name}
        disabled={disabled}
        error={errors.name}
        hint={t('client-apps.field.nameHint', { max: NAME_MAX })}
        onChange={(name) => onChange({ name })}
      />
      <SelectField
        label={t('client-apps.field.tier')}
        disabled={disabled || tiers.isPending}
        value={values.throttlingTier}
        error={errors.throttlingTier}
        hint={t('client-apps.field.tierHint')}
        onChange={(throttlingTier) => onChange({ throttlingTier })}
        replace={failedRead(tiers, t('client-apps.field.tiersFailed'))}
        below={
          <RejectedRecords
            rejected={tiers.data?.rejected}
            noun={[t('client-apps.noun.tier'), t('client-apps.noun.tiers')]}
          />
        }
      >
        <option value="">
          {tiers.isPending
            ? t('client-apps.field.tiersLoading')
            : t('client-apps.field.tierChoose')}
        </option>
        {unlisted && (
          <option value={values.throttlingTier}>{isolateText(values.throttlingTier)}</option>
        )}
        {tiers.data?.items.map((tier) => (
          <option key={tier.name} value={tier.name}>
            {tier.description
              ? `${isolateText(tier.name)}: ${isolateText(tier.description)}`
              : isolateText(tier.name)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('client-apps.field.descriptionOptional')}
        rows={2}
        value={values.description}
        disabled={disabled}
        error={errors.description}
        hint={t('client-apps.field.descriptionHint', { max: DESCRIPTION_MAX })}
        onChange={(description) => onChange({ description })}
      />
      <TextField
        label={t('client-apps.field.callbackUrlOptional')}
        inputMode="url"
        autoComplete="off"
        placeholder="https://app.example.com/oauth/callback"
        maxLength={CALLBACK_URL_MAX + 10}
        value={values.callbackUrl}
        disabled={disabled}
        error={errors.callbackUrl}
        hint={t('client-apps.field.callbackUrlHint')}
        onChange={(callbackUrl) => onChange({ callbackUrl })}
      />
    </>
  )
}
