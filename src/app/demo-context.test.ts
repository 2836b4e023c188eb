import { expect, test } from 'vitest'
import { SCOPES, SCOPE_WORDS, describeScopes, type ScopeKey } from '../api/permissions.ts'
import { permissionFor } from '../components/console-context.tsx'
import { DEMO_IDENTITIES } from '../demo/seed.ts'
import { t } from '../lib/i18n.ts'

const me = (scopes: readonly string[]) => ({
  user: { id: 'u', username: 'someone', organization: { id: 'o', name: 'Acme' } },
  client: { client_id: 'c', scopes: [...scopes] },
})

test('every scope the console checks has words on the sign-in card', () => {
  for (const name of Object.values(SCOPES)) expect(SCOPE_WORDS.has(name)).toBe(true)
})

test.each(DEMO_IDENTITIES.map((i) => [i.role, i] as const))(
  'the %s card promises exactly what the permission checks allow',
  (_role, identity) => {
    const card = describeScopes(identity.scopes)
    for (const key of Object.keys(SCOPES).filter((k): k is ScopeKey => k in SCOPES)) {
      const wordsKey = SCOPE_WORDS.get(SCOPES[key])
      if (!wordsKey) continue
      const words = t(wordsKey)
      const allowed = permissionFor(me(identity.scopes), key).allowed
      expect(card.includes(words), `${identity.role}: ${words}`).toBe(allowed)
    }
  },
)

test('the three demo roles in words', () => {
  const card = (role: string) =>
    describeScopes(DEMO_IDENTITIES.find((i) => i.role === role)?.scopes ?? [])
  expect(card('Monitor')).toBe('Read only.')
  expect(card('Operator')).toBe(
    'Read everything; start, stop and redeploy applications; change device and app status on devices, remove devices.',
  )
  expect(card('Administrator')).toContain('delete applications')
})
