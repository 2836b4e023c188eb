import { afterEach, expect, test } from 'vitest'
import { setConsoleModeForTests } from './config.ts'
import {
  askSignIn,
  dismissSignIn,
  familiesSignedOut,
  familyOfPath,
  familySignedIn,
  getInterruption,
  getSession,
  registerSignInPrompt,
  reportUnauthorized,
  resendAfterSignIn,
  sessionTicket,
  startSession,
  waitForSignIn,
} from './session-store.ts'

let unregister: (() => void) | undefined
afterEach(() => {
  unregister?.()
  unregister = undefined
  setConsoleModeForTests(undefined)
})

function answer(path: string, body: unknown = undefined, headers: HeadersInit = {}) {
  return { path, body, headers: new Headers(headers) }
}

test('the family of a path comes from the contract’s prefixes', () => {
  expect(familyOfPath('/accounts/api/me')).toBe('arm')
  expect(familyOfPath('/hybrid/api/v1/servers')).toBe('arm')
  expect(familyOfPath('/mfpadmin/management-apis/2.0/runtimes/mfp/devices')).toBe('mfp')
  expect(familyOfPath('/api/am/store/v0.10/applications')).toBe('store')
  expect(familyOfPath('/console-api/session')).toBeNull()
})

test('live: the proxy’s family, else the upstream’s header, else the prefix names whose sign-in ended', () => {
  setConsoleModeForTests('live')
  expect(
    reportUnauthorized(answer('/hybrid/api/v1/servers', { message: 'x', family: 'mfp' })),
  ).toBe('mfp')
  expect(
    reportUnauthorized(answer('/hybrid/api/v1/servers', {}, { 'X-Console-Signed-Out': 'store' })),
  ).toBe('store')
  expect(reportUnauthorized(answer('/hybrid/api/v1/servers', 'Unauthorized'))).toBe('arm')
  expect([...getInterruption().families].sort()).toEqual(['arm', 'mfp', 'store'])
})

test('live: a waiting call goes on when its family signs in, and only then', async () => {
  setConsoleModeForTests('live')
  unregister = registerSignInPrompt()
  reportUnauthorized(answer('/api/am/store/v0.10/applications', { message: 'x', family: 'store' }))
  reportUnauthorized(answer('/hybrid/api/v1/servers', { message: 'x', family: 'arm' }))
  expect(getInterruption().prompt).toBe('store')
  const store = waitForSignIn('store')
  const arm = waitForSignIn('arm')
  familySignedIn('store')
  await expect(store).resolves.toBe(true)
  // The next family still waiting gets the dialog.
  expect(getInterruption().prompt).toBe('arm')
  expect(getInterruption().families.has('store')).toBe(false)
  dismissSignIn()
  await expect(arm).resolves.toBe(false)
})

test('a put-off sign-in is not asked again by later 401s, only from the banner', async () => {
  setConsoleModeForTests('live')
  unregister = registerSignInPrompt()
  reportUnauthorized(answer('/mfpadmin/x', { message: 'x', family: 'mfp' }))
  dismissSignIn()
  expect(getInterruption()).toMatchObject({ prompt: null })
  reportUnauthorized(answer('/mfpadmin/x', { message: 'x', family: 'mfp' }))
  expect(getInterruption().prompt).toBeNull()
  await expect(waitForSignIn('mfp')).resolves.toBe(false)
  // An action refused with 401 (say from a dialog that hides the banner) asks again.
  const action = waitForSignIn('mfp', undefined, true)
  expect(getInterruption().prompt).toBe('mfp')
  dismissSignIn()
  await expect(action).resolves.toBe(false)
  askSignIn('mfp')
  expect(getInterruption().prompt).toBe('mfp')
  familiesSignedOut(['mfp'])
  expect(getInterruption()).toMatchObject({ prompt: null })
  expect(getInterruption().families.size).toBe(0)
})

test('a cancelled call stops waiting; without a dialog to ask, nothing waits', async () => {
  setConsoleModeForTests('live')
  reportUnauthorized(answer('/hybrid/x', { message: 'x', family: 'arm' }))
  await expect(waitForSignIn('arm')).resolves.toBe(false)
  unregister = registerSignInPrompt()
  const controller = new AbortController()
  const waiting = waitForSignIn('arm', controller.signal)
  controller.abort()
  await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
})

test('demo: a 401 ends the one session for every family; a 401 before any session is not asked for', async () => {
  unregister = registerSignInPrompt()
  expect(reportUnauthorized(answer('/hybrid/x'))).toBeNull()
  startSession({ accessToken: 'demo.t', expiresAt: Date.now() + 60_000, clientId: 'demo-monitor' })
  expect(reportUnauthorized(answer('/api/am/store/v0.10/applications'))).toBe('arm')
  expect([...getInterruption().families].sort()).toEqual(['arm', 'mfp', 'store'])
  expect(sessionStorage.getItem('runtime-console.session')).toBeNull()
  const waiting = waitForSignIn('arm')
  startSession({ accessToken: 'demo.u', expiresAt: Date.now() + 60_000, clientId: 'demo-monitor' })
  await expect(waiting).resolves.toBe(true)
  expect(getInterruption().families.size).toBe(0)
})

test('a late 401 to a call sent before the latest sign-in is sent again and ends nothing', async () => {
  unregister = registerSignInPrompt()
  startSession({
    accessToken: 'demo.old',
    expiresAt: Date.now() + 60_000,
    clientId: 'demo-monitor',
  })
  const sentUnderOld = sessionTicket()
  // Another call's 401 asked for the sign-in, which happened while this one was on its way.
  startSession({
    accessToken: 'demo.new',
    expiresAt: Date.now() + 60_000,
    clientId: 'demo-monitor',
  })
  await expect(
    resendAfterSignIn(sentUnderOld, answer('/hybrid/api/v1/servers'), undefined, false),
  ).resolves.toBe(true)
  expect(getSession()?.accessToken).toBe('demo.new')
  expect(getInterruption().families.size).toBe(0)
  // The same answer to a call sent under the current sign-in does end it.
  const current = sessionTicket()
  const waiting = resendAfterSignIn(current, answer('/hybrid/api/v1/servers'), undefined, false)
  expect(getSession()).toBeNull()
  expect(getInterruption().prompt).toBe('arm')
  startSession({
    accessToken: 'demo.newer',
    expiresAt: Date.now() + 60_000,
    clientId: 'demo-monitor',
  })
  await expect(waiting).resolves.toBe(true)
})
