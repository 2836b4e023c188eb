import * as z from 'zod/mini'
import { afterEach, expect, test } from 'vitest'
import { setLanguage } from './i18n.ts'
import { isolateText } from './isolate-text.ts'
import { issueText } from './issue-text.ts'
import { problemOf, type IssueProblem } from './record-issue.ts'

afterEach(async () => {
  await setLanguage('en', { remember: false })
})

const Record_ = z.object({
  id: z.number(),
  name: z.string().check(z.minLength(2), z.maxLength(5)),
  status: z.enum(['RUNNING', 'STOPPED']),
  tags: z.optional(z.array(z.string()).check(z.maxLength(1))),
  mail: z.optional(z.email()),
})

/** Each problem zod finds in `value`, worded in the current language. */
function problems(value: unknown): string[] {
  const parsed = z.safeParse(Record_, value)
  if (parsed.success) return []
  return parsed.error.issues.map(
    (issue) => `${issue.path.join('.')}: ${issueText(problemOf(issue, value))}`,
  )
}

const BROKEN = {
  name: 'x',
  status: 'EXPLODED',
  tags: ['a', 'b'],
  mail: 'not-mail',
}

test('each kind of problem says what was expected and what was found', () => {
  expect(problems(BROKEN).sort()).toEqual([
    'id: missing (expected number)',
    'mail: not a valid email: found the text ' + isolateText('"not-mail"'),
    'name: too small: at least 2 characters',
    'status: expected one of "RUNNING", "STOPPED", found the text ' + isolateText('"EXPLODED"'),
    'tags: too big: at most 1',
  ])
  expect(problems({ id: '7', name: null, status: 3 }).sort()).toEqual([
    'id: expected number, found the text ' + isolateText('"7"'),
    'name: expected string, found null',
    'status: expected one of "RUNNING", "STOPPED", found 3',
  ])
})

test('the problems read in German and in Arabic, worded when shown, not when found', async () => {
  const value = { id: [1], name: 'abcdefg', status: 'RUNNING' }
  const found = z.safeParse(Record_, value)
  const kept: IssueProblem[] = found.success
    ? []
    : found.error.issues.map((issue) => problemOf(issue, value))
  await setLanguage('de', { remember: false })
  expect(kept.map(issueText)).toEqual([
    'erwartet: eine Zahl, gefunden: eine Liste',
    'zu lang: höchstens 5 Zeichen',
  ])
  await setLanguage('ar', { remember: false })
  expect(kept.map(issueText)).toEqual([
    'المتوقع: رقم، والموجود: قائمة',
    'أطول من اللازم: الحد الأقصى لعدد الأحرف 5',
  ])
})

test('a text found is cut at 40 characters and isolated: an override in it stays inside', () => {
  const long = `\u202E${'x'.repeat(100)}`
  const [text] = problems({ id: long, name: 'ok', status: 'RUNNING' })
  expect(text).toBe(
    `id: expected number, found the text ${isolateText(`"\u202E${'x'.repeat(37)}…`)}`,
  )
})

const Unions = z.object({
  created: z.optional(z.union([z.number(), z.string()])),
  ip: z.optional(z.union([z.ipv4(), z.ipv6()])),
  multicast: z.optional(z.union([z.boolean(), z.enum(['true', 'false'])])),
  owner: z.optional(z.union([z.string(), z.object({ name: z.string() })])),
})

/** A union's problem, kept as data, so it can be worded in each language. */
function unionProblems(value: unknown): IssueProblem[] {
  const parsed = z.safeParse(Unions, value)
  return parsed.success ? [] : parsed.error.issues.map((issue) => problemOf(issue, value))
}

test('a value that matches none of a union’s forms names each form it could have been, in the language shown', async () => {
  const kept = unionProblems({ created: true, ip: 'x', multicast: 'yes', owner: 7 })
  expect(kept.map(issueText)).toEqual([
    'expected number or string, found true',
    'expected a valid ipv4 or a valid ipv6, found the text ' + isolateText('"x"'),
    'expected boolean or one of "true", "false", found the text ' + isolateText('"yes"'),
    'expected string or object, found 7',
  ])
  // An object that fails inside: the forms cannot be named as one value each.
  expect(unionProblems({ owner: { name: 5 } }).map(issueText)).toEqual([
    'matches none of the accepted forms, found an object',
  ])
  await setLanguage('de', { remember: false })
  expect(kept.map(issueText)).toEqual([
    'erwartet: eine Zahl oder ein Text, gefunden: true',
    'erwartet: ein gültiger Wert im Format ipv4 oder ein gültiger Wert im Format ipv6, gefunden: der Text ' +
      isolateText('"x"'),
    'erwartet: ein Wahrheitswert oder einer der Werte "true", "false", gefunden: der Text ' +
      isolateText('"yes"'),
    'erwartet: ein Text oder ein Objekt, gefunden: 7',
  ])
  expect(unionProblems({ owner: { name: 5 } }).map(issueText)).toEqual([
    'passt zu keiner der erlaubten Formen, gefunden: ein Objekt',
  ])
  await setLanguage('ar', { remember: false })
  expect(issueText(kept[0]!)).toBe('المتوقع: رقم أو نص، والموجود: true')
})
