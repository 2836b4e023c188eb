import { useState } from 'react'
import { FAMILY_NAMES, useFamilySignIn, type FamilyCredentials } from '../../api/console/session.ts'
import {
  ArmCredentialsSchema,
  UserCredentialsSchema,
  type ArmCredentials,
} from '../../api/console/session-schemas.ts'
import { useSignIn } from '../../api/runtime-manager/account.ts'
import { Button } from '../../components/button.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Msg, useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'
import { TextField } from '../../components/form/text-field.tsx'
import { useForm, type Validation } from '../../components/form/use-form.ts'
import { validateWith } from '../../components/form/zod-validation.ts'
import type { Family } from '../../lib/session-store.ts'
import type { RoleName } from '../../api/permissions.ts'
import { ApiText } from '../../components/api-text.tsx'
import { CheckedForm } from '../../components/form/checked-form.tsx'

/** A ready-made identity offered on the sign-in page (demo mode). */
export interface SignInPreset {
  role: string
  clientId: string
  clientSecret: string
  summary: string
}

interface Field {
  key: string
  label: MessageKey
  type: 'text' | 'password'
  autoComplete: string
}

const CLIENT_FIELDS: readonly Field[] = [
  { key: 'clientId', label: 'session.field.clientId', type: 'text', autoComplete: 'username' },
  {
    key: 'clientSecret',
    label: 'session.field.clientSecret',
    type: 'password',
    autoComplete: 'off',
  },
]
const USER_FIELDS: readonly Field[] = [
  { key: 'username', label: 'session.field.userName', type: 'text', autoComplete: 'username' },
  {
    key: 'password',
    label: 'session.field.password',
    type: 'password',
    autoComplete: 'current-password',
  },
]

type Values = Record<string, string>

/** The demo roles in the operator's language; the card and its button say the same word. */
const ROLE_WORDS = {
  Administrator: 'session.role.administrator',
  Operator: 'session.role.operator',
  Monitor: 'session.role.monitor',
} satisfies Record<RoleName, MessageKey>

function isRoleName(role: string): role is RoleName {
  return Object.hasOwn(ROLE_WORDS, role)
}

/** The fields of one sign-in form, each with its message. */
function CredentialFields({
  fields,
  values,
  errors,
  onChange,
  disabled,
}: {
  fields: readonly Field[]
  values: Values
  errors: Partial<Record<string, string>>
  onChange: (key: string, value: string) => void
  disabled: boolean
}) {
  const t = useT()
  return fields.map((field) => (
    <TextField
      key={field.key}
      label={t(field.label)}
      type={field.type}
      autoComplete={field.autoComplete}
      value={values[field.key] ?? ''}
      readOnly={disabled}
      error={errors[field.key]}
      onChange={(value) => onChange(field.key, value)}
    />
  ))
}

/**
 * Demo mode's one sign-in: a connected app's client credentials, or a demo identity. The
 * secret exists only in this form's state and the single token request; it is never stored.
 * `again` signs in over a page that lost its session, keeping what the page holds.
 */
export function ClientCredentialsSignIn({
  presets,
  again = false,
  onSignedIn,
}: {
  presets?: readonly SignInPreset[]
  again?: boolean
  onSignedIn?: () => void
}) {
  const t = useT()
  const signIn = useSignIn({ again })
  const [values, setValues] = useState<Values>({ clientId: '', clientSecret: '' })
  const form = useForm({ values, validate: (v) => validateWith(ArmCredentialsSchema, v) })
  const send = (credentials: ArmCredentials) =>
    signIn.mutate(credentials, { onSuccess: () => onSignedIn?.() })

  return (
    <>
      <CheckedForm form={form} onValid={send} gap={12}>
        <CredentialFields
          fields={CLIENT_FIELDS}
          values={values}
          errors={form.errors}
          disabled={signIn.isPending}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        />
        {signIn.error && <ErrorPanel error={signIn.error} title={t('session.form.failed')} />}
        <Button type="submit" variant="primary" busy={signIn.isPending}>
          {t('session.form.submit')}
        </Button>
      </CheckedForm>
      {presets && presets.length > 0 && (
        <section aria-label={t('session.presets.title')}>
          <h2>{t('session.presets.title')}</h2>
          <p className="muted" style={{ marginTop: 0 }}>
            {t('session.presets.intro')}
          </p>
          <div className="preset-list">
            {presets.map((preset) => {
              // A role the console has no word for is shown as the backend named it.
              const role = isRoleName(preset.role) ? (
                t(ROLE_WORDS[preset.role])
              ) : (
                <ApiText>{preset.role}</ApiText>
              )
              return (
                <div className="preset" key={preset.clientId}>
                  <div>
                    <strong>{role}</strong>
                    <div className="muted">{preset.summary}</div>
                    <code>{preset.clientId}</code>
                  </div>
                  <Button
                    onClick={() => {
                      const credentials = {
                        clientId: preset.clientId,
                        clientSecret: preset.clientSecret,
                      }
                      setValues(credentials)
                      form.submit(send, credentials)
                    }}
                    disabled={signIn.isPending}
                  >
                    <Msg id="session.presets.signInAs" values={{ role: <>{role}</> }} />
                  </Button>
                </div>
              )
            })}
          </div>
        </section>
      )}
    </>
  )
}

/**
 * Live mode: one family's sign-in through the console's server. Runtime Manager takes a
 * connected app's client ID and secret, MobileFirst and the API Store a user and password.
 * The secret is sent once and kept only in this form's state.
 */
export function FamilySignIn({ family, onSignedIn }: { family: Family; onSignedIn?: () => void }) {
  const t = useT()
  const signIn = useFamilySignIn()
  const fields = family === 'arm' ? CLIENT_FIELDS : USER_FIELDS
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(fields.map((f) => [f.key, ''])),
  )
  const form = useForm({ values, validate: (v) => checkFamilySignIn(family, v) })

  return (
    <CheckedForm
      form={form}
      onValid={(input) => signIn.mutate(input, { onSuccess: () => onSignedIn?.() })}
      gap={12}
    >
      <CredentialFields
        fields={fields}
        values={values}
        errors={form.errors}
        disabled={signIn.isPending}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      />
      {signIn.error && (
        <ErrorPanel
          error={signIn.error}
          title={t('session.form.familyFailed', { family: FAMILY_NAMES[family] })}
        />
      )}
      <Button type="submit" variant="primary" busy={signIn.isPending}>
        {t('session.form.submit')}
      </Button>
    </CheckedForm>
  )
}

/** One family's credentials checked with its schema, as the request the server takes. */
function checkFamilySignIn(
  family: Family,
  values: Values,
): Validation<Record<string, string>, FamilyCredentials> {
  if (family === 'arm') {
    const checked = validateWith(ArmCredentialsSchema, values)
    return checked.ok ? { ok: true, input: { family, credentials: checked.input } } : checked
  }
  const checked = validateWith(UserCredentialsSchema, values)
  return checked.ok ? { ok: true, input: { family, credentials: checked.input } } : checked
}
