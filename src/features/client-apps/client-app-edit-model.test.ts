import { expect, test } from 'vitest'
import type { ClientApp } from '../../api/app-store/client-app-schemas.ts'
import type { ClientAppDetail } from '../../api/app-store/client-apps.ts'
import { ApiError } from '../../lib/api-error.ts'
import { setLanguage } from '../../lib/i18n.ts'
import {
  changeDraft,
  changedFields,
  checkDraft,
  conflictRows,
  fieldErrorsFrom,
  rebaseOnTheirs,
  startEdit,
  toConflict,
  type EditSession,
} from './client-app-edit-model.ts'

const APP: ClientApp = {
  applicationId: 'a1',
  name: 'Weather',
  subscriber: 'ada',
  throttlingTier: 'Gold',
  description: 'Forecasts',
  callbackUrl: null,
  status: 'APPROVED',
  groupId: '',
  keys: [],
}

function detail(change: Partial<ClientApp>, etag: string | null): ClientAppDetail {
  return { application: { ...APP, ...change }, etag, lastModified: null }
}

function conflicted(): EditSession & { phase: 'conflict' } {
  let session = startEdit(detail({}, '"v1"'))
  session = changeDraft(session, { description: 'Mine', callbackUrl: 'https://mine.example/cb' })
  const theirs = detail({ description: 'Theirs', throttlingTier: 'Bronze' }, '"v2"')
  const next = toConflict(session, theirs)
  if (next.phase !== 'conflict') throw new Error('expected a conflict')
  return next
}

test('a new edit starts from the version on screen, empty optional fields as ""', () => {
  const session = startEdit(detail({}, '"v1"'))
  expect(session.draft).toEqual({
    name: 'Weather',
    throttlingTier: 'Gold',
    description: 'Forecasts',
    callbackUrl: '',
  })
  expect(changedFields(session)).toEqual([])
  expect(changedFields(changeDraft(session, { name: 'Weather 2' }))).toEqual(['name'])
})

test('a conflict keeps the draft exactly as typed and remembers both versions', () => {
  const session = conflicted()
  expect(session.draft.description).toBe('Mine')
  expect(session.base.etag).toBe('"v1"')
  expect(session.theirs.etag).toBe('"v2"')
})

test('apply mine again: my changed fields over their version, from their ETag', () => {
  const rebased = rebaseOnTheirs(conflicted())
  expect(rebased.phase).toBe('editing')
  expect(rebased.base.etag).toBe('"v2"')
  expect(rebased.draft).toEqual({
    name: 'Weather',
    // Their change to a field I did not touch survives.
    throttlingTier: 'Bronze',
    description: 'Mine',
    callbackUrl: 'https://mine.example/cb',
  })
  // Relative to their version, only my fields differ.
  expect(changedFields(rebased)).toEqual(['description', 'callbackUrl'])
})

test('the comparison marks who changed what, the clashes, and what applying mine saves', () => {
  const rows = conflictRows(conflicted())
  expect(rows.map((r) => [r.field, r.theyChanged, r.iChanged, r.clash, r.result])).toEqual([
    ['name', false, false, false, 'Weather'],
    ['throttlingTier', true, false, false, 'Bronze'],
    ['description', true, true, true, 'Mine'],
    ['callbackUrl', false, true, false, 'https://mine.example/cb'],
  ])
  expect(rows[2]).toMatchObject({ original: 'Forecasts', theirs: 'Theirs', mine: 'Mine' })
})

test('the same value typed by both is not a clash', () => {
  let session = startEdit(detail({}, '"v1"'))
  session = changeDraft(session, { description: 'Same' })
  const next = toConflict(session, detail({ description: 'Same' }, '"v2"'))
  if (next.phase !== 'conflict') throw new Error('expected a conflict')
  expect(conflictRows(next).some((r) => r.clash)).toBe(false)
})

test('drafts are checked with the store’s rules, one reason per field', () => {
  const result = checkDraft({
    name: '',
    throttlingTier: '',
    description: '',
    callbackUrl: 'javascript:alert(1)',
  })
  expect(result).toEqual({
    ok: false,
    errors: {
      name: 'Enter a name.',
      throttlingTier: 'Choose a throttling tier.',
      callbackUrl: 'Enter an absolute http:// or https:// URL, or leave it empty.',
    },
  })
  expect(checkDraft({ ...startEdit(detail({}, null)).draft }).ok).toBe(true)
})

test('a draft’s reasons read in German (the store’s rules speak English)', async () => {
  await setLanguage('de', { remember: false })
  expect(
    checkDraft({ name: '', throttlingTier: '', description: '', callbackUrl: 'ftp://x' }),
  ).toEqual({
    ok: false,
    errors: {
      name: 'Geben Sie einen Namen ein.',
      throttlingTier: 'Wählen Sie eine Drosselungsstufe.',
      callbackUrl:
        'Geben Sie eine absolute URL mit http:// oder https:// ein oder lassen Sie das Feld leer.',
    },
  })
  expect(
    checkDraft({
      name: 'Weather ',
      throttlingTier: 'Gold',
      description: 'd'.repeat(513),
      callbackUrl: '',
    }),
  ).toEqual({
    ok: false,
    errors: {
      name: 'Verwenden Sie Buchstaben, Ziffern, Leerzeichen, Punkte, Bindestriche und Unterstriche; der Name beginnt mit einem Buchstaben oder einer Ziffer und endet nicht mit einem Leerzeichen.',
      description: 'Verwenden Sie höchstens 512 Zeichen.',
    },
  })
  await setLanguage('en', { remember: false })
})

test('a 409 blames the name; a 400’s error[] items blame their fields; others blame none', () => {
  const request = { method: 'PUT', path: '/api/am/store/v0.10/applications/a1', headers: [] }
  const err = (status: number, message: string, details: string[] = []) =>
    new ApiError({ kind: 'http', status, message, details, request })
  expect(fieldErrorsFrom(err(409, "An application named 'X' already exists."))).toEqual({
    name: "An application named 'X' already exists. Choose another name.",
  })
  expect(
    fieldErrorsFrom(
      err(400, 'Invalid application details.', [
        'One or more fields are not valid',
        'callbackUrl: Enter an absolute URL.',
      ]),
    ),
  ).toEqual({ callbackUrl: 'Enter an absolute URL.' })
  expect(fieldErrorsFrom(err(500, 'boom'))).toEqual({})
})
