import { isolateText } from '../../components/api-text.tsx'
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
  const tiers = useQuery(clientAppQueries.applicationTiers())
  const tierNames = tiers.data?.items.map((t) => t.name) ?? []
  // An application may use a tier that is no longer offered: keep it selectable.
  const unlisted =
    values.throttlingTier !== '' && tiers.data && !tierNames.includes(values.throttlingTier)

  return (
    <>
      <TextField
        label="Name"
        autoComplete="off"
        maxLength={NAME_MAX + 10}
        value={values.name}
        disabled={disabled}
        error={errors.name}
        hint={`Unique in the store. Letters, digits, spaces, . _ - (at most ${NAME_MAX}).`}
        onChange={(name) => onChange({ name })}
      />
      <SelectField
        label="Throttling tier"
        disabled={disabled || tiers.isPending}
        value={values.throttlingTier}
        error={errors.throttlingTier}
        hint="How many requests per minute the application may make."
        onChange={(throttlingTier) => onChange({ throttlingTier })}
        replace={failedRead(tiers, 'Could not load the throttling tiers')}
        below={<RejectedRecords rejected={tiers.data?.rejected} noun={['tier', 'tiers']} />}
      >
        <option value="">{tiers.isPending ? 'Loading tiers…' : 'Choose a tier…'}</option>
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
        label="Description (optional)"
        rows={2}
        value={values.description}
        disabled={disabled}
        error={errors.description}
        hint={`At most ${DESCRIPTION_MAX} characters.`}
        onChange={(description) => onChange({ description })}
      />
      <TextField
        label="Callback URL (optional)"
        inputMode="url"
        autoComplete="off"
        placeholder="https://app.example.com/oauth/callback"
        maxLength={CALLBACK_URL_MAX + 10}
        value={values.callbackUrl}
        disabled={disabled}
        error={errors.callbackUrl}
        hint="Where the OAuth authorization code flow redirects: http:// or https://."
        onChange={(callbackUrl) => onChange({ callbackUrl })}
      />
    </>
  )
}
