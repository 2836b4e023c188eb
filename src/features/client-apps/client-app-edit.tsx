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
import { toastOutcome } from '../../components/outcome-message.tsx'

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
          toastOutcome({ verb: 'save', past: 'Saved' }, saved.application.name, {
            kind: 'succeeded',
          })
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
          toast.info('Kept their version; your edits were discarded')
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
    <Card id="edit-heading" title="Edit application">
      <CheckedForm form={form} onValid={(input) => save(session, input)} gap={14}>
        <ClientAppFields
          values={session.draft}
          errors={form.errors}
          disabled={update.isPending || comparing}
          onChange={(change) => onSession(changeDraft(session, change))}
        />
        <p className="field-hint" style={{ margin: 0 }}>
          {session.base.etag
            ? `Editing the version of ${formatDateTime(lastModifiedMs(session.base.lastModified))}: if someone else saves first, you will see both versions before anything is overwritten.`
            : 'This server sends no version tag (ETag): saving replaces the application as it is now, including changes someone else made meanwhile.'}
        </p>
        {checked.ok && (
          <CurlPreview
            requests={[updateClientAppRequest(applicationId, checked.input, session.base.etag)]}
          />
        )}
        {update.error && !(isApiError(update.error) && update.error.status === 412) && (
          <ErrorPanel error={update.error} title="The changes were not saved" />
        )}
        {compareError !== null && (
          <ErrorPanel
            error={compareError}
            title="Someone else changed this application, and its current version could not be read"
          />
        )}
        {comparing && <div role="status">Someone else changed it: loading their version…</div>}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={update.isPending || comparing}
            disabled={changed.length === 0}
          >
            Save changes
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

function shown(value: string) {
  return value === '' ? <span className="muted">(empty)</span> : value
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
  const rows = conflictRows(session)
  const clashes = rows.filter((r) => r.clash).length
  return (
    <section className="card" aria-labelledby="conflict-heading">
      <div className="alert alert-warn" role="alert" aria-labelledby="conflict-heading">
        <h2 id="conflict-heading" className="alert-title" style={{ margin: 0 }}>
          Someone else changed this application while you were editing
        </h2>
        Your changes were not saved. Compare their version with your edits, then keep theirs or
        apply yours again on top of theirs
        {clashes > 0
          ? ` (this overwrites their value in ${clashes} field${clashes === 1 ? '' : 's'}, marked below).`
          : '.'}
      </div>
      <table className="data" aria-label="Their version and your edits">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you started</th>
            <th scope="col">Their version (saved)</th>
            <th scope="col">Your edit</th>
            <th scope="col">After “Apply mine again”</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field}>
              <th scope="row" style={WRAP}>
                {row.label}
                {row.clash && (
                  <span className="warning-tag" style={{ marginLeft: 6 }}>
                    both changed
                  </span>
                )}
              </th>
              <td style={WRAP}>{shown(row.original)}</td>
              <td style={WRAP}>
                {shown(row.theirs)}
                {row.theyChanged && <span className="muted"> (changed)</span>}
              </td>
              <td style={WRAP}>
                {shown(row.mine)}
                {row.iChanged && <span className="muted"> (changed)</span>}
              </td>
              <td style={WRAP}>{shown(row.result)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-footer">
        <Button onClick={onKeepTheirs} disabled={pending}>
          Keep theirs
        </Button>
        <Button onClick={onEditMine} disabled={pending}>
          Edit mine further
        </Button>
        <Button variant="primary" busy={pending} onClick={onApplyMine}>
          Apply mine again
        </Button>
      </div>
    </section>
  )
}
