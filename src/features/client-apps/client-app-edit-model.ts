import {
  checkClientAppInput,
  type ClientApp,
  type ClientAppField,
  type ClientAppInput,
} from '../../api/app-store/client-app-schemas.ts'
import type { ClientAppDetail } from '../../api/app-store/client-apps.ts'
import { isApiError } from '../../lib/api-error.ts'
import { t, type MessageKey } from '../../lib/i18n.ts'
import { problemText } from '../../lib/problem-text.ts'

/** The editable fields as the form holds them: plain strings, '' for "not set". */
export type ClientAppDraft = Record<ClientAppField, string>

export const DRAFT_FIELDS: ReadonlyArray<{ field: ClientAppField; label: MessageKey }> = [
  { field: 'name', label: 'client-apps.field.name' },
  { field: 'throttlingTier', label: 'client-apps.field.tier' },
  { field: 'description', label: 'client-apps.field.description' },
  { field: 'callbackUrl', label: 'client-apps.field.callbackUrl' },
]

export function draftOf(app: ClientApp): ClientAppDraft {
  return {
    name: app.name,
    throttlingTier: app.throttlingTier,
    description: app.description ?? '',
    callbackUrl: app.callbackUrl ?? '',
  }
}

/**
 * An edit in progress. `base` is the version (and ETag) the operator started from: the
 * save carries its ETag as `If-Match`, whatever newer copy the page has fetched since, so
 * someone else's change is detected instead of silently overwritten. After a 412 the
 * session holds `theirs` as well, and the draft is kept untouched.
 */
export type EditSession =
  | { phase: 'editing'; base: ClientAppDetail; draft: ClientAppDraft }
  | { phase: 'conflict'; base: ClientAppDetail; draft: ClientAppDraft; theirs: ClientAppDetail }

export function startEdit(detail: ClientAppDetail): EditSession {
  return { phase: 'editing', base: detail, draft: draftOf(detail.application) }
}

export function changeDraft(session: EditSession, change: Partial<ClientAppDraft>): EditSession {
  return { ...session, draft: { ...session.draft, ...change } }
}

/** The fields the operator changed relative to the version they started from. */
export function changedFields(session: EditSession): ClientAppField[] {
  const base = draftOf(session.base.application)
  return DRAFT_FIELDS.map((f) => f.field).filter((field) => session.draft[field] !== base[field])
}

/** A 412 answered the save: remember their current version beside the operator's edits. */
export function toConflict(session: EditSession, theirs: ClientAppDetail): EditSession {
  return { phase: 'conflict', base: session.base, draft: session.draft, theirs }
}

/**
 * The operator's edits replayed on their version: every field the operator changed takes
 * the operator's value, every other field keeps theirs (so their unrelated changes
 * survive). The result starts from their ETag, so saving it is again a checked write.
 */
export function rebaseOnTheirs(session: EditSession & { phase: 'conflict' }): EditSession {
  const mine = new Set(changedFields(session))
  const theirs = draftOf(session.theirs.application)
  const draft: ClientAppDraft = { ...theirs }
  for (const field of mine) draft[field] = session.draft[field]
  return { phase: 'editing', base: session.theirs, draft }
}

export interface ConflictRow {
  field: ClientAppField
  /** The field's name, translated where it is shown. */
  label: MessageKey
  /** When the operator started editing. */
  original: string
  theirs: string
  mine: string
  theyChanged: boolean
  iChanged: boolean
  /** Both changed it, to different values: "apply mine again" overwrites theirs here. */
  clash: boolean
  /** What "apply mine again" saves for this field. */
  result: string
}

/** One row per field for the comparison of their version and the operator's edits. */
export function conflictRows(session: EditSession & { phase: 'conflict' }): ConflictRow[] {
  const original = draftOf(session.base.application)
  const theirs = draftOf(session.theirs.application)
  const rebased = rebaseOnTheirs(session).draft
  return DRAFT_FIELDS.map(({ field, label }) => {
    const theyChanged = theirs[field] !== original[field]
    const iChanged = session.draft[field] !== original[field]
    return {
      field,
      label,
      original: original[field],
      theirs: theirs[field],
      mine: session.draft[field],
      theyChanged,
      iChanged,
      clash: theyChanged && iChanged && theirs[field] !== session.draft[field],
      result: rebased[field],
    }
  })
}

export type DraftCheck =
  | { ok: true; input: ClientAppInput }
  | { ok: false; errors: Partial<Record<ClientAppField, string>> }

/**
 * Checks a draft with the same rules the store applies, before anything is sent. The rules'
 * reasons are English (the demo store answers with them too): shown in the current language.
 */
export function checkDraft(draft: ClientAppDraft): DraftCheck {
  const checked = checkClientAppInput(draft)
  if (checked.ok) return { ok: true, input: checked.value }
  const errors: Partial<Record<ClientAppField, string>> = {}
  for (const { field } of DRAFT_FIELDS) {
    const reason = checked.fields[field]
    if (reason !== undefined) errors[field] = problemText(reason)
  }
  return { ok: false, errors }
}

/**
 * Field errors a failed save points at: a 409 means the name is taken; a 400's `error[]`
 * items that start with a field name ("callbackUrl: ...") belong to that field.
 */
export function fieldErrorsFrom(error: unknown): Partial<Record<ClientAppField, string>> {
  if (!isApiError(error) || error.kind !== 'http') return {}
  if (error.status === 409)
    return { name: t('client-apps.edit.nameTaken', { message: error.message }) }
  if (error.status !== 400) return {}
  const errors: Partial<Record<ClientAppField, string>> = {}
  for (const detail of error.details) {
    const match = /^(name|throttlingTier|description|callbackUrl): (.+)$/.exec(detail)
    const field = match?.[1]
    if (field && match[2] && isField(field) && !errors[field]) errors[field] = match[2]
  }
  return errors
}

function isField(value: string): value is ClientAppField {
  return DRAFT_FIELDS.some((f) => f.field === value)
}
