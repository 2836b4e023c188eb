import { afterAll, expect, test } from 'vitest'
import { shellStubs } from '../test/shell-stubs.ts'
import { shellWords } from './shell-words.ts'

const stubs = shellStubs(['amc_setup'])
afterAll(() => stubs.remove())

test('the simulated host splits words as bash does: quotes, escapes, continuations', () => {
  const lines = [
    './amc_setup -H tok web-1',
    `./amc_setup -H 'x; touch PWNED #' 'web-1'`,
    `./amc_setup -H 'it'\\''s' "say \\"hi\\" \\$HOME \\\`x\\\` \\\\"`,
    `./amc_setup   -H\t'$(touch PWNED)' 'line one\ntouch PWNED'`,
    `./amc_setup -H a\\ b\\;c 'a'"b"c \\\n  'last'`,
    `./amc_setup -H '' ''`,
  ]
  for (const line of lines) {
    expect(shellWords(line)).toEqual({ ok: true, words: stubs.run(line) })
  }
  expect(stubs.pwned()).toBe(false)
})

test('anything a shell would run as more than one plain command is refused', () => {
  for (const line of [
    './amc_setup -H x; touch PWNED',
    './amc_setup -H x && touch PWNED',
    './amc_setup -H x | sh',
    './amc_setup -H x\ntouch PWNED',
    './amc_setup -H $(touch PWNED) web',
    './amc_setup -H `touch PWNED` web',
    './amc_setup -H "$(touch PWNED)" web',
    './amc_setup -H "`touch PWNED`" web',
    './amc_setup -H $TOKEN web',
    './amc_setup -H x web > out',
    './amc_setup -H x web # comment',
    "./amc_setup -H 'unclosed web",
    './amc_setup -H "unclosed web',
    './amc_setup -H x web\\',
    './amc_setup -H x (web)',
    './amc_setup -H x web*',
  ]) {
    expect(shellWords(line)).toMatchObject({ ok: false })
  }
})
