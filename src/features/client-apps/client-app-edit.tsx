import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
import {
  fetchFreshClientApp,
  updateClientAppRequest,
  useUpdateClientApp,
} from '../../api/app-store/client-apps.ts'
import { Button } from '../../components/button.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import type { ClientAppInput } from '../../api/app-store/client-app-schemas.ts'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { useForm } from '../../components/form/use-form.ts'
import { isApiError } from '../../lib/api-error.ts'
import { formatDateTime } from '../../lib/format.ts'
import {
  changedFields,
  changeDraft,
  checkDraft,
  conflictRows,
  fieldErrorsFrom,
  rebaseOnTheirs,
  toConflict,
  type EditSession,
} from './client-app-edit-model.ts'
import { ClientAppFields } from './client-app-fields.tsx'
import { CheckedForm } from '../../components/form/checked-form.tsx'
import { Card } from '../../components/card.tsx'
import { useT } from '../../components/i18n.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'

/**
 * Edits an application with a checked write: `PUT` with `If-Match` from the version the
 * edit started from. A 412 never loses what was typed: it shows their version beside the
 * operator's edits, to keep theirs or apply the edits again on top of theirs.
 */
export function ClientAppEditPanel({
  session,
  onSession,
  onClose,
}: {
  session: EditSession
  onSession: (next: EditSession) => void
  onClose: () => void
}) {
  const t = useT()
  const applicationId = session.base.application.applicationId
  const queryClient = useQueryClient()
  const update = useUpdateClientApp(applicationId)
  const [comparing, setComparing] = useState(false)
  const [compareError, setCompareError] = useState<unknown>(null)
  const form = useForm({ values: session.draft, validate: checkDraft })
  const { checked } = form

  // `from` is the session the input was checked from: after a conflict, the rebased one.
  const save = (from: EditSession, input: ClientAppInput) => {
    setCompareError(null)
    update.mutate(
      { input, etag: from.base.etag },
      {
        onSuccess: (saved) => {
          toastSucceeded('client-apps.edit.saved', { name: saved.application.name })
          onClose()
        },
        onError: async (error) => {
          if (isApiError(error) && error.status === 412) {
            // Someone else saved first: fetch their version and compare; the draft stays as typed.
            setComparing(true)
            try {
              const theirs = await fetchFreshClientApp(queryClient, applicationId)
              update.reset()
              onSession(toConflict(from, theirs))
            } catch (fresh) {
              setCompareError(fresh)
            } finally {
              setComparing(false)
            }
            return
          }
          form.setErrors(fieldErrorsFrom(error))
        },
      },
    )
  }

  if (session.phase === 'conflict') {
    return (
      <ConflictPanel
        session={session}
        pending={update.isPending}
        onKeepTheirs={() => {
          toast.info(t('client-apps.conflict.keptTheirs'))
          onClose()
        }}
        onApplyMine={() => {
          const rebased = rebaseOnTheirs(session)
          onSession(rebased)
          form.submit((input) => save(rebased, input), rebased.draft)
        }}
        onEditMine={() => onSession(rebaseOnTheirs(session))}
      />
    )
  }

  const changed = changedFields(session)
  return (
    <Card id="edit-heading" title={t('client-apps.edit.title')}>
      <CheckedForm form={form} onValid={(input) => save(session, input)} gap={14}>
        <ClientAppFields
          values={session.draft}
          errors={form.errors}
          disabled={update.isPending || comparing}
          onChange={(change) => onSession(changeDraft(session, change))}
        />
        <p className="field-hint" style={{ margin: 0 }}>
          {session.base.etag
            ? t('client-apps.edit.versionHint', {
                time: formatDateTime(lastModifiedMs(session.base.lastModified)),
              })
            : t('client-apps.edit.noEtagHint')}
        </p>
        {checked.ok && (
          <CurlPreview
            requests={[updateClientAppRequest(applicationId, checked.input, session.base.etag)]}
          />
        )}
        {update.error && !(isApiError(update.error) && update.error.status === 412) && (
          <ErrorPanel error={update.error} title={t('client-apps.edit.failed')} />
        )}
        {compareError !== null && (
          <ErrorPanel error={compareError} title={t('client-apps.edit.compareFailed')} />
        )}
        {comparing && <div role="status">{t('client-apps.edit.comparing')}</div>}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={update.isPending}>
            {t('client-apps.cancel')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={update.isPending || comparing}
            disabled={changed.length === 0}
          >
            {t('client-apps.edit.save')}
          </Button>
        </div>
      </CheckedForm>
    </Card>
  )
}

function lastModifiedMs(value: string | null): number | undefined {
  if (!value) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** Comparison cells wrap: the whole value matters here, an ellipsis would hide the difference. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const

function shown(value: string, empty: string) {
  return value === '' ? <span className="muted">{empty}</span> : value
}

function ConflictPanel({
  session,
  pending,
  onKeepTheirs,
  onApplyMine,
  onEditMine,
}: {
  session: EditSession & { phase: 'conflict' }
  pending: boolean
  onKeepTheirs: () => void
  onApplyMine: () => void
  onEditMine: () => void
}) {
  const t = useT()
  const empty = t('client-apps.conflict.empty')
  const rows = conflictRows(session)
  const clashes = rows.filter((r) => r.clash).length
  return (
    <section className="card" aria-labelledby="conflict-heading">
      <div className="alert alert-warn" role="alert" aria-labelledby="conflict-heading">
        <h2 id="conflict-heading" className="alert-title" style={{ margin: 0 }}>
          {t('client-apps.conflict.title')}
        </h2>
        {clashes > 0
          ? t('client-apps.conflict.explainClashes', { count: clashes })
          : t('client-apps.conflict.explain')}
      </div>
      <table className="data" aria-label={t('client-apps.conflict.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('client-apps.conflict.field')}</th>
            <th scope="col">{t('client-apps.conflict.original')}</th>
            <th scope="col">{t('client-apps.conflict.theirs')}</th>
            <th scope="col">{t('client-apps.conflict.mine')}</th>
            <th scope="col">{t('client-apps.conflict.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row" style={WRAP}>
                {t(row.label)}
                {row.clash && (
                  <span className="warning-tag" style={{ marginInlineStart: 6 }}>
                    {t('client-apps.conflict.bothChanged')}
                  </span>
                )}
              </th>
              <td style={WRAP}>{shown(row.original, empty)}</td>
              <td style={WRAP}>
                {shown(row.theirs, empty)}
                {row.theyChanged && (
                  <span className="muted"> {t('client-apps.conflict.changed')}</span>
                )}
              </td>
              <td style={WRAP}>
                {shown(row.mine, empty)}
                {row.iChanged && (
                  <span className="muted"> {t('client-apps.conflict.changed')}</span>
                )}
              </td>
              <td style={WRAP}>{shown(row.result, empty)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-footer">
        <Button onClick={onKeepTheirs} disabled={pending}>
          {t('client-apps.conflict.keepTheirs')}
        </Button>
        <Button onClick={onEditMine} disabled={pending}>
          {t('client-apps.conflict.editMine')}
        </Button>
        <Button variant="primary" busy={pending} onClick={onApplyMine}>
          {t('client-apps.conflict.applyMine')}
        </Button>
      </div>
    </section>
  )
}
