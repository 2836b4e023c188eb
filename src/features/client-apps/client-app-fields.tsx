import { isolateText } from '../../components/api-text.tsx'
import { useQuery } from '@tanstack/react-query'
import {
  CALLBACK_URL_MAX,
  DESCRIPTION_MAX,
  NAME_MAX,
  type ClientAppField,
} from '../../api/app-store/client-app-schemas.ts'
import { clientAppQueries } from '../../api/app-store/client-apps.ts'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import type { ClientAppDraft } from './client-app-edit-model.ts'

export type FieldErrors = Partial<Record<ClientAppField, string>>

/**
 * The four fields of a client application, shared by the create dialog and the edit
 * panel. Each error is tied to its input (`aria-describedby`) and marks it invalid.
 */
export function ClientAppFields({
  idPrefix,
  values,
  errors,
  disabled,
  onChange,
}: {
  idPrefix: string
  values: ClientAppDraft
  errors: FieldErrors
  disabled: boolean
  onChange: (change: Partial<ClientAppDraft>) => void
}) {
  const tiers = useQuery(clientAppQueries.applicationTiers())
  const id = (field: ClientAppField) => `${idPrefix}-${field}`
  const hint = (field: ClientAppField, text: string) => (
    <span id={`${id(field)}-hint`} className={errors[field] ? 'field-error' : 'field-hint'}>
      {errors[field] ?? text}
    </span>
  )
  const common = (field: ClientAppField) => ({
    id: id(field),
    disabled,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': `${id(field)}-hint`,
  })
  const tierNames = tiers.data?.items.map((t) => t.name) ?? []
  // An application may use a tier that is no longer offered: keep it selectable.
  const unlisted =
    values.throttlingTier !== '' && tiers.data && !tierNames.includes(values.throttlingTier)

  return (
    <>
      <div className="field">
        <label htmlFor={id('name')}>Name</label>
        <input
          {...common('name')}
          type="text"
          autoComplete="off"
          maxLength={NAME_MAX + 10}
          value={values.name}
          onChange={(e) => onChange({ name: e.target.value })}
        />
        {hint('name', `Unique in the store. Letters, digits, spaces, . _ - (at most ${NAME_MAX}).`)}
      </div>
      <div className="field">
        <label htmlFor={id('throttlingTier')}>Throttling tier</label>
        {tiers.isError ? (
          <ErrorPanel
            error={tiers.error}
            title="Could not load the throttling tiers"
            onRetry={() => void tiers.refetch()}
            retrying={tiers.isFetching}
          />
        ) : (
          <select
            {...common('throttlingTier')}
            disabled={disabled || tiers.isPending}
            value={values.throttlingTier}
            onChange={(e) => onChange({ throttlingTier: e.target.value })}
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
          </select>
        )}
        <RejectedRecords rejected={tiers.data?.rejected} noun={['tier', 'tiers']} />
        {hint('throttlingTier', 'How many requests per minute the application may make.')}
      </div>
      <div className="field">
        <label htmlFor={id('description')}>Description (optional)</label>
        <textarea
          {...common('description')}
          rows={2}
          value={values.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        {hint('description', `At most ${DESCRIPTION_MAX} characters.`)}
      </div>
      <div className="field">
        <label htmlFor={id('callbackUrl')}>Callback URL (optional)</label>
        <input
          {...common('callbackUrl')}
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="https://app.example.com/oauth/callback"
          maxLength={CALLBACK_URL_MAX + 10}
          value={values.callbackUrl}
          onChange={(e) => onChange({ callbackUrl: e.target.value })}
        />
        {hint(
          'callbackUrl',
          'Where the OAuth authorization code flow redirects: http:// or https://.',
        )}
      </div>
    </>
  )
}
