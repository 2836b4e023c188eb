import { apiMessage } from '../../components/api-text.tsx'
import { TableHead } from '../../components/table-head.tsx'
import { useState } from 'react'
import {
  KEY_TYPES,
  type ClientApp,
  type GeneratedKeys,
  type KeyType,
} from '../../api/app-store/client-app-schemas.ts'
import { generateKeysRequest, useGenerateKeys } from '../../api/app-store/client-apps.ts'
import { Button } from '../../components/button.tsx'
import { CodeBlock } from '../../components/code-block.tsx'
import type { Permission } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { TextField } from '../../components/form/text-field.tsx'
import { useForm, type Validation } from '../../components/form/use-form.ts'
import { Modal } from '../../components/modal.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { formatDuration } from '../../lib/format.ts'
import { keyStateLabel } from './client-app-status.ts'
import { CheckedForm } from '../../components/form/checked-form.tsx'

const KEY_TYPE_LABEL: Record<KeyType, string> = { PRODUCTION: 'Production', SANDBOX: 'Sandbox' }
/** Longest validity the console offers to ask for: one year. */
const MAX_VALIDITY_SECONDS = 31_536_000

function validityLabel(value: number | string | null | undefined): string {
  const seconds = typeof value === 'string' ? Number(value) : value
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds)) return '—'
  if (seconds < 0) return 'never expires'
  return formatDuration(seconds * 1000)
}

/** Why a key type cannot be generated now, or null when it can. */
function blockedReason(app: ClientApp, keyType: KeyType): string | null {
  if (app.status !== 'APPROVED') return 'Keys can be generated once the application is approved.'
  if (app.keys.some((k) => k.keyType === keyType))
    return `It already has ${KEY_TYPE_LABEL[keyType].toLowerCase()} keys (one set per type).`
  return null
}

/** The application's key sets (consumer keys only: secrets are never kept) and how to get new ones. */
export function ClientAppKeys({ app, permission }: { app: ClientApp; permission: Permission }) {
  const [generating, setGenerating] = useState<KeyType | null>(null)
  return (
    <section className="card" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keys</h2>
      {app.keys.length === 0 ? (
        <p className="muted">No keys yet: generate production or sandbox keys to call APIs.</p>
      ) : (
        <table className="data" aria-label="Keys">
          <TableHead columns={['Type', 'Consumer key', 'State', 'Token validity', 'Grant types']} />
          <tbody>
            {app.keys.map((key) => (
              <tr key={`${key.keyType}-${key.consumerKey}`}>
                <td>
                  {key.keyType === 'PRODUCTION' || key.keyType === 'SANDBOX'
                    ? KEY_TYPE_LABEL[key.keyType]
                    : key.keyType}
                </td>
                <td className="mono">{key.consumerKey}</td>
                <td>
                  <StatusBadge {...keyStateLabel(key.keyState)} />
                </td>
                <td>{validityLabel(key.token?.validityTime)}</td>
                <td>{key.supportedGrantTypes?.join(', ') ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar" style={{ marginTop: 12 }}>
        {KEY_TYPES.map((keyType) => {
          const blocked = blockedReason(app, keyType)
          return (
            <Button
              key={keyType}
              permission={
                !permission.allowed
                  ? permission
                  : blocked
                    ? { allowed: false, reason: blocked }
                    : permission
              }
              onClick={() => setGenerating(keyType)}
            >
              Generate {KEY_TYPE_LABEL[keyType].toLowerCase()} keys…
            </Button>
          )
        })}
      </div>
      {generating && (
        <GenerateKeysDialog app={app} keyType={generating} onClose={() => setGenerating(null)} />
      )}
    </section>
  )
}

/**
 * Generates one key set and shows its secret once. The answer lives only in this
 * component's mutation (dropped from the mutation cache when the dialog unmounts): it is
 * never written to a query, to storage or to the URL.
 */
function GenerateKeysDialog({
  app,
  keyType,
  onClose,
}: {
  app: ClientApp
  keyType: KeyType
  onClose: () => void
}) {
  const generate = useGenerateKeys(app.applicationId, app.name)
  const [validity, setValidity] = useState('3600')
  const form = useForm({ values: validity, validate: checkValidity })
  const seconds = form.checked.ok ? form.checked.input : Number.NaN
  const validityOk = form.checked.ok
  const input = {
    keyType,
    validityTime: String(seconds),
    accessAllowDomains: ['ALL'],
    ...(app.callbackUrl ? { callbackUrl: app.callbackUrl } : {}),
  }
  const close = () => {
    // Forget the secret now rather than whenever the cache collects it.
    generate.reset()
    onClose()
  }
  const label = KEY_TYPE_LABEL[keyType].toLowerCase()

  return (
    <Modal
      open
      onOpenChange={(next) => (next ? undefined : close())}
      title={
        generate.data
          ? apiMessage`New ${label} keys for ${app.name}`
          : apiMessage`Generate ${label} keys for ${app.name}`
      }
      locked={generate.isPending}
      wide={generate.data !== undefined}
    >
      {generate.data ? (
        <ShownOnce keys={generate.data} onDone={close} />
      ) : (
        <CheckedForm form={form} onValid={() => generate.mutate(input)} gap={14}>
          <TextField
            label="Access token validity (seconds)"
            inputMode="numeric"
            value={validity}
            error={form.errors.validity}
            hint={
              validityOk
                ? `Tokens issued with these keys are valid for ${formatDuration(seconds * 1000)}.`
                : 'Whole seconds, e.g. 3600 for one hour.'
            }
            onChange={setValidity}
            disabled={generate.isPending}
          />
          {validityOk && (
            <CurlPreview
              requests={[generateKeysRequest(app.applicationId, input, { name: app.name })]}
            />
          )}
          {generate.error && <ErrorPanel error={generate.error} title="No keys were generated" />}
          <div className="dialog-footer">
            <Button onClick={close} disabled={generate.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={generate.isPending}>
              Generate keys
            </Button>
          </div>
        </CheckedForm>
      )}
    </Modal>
  )
}

/** Whole seconds from 1 to a year, as the store accepts for an access token's validity. */
function checkValidity(text: string): Validation<{ validity: string }, number> {
  const seconds = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
  if (Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_VALIDITY_SECONDS)
    return { ok: true, input: seconds }
  return {
    ok: false,
    errors: { validity: `Enter whole seconds from 1 to ${MAX_VALIDITY_SECONDS} (one year).` },
  }
}

function ShownOnce({ keys, onDone }: { keys: GeneratedKeys; onDone: () => void }) {
  return (
    <>
      <div className="alert alert-warn" role="alert">
        <div className="alert-title">Copy the consumer secret now: it is shown only once</div>
        The console does not keep it, and the store will not show it again. Put it in your
        application’s secret storage before closing this dialog.
      </div>
      <div className="field">
        <span className="field-hint">Consumer key</span>
        <CodeBlock text={keys.consumerKey} label="Consumer key" copyLabel="Copy consumer key" />
      </div>
      <div className="field">
        <span className="field-hint">Consumer secret</span>
        <CodeBlock
          text={keys.consumerSecret}
          label="Consumer secret"
          copyLabel="Copy consumer secret"
        />
      </div>
      {keys.token?.accessToken && (
        <div className="field">
          <span className="field-hint">
            Access token (valid for {validityLabel(keys.token.validityTime)})
          </span>
          <CodeBlock
            text={keys.token.accessToken}
            label="Access token"
            copyLabel="Copy access token"
          />
        </div>
      )}
      <div className="dialog-footer">
        <Button variant="primary" onClick={onDone}>
          I have copied them: close
        </Button>
      </div>
    </>
  )
}
