import { expect, test } from 'vitest'
import { ClientAppInputSchema } from '../api/app-store/client-app-schemas.ts'
import { ArmCredentialsSchema, UserCredentialsSchema } from '../api/console/session-schemas.ts'
import { ClientCredentialsSchema } from '../api/runtime-manager/account-schemas.ts'
import { ArtifactNameSchema } from '../api/runtime-manager/application-schemas.ts'
import { targetNameProblem } from '../api/runtime-manager/target-rules.ts'
import { TargetNameSchema } from '../api/runtime-manager/target-schemas.ts'
import { setLanguage, t } from '../lib/i18n.ts'
import { knownProblem, problemText } from '../lib/problem-text.ts'

// The shared schemas keep their English (the demo backend answers with it); the console
// shows their reasons through `problemText`. Every reason the schemas it checks forms with
// can give must be a catalog message whose English is that reason exactly, so that a new
// or reworded rule fails here instead of reaching a German or Arabic operator in English.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** zod keeps a check's own message as its `error` function; none for zod's default one. */
function ownMessage(holder: unknown): string[] {
  if (!isRecord(holder) || !isRecord(holder._zod) || !isRecord(holder._zod.def)) return []
  const error = holder._zod.def.error
  if (typeof error !== 'function') return []
  const text: unknown = Reflect.apply(error, undefined, [])
  if (typeof text !== 'string') throw new Error('a message that depends on the issue')
  return [text]
}

/** Every message a schema and the schemas inside it (fields, options, wrapped types) carry. */
function messagesOf(schema: unknown): string[] {
  if (!isRecord(schema) || !isRecord(schema._zod) || !isRecord(schema._zod.def)) return []
  const def = schema._zod.def
  const inner: unknown[] = [
    def.innerType,
    def.in,
    def.out,
    def.element,
    ...(Array.isArray(def.options) ? def.options : []),
    ...(isRecord(def.shape) ? Object.values(def.shape) : []),
  ]
  const checks: unknown[] = Array.isArray(def.checks) ? def.checks : []
  return [...ownMessage(schema), ...checks.flatMap(ownMessage), ...inner.flatMap(messagesOf)]
}

/** The schemas whose reasons the console shows (its forms check input with them). */
const SCHEMAS = {
  ArtifactNameSchema,
  TargetNameSchema,
  ArmCredentialsSchema,
  UserCredentialsSchema,
  ClientCredentialsSchema,
  ClientAppInputSchema,
}

const reasons = [
  ...new Set([
    ...Object.values(SCHEMAS).flatMap(messagesOf),
    // What target-rules.ts answers should the name schema give no reason.
    'Invalid name.',
  ]),
]

test('the schemas are read to the last message (the reader keeps up with zod)', () => {
  const silent = Object.entries(SCHEMAS).filter(([, schema]) => messagesOf(schema).length === 0)
  expect(silent.map(([name]) => name)).toEqual([])
  // One of each kind: a length, a pattern, a refinement, a field of an object.
  expect(messagesOf(ArtifactNameSchema)).toEqual([
    'Use at least 3 characters.',
    'Use at most 42 characters.',
    'Use lowercase letters, digits and hyphens; start and end with a letter or digit.',
  ])
  expect(messagesOf(ClientAppInputSchema)).toContain(
    'Enter an absolute http:// or https:// URL, or leave it empty.',
  )
  expect(messagesOf(UserCredentialsSchema)).toEqual(['Enter the user name.', 'Enter the password.'])
  expect(targetNameProblem('')).toBe('Enter a name.')
})

test.each(reasons)('“%s” is a catalog message whose English is the same text', (reason) => {
  const known = knownProblem(reason)
  // Null: no catalog message yet; add one to the catalogs and to src/lib/problem-text.ts.
  expect(known).not.toBeNull()
  if (!known) return
  expect(t(known.key, known.values)).toBe(reason)
  expect(problemText(reason)).toBe(reason)
})

test('every reason reads in German and in Arabic, not in English', async () => {
  for (const language of ['de', 'ar'] as const) {
    await setLanguage(language, { remember: false })
    const untranslated = reasons.filter((reason) => {
      const text = problemText(reason)
      return text === reason || !/\S/.test(text)
    })
    expect({ language, untranslated }).toEqual({ language, untranslated: [] })
  }
  await setLanguage('en', { remember: false })
})

test('a length keeps the number the schema gave; an unknown text is shown as it is', async () => {
  await setLanguage('de', { remember: false })
  expect(problemText('Use at most 2048 characters.')).toBe('Verwenden Sie höchstens 2048 Zeichen.')
  expect(problemText('Use at least 3 characters.')).toBe('Verwenden Sie mindestens 3 Zeichen.')
  expect(problemText('Enter a name.')).toBe('Geben Sie einen Namen ein.')
  expect(problemText('Refused by the backend.')).toBe('Refused by the backend.')
  // Only the whole text: a sentence that merely contains a known one is not translated.
  expect(problemText('name: Enter a name.')).toBe('name: Enter a name.')
  await setLanguage('ar', { remember: false })
  expect(problemText('Use at most 60 characters.')).toBe('يجب ألا يزيد عدد الأحرف على 60.')
  await setLanguage('en', { remember: false })
})
