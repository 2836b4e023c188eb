import { useState, type FormEvent } from 'react'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import * as z from 'zod/mini'
import { useSignIn } from '../../api/runtime-manager/account.ts'
import {
  ClientCredentialsSchema,
  type ClientCredentials,
} from '../../api/runtime-manager/account-schemas.ts'
import { Button } from '../../components/button.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { safeReturnTo } from '../../lib/paths.ts'
import { getSession, getSessionEndReason } from '../../lib/session-store.ts'

/** A ready-made identity offered on the sign-in page (demo mode). */
export interface SignInPreset {
  role: string
  clientId: string
  clientSecret: string
  summary: string
}

type FieldErrors = Partial<Record<keyof ClientCredentials, string>>

function validate(
  values: ClientCredentials,
): { ok: true; value: ClientCredentials } | { ok: false; errors: FieldErrors } {
  const result = z.safeParse(ClientCredentialsSchema, values)
  if (result.success) return { ok: true, value: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = issue.path[0]
    if ((key === 'clientId' || key === 'clientSecret') && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

/**
 * Sign-in with a connected app's client credentials. The secret exists only in this
 * form's state and the single token request; it is never stored.
 */
export function SignInPage({ presets }: { presets?: readonly SignInPreset[] }) {
  const [params] = useSearchParams()
  const returnTo = safeReturnTo(params.get('returnTo'))
  const navigate = useNavigate()
  const signIn = useSignIn()
  const [values, setValues] = useState<ClientCredentials>({ clientId: '', clientSecret: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const existing = getSession()
  const expired = getSessionEndReason() === 'expired'

  if (existing && !signIn.isPending) return <Navigate to={returnTo} replace />

  const submit = (credentials: ClientCredentials) => {
    const checked = validate(credentials)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    signIn.mutate(checked.value, { onSuccess: () => navigate(returnTo, { replace: true }) })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    submit(values)
  }

  return (
    <main className="signin">
      <div className="card">
        <h1>Sign in to Runtime Console</h1>
        {expired && (
          <div className="alert alert-warn" role="status">
            Your session expired. Sign in again to continue where you were.
          </div>
        )}
        <p className="muted" style={{ margin: 0 }}>
          Use a connected app’s client ID and secret (client credentials). The secret is sent once
          to get a token and is never stored; the token lasts for this tab only.
        </p>
        <form onSubmit={onSubmit} noValidate className="field" style={{ gap: 12 }}>
          <div className="field">
            <label htmlFor="client-id">Client ID</label>
            <input
              id="client-id"
              type="text"
              autoComplete="username"
              value={values.clientId}
              aria-invalid={errors.clientId ? true : undefined}
              aria-describedby={errors.clientId ? 'client-id-error' : undefined}
              onChange={(e) => setValues((v) => ({ ...v, clientId: e.target.value }))}
            />
            {errors.clientId && (
              <span id="client-id-error" className="field-error">
                {errors.clientId}
              </span>
            )}
          </div>
          <div className="field">
            <label htmlFor="client-secret">Client secret</label>
            <input
              id="client-secret"
              type="password"
              autoComplete="off"
              value={values.clientSecret}
              aria-invalid={errors.clientSecret ? true : undefined}
              aria-describedby={errors.clientSecret ? 'client-secret-error' : undefined}
              onChange={(e) => setValues((v) => ({ ...v, clientSecret: e.target.value }))}
            />
            {errors.clientSecret && (
              <span id="client-secret-error" className="field-error">
                {errors.clientSecret}
              </span>
            )}
          </div>
          {signIn.error && <ErrorPanel error={signIn.error} title="Sign-in failed" />}
          <Button type="submit" variant="primary" busy={signIn.isPending}>
            Sign in
          </Button>
        </form>
        {presets && presets.length > 0 && (
          <section aria-labelledby="demo-identities">
            <h2 id="demo-identities">Demo identities</h2>
            <p className="muted" style={{ marginTop: 0 }}>
              Demo mode: the backend runs in your browser. Each identity fills in its credentials
              and signs in.
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
      </div>
    </main>
  )
}
