import { expect, test } from 'vitest'
import { SESSION_COOKIE, sessionCookie } from './sessions.ts'

// sessions.ts reads the session id from the Cookie header itself (the cookie plugin runs on
// the session routes only): the same value the cookie parser gave before, in each case.
test.each([
  [undefined, undefined],
  ['', undefined],
  [`${SESSION_COOKIE}=abc`, 'abc'],
  [`other=1; ${SESSION_COOKIE}=abc; last=2`, 'abc'],
  [`  ${SESSION_COOKIE} =  abc  ;x=1`, 'abc'],
  // The first pair of the name counts, as in the parser.
  [`${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`, 'first'],
  // A pair without "=" is skipped; a name that only ends with ours is another cookie.
  [`flag; x_${SESSION_COOKIE}=no; ${SESSION_COOKIE}=yes`, 'yes'],
  [`${SESSION_COOKIE}x=no`, undefined],
  // Percent-decoded when valid, kept as sent when not; quotes are part of the value.
  [`${SESSION_COOKIE}=a%2Bb`, 'a+b'],
  [`${SESSION_COOKIE}=a%zzb`, 'a%zzb'],
  [`${SESSION_COOKIE}="q"`, '"q"'],
  [`${SESSION_COOKIE}=`, ''],
])('sessionCookie(%j) is %j', (header, value) => {
  expect(sessionCookie(header)).toBe(value)
})
