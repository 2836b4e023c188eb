import { Msg, useT } from '../../components/i18n.tsx'
import { t as translate, type MessageKey } from '../../lib/i18n.ts'
import { PlainTable, type PlainColumn } from '../../components/plain-table.tsx'
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
import { Card } from '../../components/card.tsx'

/** Each key type's words: the type itself, and the sentences that name it (word order differs by language). */
const KEY_TYPE_WORDS = {
  PRODUCTION: {
    label: 'client-apps.keys.production',
    already: 'client-apps.keys.alreadyProduction',
    generate: 'client-apps.keys.generateProduction',
    title: 'client-apps.keys.generateProductionTitle',
    newTitle: 'client-apps.keys.newProductionTitle',
  },
  SANDBOX: {
    label: 'client-apps.keys.sandbox',
    already: 'client-apps.keys.alreadySandbox',
    generate: 'client-apps.keys.generateSandbox',
    title: 'client-apps.keys.generateSandboxTitle',
    newTitle: 'client-apps.keys.newSandboxTitle',
  },
} satisfies Record<KeyType, Record<string, MessageKey>>
/** Longest validity the console offers to ask for: one year. */
const MAX_VALIDITY_SECONDS = 31_536_000

function validityLabel(value: number | string | null | undefined): string {
  const seconds = typeof value === 'string' ? Number(value) : value
  if (seconds === undefined || seconds === null || !Number.isFinite(seconds)) return '—'
  if (seconds < 0) return translate('client-apps.keys.neverExpires')
  return formatDuration(seconds * 1000)
}

/** Why a key type cannot be generated now, or null when it can. */
function blockedReason(app: ClientApp, keyType: KeyType): string | null {
  if (app.status !== 'APPROVED') return translate('client-apps.keys.notApproved')
  if (app.keys.some((k) => k.keyType === keyType)) return translate(KEY_TYPE_WORDS[keyType].already)
  return null
}

/** The table of an application's key sets; cells are render functions. */
function keyColumns(t: typeof translate): PlainColumn<ClientApp['keys'][number]>[] {
  return [
    {
      label: t('client-apps.keys.type'),
      heading: true,
      cell: (key) =>
        key.keyType === 'PRODUCTION' || key.keyType === 'SANDBOX'
          ? t(KEY_TYPE_WORDS[key.keyType].label)
          : key.keyType,
    },
    {
      label: t('client-apps.keys.consumerKey'),
      className: 'mono',
      title: (key) => key.consumerKey,
      cell: (key) => key.consumerKey,
    },
    {
      label: t('client-apps.keys.state'),
      cell: (key) => <StatusBadge {...keyStateLabel(key.keyState)} />,
    },
    {
      label: t('client-apps.keys.validity'),
      cell: (key) => validityLabel(key.token?.validityTime),
    },
    {
      label: t('client-apps.keys.grantTypes'),
      title: (key) => key.supportedGrantTypes?.join(', '),
      cell: (key) => key.supportedGrantTypes?.join(', ') ?? '—',
    },
  ]
}

/** The application's key sets (consumer keys only: secrets are never kept) and how to get new ones. */
export function ClientAppKeys({ app, permission }: { app: ClientApp; permission: Permission }) {
  const t = useT()
  const [generating, setGenerating] = useState<KeyType | null>(null)
  return (
    <Card id="keys-heading" title={t('client-apps.keys.title')}>
      {app.keys.length === 0 ? (
        <p className="muted">{t('client-apps.keys.none')}</p>
      ) : (
        <PlainTable
          label={t('client-apps.keys.title')}
          rows={app.keys}
          rowKey={(key) => `${key.keyType}-${key.consumerKey}`}
          columns={keyColumns(t)}
          stackOnPhone
        />
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
              {t(KEY_TYPE_WORDS[keyType].generate)}
            </Button>
          )
        })}
      </div>
      {generating && (
        <GenerateKeysDialog app={app} keyType={generating} onClose={() => setGenerating(null)} />
      )}
    </Card>
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
  const t = useT()
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
  const words = KEY_TYPE_WORDS[keyType]

  return (
    <Modal
      open
      onOpenChange={(next) => (next ? undefined : close())}
      title={<Msg id={generate.data ? words.newTitle : words.title} values={{ name: app.name }} />}
      locked={generate.isPending}
      wide={generate.data !== undefined}
    >
      {generate.data ? (
        <ShownOnce keys={generate.data} onDone={close} />
      ) : (
        <CheckedForm form={form} onValid={() => generate.mutate(input)} gap={14}>
          <TextField
            label={t('client-apps.keys.validityLabel')}
            inputMode="numeric"
            value={validity}
            error={form.errors.validity}
            hint={
              validityOk
                ? t('client-apps.keys.validityHint', { duration: formatDuration(seconds * 1000) })
                : t('client-apps.keys.validityExample')
            }
            onChange={setValidity}
            disabled={generate.isPending}
          />
          {validityOk && (
            <CurlPreview
              requests={[generateKeysRequest(app.applicationId, input, { name: app.name })]}
            />
          )}
          {generate.error && (
            <ErrorPanel error={generate.error} title={t('client-apps.keys.failed')} />
          )}
          <div className="dialog-footer">
            <Button onClick={close} disabled={generate.isPending}>
              {t('client-apps.cancel')}
            </Button>
            <Button type="submit" variant="primary" busy={generate.isPending}>
              {t('client-apps.keys.generate')}
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
    errors: {
      validity: translate('client-apps.keys.validityError', { max: MAX_VALIDITY_SECONDS }),
    },
  }
}

function ShownOnce({ keys, onDone }: { keys: GeneratedKeys; onDone: () => void }) {
  const t = useT()
  return (
    <>
      <div className="alert alert-warn" role="alert">
        <div className="alert-title">{t('client-apps.keys.copyNow')}</div>
        {t('client-apps.keys.copyNowHint')}
      </div>
      <ShownValue
        text={keys.consumerKey}
        label={t('client-apps.keys.consumerKey')}
        copyLabel={t('client-apps.keys.copyConsumerKey')}
      />
      <ShownValue
        text={keys.consumerSecret}
        label={t('client-apps.keys.consumerSecret')}
        copyLabel={t('client-apps.keys.copyConsumerSecret')}
      />
      {keys.token?.accessToken && (
        <ShownValue
          text={keys.token.accessToken}
          label={t('client-apps.keys.accessToken')}
          copyLabel={t('client-apps.keys.copyAccessToken')}
          hint={t('client-apps.keys.accessTokenValid', {
            validity: validityLabel(keys.token.validityTime),
          })}
        />
      )}
      <div className="dialog-footer">
        <Button variant="primary" onClick={onDone}>
          {t('client-apps.keys.copiedClose')}
        </Button>
      </div>
    </>
  )
}

/** One generated value to copy: its name (or `hint`) above it, and the value with a copy button. */
function ShownValue({
  text,
  label,
  copyLabel,
  hint = label,
}: {
  text: string
  label: string
  copyLabel: string
  hint?: string
}) {
  return (
    <div className="field">
      <span className="field-hint">{hint}</span>
      <CodeBlock text={text} label={label} copyLabel={copyLabel} />
    </div>
  )
}
