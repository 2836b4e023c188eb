import { useId, useState, type FormEvent } from 'react'
import * as z from 'zod/mini'
import { FAMILY_NAMES, useFamilySignIn } from '../../api/console/session.ts'
import { ArmCredentialsSchema, UserCredentialsSchema } from '../../api/console/session-schemas.ts'
import { useSignIn } from '../../api/runtime-manager/account.ts'
import { Button } from '../../components/button.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import type { Family } from '../../lib/session-store.ts'

/** A ready-made identity offered on the sign-in page (demo mode). */
export interface SignInPreset {
  role: string
  clientId: string
  clientSecret: string
  summary: string
}

interface Field {
  key: string
  label: string
  type: 'text' | 'password'
  autoComplete: string
}

const CLIENT_FIELDS: readonly Field[] = [
  { key: 'clientId', label: 'Client ID', type: 'text', autoComplete: 'username' },
  { key: 'clientSecret', label: 'Client secret', type: 'password', autoComplete: 'off' },
]
const USER_FIELDS: readonly Field[] = [
  { key: 'username', label: 'User name', type: 'text', autoComplete: 'username' },
  { key: 'password', label: 'Password', type: 'password', autoComplete: 'current-password' },
]

type Values = Record<string, string>
type Errors = Record<string, string>

function check(
  schema: z.ZodMiniType<Values>,
  values: Values,
): { ok: true; value: Values } | { ok: false; errors: Errors } {
  const result = z.safeParse(schema, values)
  if (result.success) return { ok: true, value: result.data }
  const errors: Errors = {}
  for (const issue of result.error.issues) {
    const key = issue.path[0]
    if (typeof key === 'string' && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

/** The fields, their messages and the submit button of one sign-in form. */
function CredentialFields({
  fields,
  values,
  errors,
  onChange,
  disabled,
}: {
  fields: readonly Field[]
  values: Values
  errors: Errors
  onChange: (key: string, value: string) => void
  disabled: boolean
}) {
  const id = useId()
  return fields.map((field) => {
    const inputId = `${id}-${field.key}`
    const error = errors[field.key]
    return (
      <div className="field" key={field.key}>
        <label htmlFor={inputId}>{field.label}</label>
        <input
          id={inputId}
          type={field.type}
          autoComplete={field.autoComplete}
          value={values[field.key] ?? ''}
          readOnly={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => onChange(field.key, e.target.value)}
        />
        {error && (
          <span id={`${inputId}-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
    )
  })
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
  const signIn = useSignIn({ again })
  const [values, setValues] = useState<Values>({ clientId: '', clientSecret: '' })
  const [errors, setErrors] = useState<Errors>({})

  const submit = (credentials: Values) => {
    const checked = check(ArmCredentialsSchema, credentials)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    signIn.mutate(
      { clientId: checked.value.clientId ?? '', clientSecret: checked.value.clientSecret ?? '' },
      { onSuccess: () => onSignedIn?.() },
    )
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    submit(values)
  }

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="field" style={{ gap: 12 }}>
        <CredentialFields
          fields={CLIENT_FIELDS}
          values={values}
          errors={errors}
          disabled={signIn.isPending}
          onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
        />
        {signIn.error && <ErrorPanel error={signIn.error} title="Sign-in failed" />}
        <Button type="submit" variant="primary" busy={signIn.isPending}>
          Sign in
        </Button>
      </form>
      {presets && presets.length > 0 && (
        <section aria-label="Demo identities">
          <h2>Demo identities</h2>
          <p className="muted" style={{ marginTop: 0 }}>
            Demo mode: the backend runs in your browser. Each identity fills in its credentials and
            signs in.
          </p>
          <div className="preset-list">
            {presets.map((preset) => (
              <div className="preset" key={preset.clientId}>
                <div>
                  <strong>{preset.role}</strong>
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
                    submit(credentials)
                  }}
                  disabled={signIn.isPending}
                >
                  Sign in as {preset.role}
                </Button>
              </div>
            ))}
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
  const signIn = useFamilySignIn()
  const fields = family === 'arm' ? CLIENT_FIELDS : USER_FIELDS
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(fields.map((f) => [f.key, ''])),
  )
  const [errors, setErrors] = useState<Errors>({})

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = check(family === 'arm' ? ArmCredentialsSchema : UserCredentialsSchema, values)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    const v = checked.value
    const input =
      family === 'arm'
        ? {
            family,
            credentials: { clientId: v.clientId ?? '', clientSecret: v.clientSecret ?? '' },
          }
        : { family, credentials: { username: v.username ?? '', password: v.password ?? '' } }
    signIn.mutate(input, { onSuccess: () => onSignedIn?.() })
  }

  return (
    <form onSubmit={onSubmit} noValidate className="field" style={{ gap: 12 }}>
      <CredentialFields
        fields={fields}
        values={values}
        errors={errors}
        disabled={signIn.isPending}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))}
      />
      {signIn.error && (
        <ErrorPanel error={signIn.error} title={`Sign-in to ${FAMILY_NAMES[family]} failed`} />
      )}
      <Button type="submit" variant="primary" busy={signIn.isPending}>
        Sign in
      </Button>
    </form>
  )
}
