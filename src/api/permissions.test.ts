import { expect, test } from 'vitest'
import { setLanguage } from '../lib/i18n.ts'
import { describeScopes, SCOPES } from './permissions.ts'

// The sign-in card's sentence in each language: the clauses, their separator and the read
// summary come from the ui catalogs (the English wording is checked in app/demo-context.test.ts).

const card = [SCOPES.readServers, SCOPES.deleteApplications]

test('the scope sentence reads in German and in Arabic, with the language’s own separator', async () => {
  await setLanguage('de', { remember: false })
  expect(describeScopes(card)).toBe('Alles lesen; Anwendungen löschen.')
  expect(describeScopes([SCOPES.readServers])).toBe('Nur Lesezugriff.')

  await setLanguage('ar', { remember: false })
  expect(describeScopes(card)).toBe('قراءة كل شيء؛ حذف التطبيقات.')
  expect(describeScopes([])).toBe('لا وصول.')
})
