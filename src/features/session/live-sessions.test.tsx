import { textContent } from '../../test/text-content.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { passwordOf, setupLiveTestServer } from '../../test/console-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

// Live mode: the console's server holds every family's sign-in; the page holds no token.
const live = setupLiveTestServer()

/** The demo organization's first environment (Production). */
function firstEnvId(): string {
  const first = live.console.backend.db.environments[0]
  if (!first) throw new Error('The demo organization has no environment.')
  return first.id
}

/** Signs `families` in on the console's server and renders `pathOf` the first environment. */
function openSignedIn(
  families: Array<Parameters<typeof live.console.signIn>[0]>,
  pathOf: (envId: string) => string,
) {
  for (const family of families) live.console.signIn(family)
  const envId = firstEnvId()
  return { envId, ...renderApp(pathOf(envId)) }
}

/** Every request the page sent: no Authorization of its own, the console's marker on each. */
function expectNoTokenFromThePage() {
  expect(live.console.seen.length).toBeGreaterThan(0)
  for (const request of live.console.seen) {
    expect(request.headers.get('Authorization'), `${request.method} ${request.path}`).toBeNull()
    expect(request.headers.get('X-Console-Request'), `${request.method} ${request.path}`).toBe('1')
  }
}

/** Nothing the page stored holds a secret or a token. */
function expectNothingSecretStored(...secrets: string[]) {
  const stored = JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])
  for (const secret of secrets) expect(stored).not.toContain(secret)
  expect(stored).not.toContain('demo.')
  expect(stored).not.toContain('accessToken')
}

test(
  'with nothing signed in, the sign-in page signs in to Runtime Manager through the server',
  { timeout: 20_000 },
  async () => {
    const { envId, user, router } = openSignedIn([], paths.servers)
    expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
    expect(screen.queryByRole('button', { name: /Sign in as/ })).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('Client ID'), 'demo-operator')
    await user.type(screen.getByLabelText('Client secret'), 'demo-operator-secret')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
    expect(locationOf(router)).toBe(paths.servers(envId))
    expect(live.console.state().families.arm).toMatchObject({
      signedIn: true,
      username: 'demo-operator',
    })
    expectNoTokenFromThePage()
    expectNothingSecretStored('demo-operator-secret')
  },
)

test(
  'a devices page shows the MobileFirst sign-in in place until signed in, then its devices',
  { timeout: 20_000 },
  async () => {
    const { user } = openSignedIn(['arm'], (envId) => paths.devices(envId, 'mfp', 'q=lena.fischer'))
    expect(await screen.findByRole('heading', { name: 'Sign in to MobileFirst' })).toBeVisible()
    // The shell is there (Runtime Manager is signed in); nothing was asked of MobileFirst.
    expect(screen.getByRole('combobox', { name: 'Environment' })).toBeInTheDocument()
    expect(live.console.seen.some((r) => r.path.startsWith('/mfpadmin/'))).toBe(false)

    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText('User name')).toHaveAccessibleDescription('Enter the user name.')
    await user.type(screen.getByLabelText('User name'), 'ada')
    await user.type(screen.getByLabelText('Password'), 'wrong')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid credentials.')
    await user.clear(screen.getByLabelText('Password'))
    await user.type(screen.getByLabelText('Password'), passwordOf('ada'))
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(
      await screen.findByText(textContent('3 matching devices in runtime mfp')),
    ).toBeInTheDocument()
    expect(live.console.state().families.mfp).toMatchObject({ signedIn: true, username: 'ada' })
    expect(live.console.state().families.store).toEqual({ signedIn: false })
    expectNoTokenFromThePage()
    expectNothingSecretStored(passwordOf('ada'))
  },
)

test(
  'a 401 from the API Store asks for its sign-in over the page and leaves Runtime Manager signed in',
  { timeout: 30_000 },
  async () => {
    const { user, queryClient } = openSignedIn(['arm', 'store'], paths.clientApps)
    await screen.findByRole('table', { name: 'Client applications' })

    live.console.expireUpstream('store')
    void queryClient.invalidateQueries()
    const prompt = await screen.findByRole('dialog', { name: 'Sign in to API Store' })
    expect(prompt).toHaveTextContent('Your other sign-ins are not affected.')
    // Only the store's sign-in ended; the page is still there under the dialog.
    expect(live.console.state().families.arm).toMatchObject({ signedIn: true })
    expect(live.console.state().families.store).toEqual({ signedIn: false })
    expect(screen.getByRole('table', { name: 'Client applications', hidden: true })).toBeTruthy()

    await user.type(within(prompt).getByLabelText('User name'), 'ada')
    await user.type(within(prompt).getByLabelText('Password'), passwordOf('ada'))
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(prompt).not.toBeInTheDocument())
    expect(live.console.state().families.store).toMatchObject({ signedIn: true })

    await user.click(screen.getByRole('button', { name: /Account:/ }))
    const menu = await screen.findByRole('menu')
    expect(menu).toHaveTextContent('Runtime Manager: signed in as demo-administrator')
    expect(menu).toHaveTextContent('MobileFirst: not signed in')
    expect(menu).toHaveTextContent('API Store: signed in as ada')

    // Signing out of one family: its pages ask for it in place, the others carry on.
    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out of API Store' }))
    expect(await screen.findByRole('heading', { name: 'Sign in to API Store' })).toBeVisible()
    expect(live.console.state().families.arm).toMatchObject({ signedIn: true })
    await user.click(screen.getByRole('link', { name: 'Servers' }))
    expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
    expectNoTokenFromThePage()
    expectNothingSecretStored(passwordOf('ada'))
  },
)

test(
  'a create refused by the API Store’s 401 is sent again, with the typed values, after its sign-in in the dialog',
  { timeout: 30_000 },
  async () => {
    const { envId, user, router } = openSignedIn(['arm', 'store'], paths.clientApps)
    await user.click(await screen.findByRole('button', { name: 'Create application' }))
    const form = await screen.findByRole('dialog', { name: 'Create a client application' })
    await within(form).findByRole('option', { name: new RegExp(`^${isolateText('Gold')}`) })
    await user.type(within(form).getByLabelText('Name'), 'Live and kept')
    await user.selectOptions(within(form).getByLabelText('Throttling tier'), 'Gold')

    live.console.expireUpstream('store')
    await user.click(within(form).getByRole('button', { name: 'Create' }))
    const prompt = await screen.findByRole('dialog', { name: 'Sign in to API Store' })
    expect(within(form).getByLabelText('Name')).toHaveValue('Live and kept')
    await user.type(within(prompt).getByLabelText('User name'), 'ada')
    await user.type(within(prompt).getByLabelText('Password'), passwordOf('ada'))
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: /Live and kept/ })).toBeInTheDocument()
    const created = live.console.backend.store.findByName('Live and kept')
    expect(created).toMatchObject({ throttlingTier: 'Gold' })
    expect(locationOf(router)).toBe(paths.clientApp(envId, created!.applicationId))
    const creates = live.console.seen.filter(
      (r) => r.method === 'POST' && r.path === '/api/am/store/v0.10/applications',
    )
    expect(creates).toHaveLength(2)
    expectNoTokenFromThePage()
  },
)

test(
  'signed in to MobileFirst only: the console opens and asks for Runtime Manager in place, not on the sign-in page',
  { timeout: 20_000 },
  async () => {
    live.console.signIn('mfp')
    const { user, router } = renderApp('/')
    expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Manager' })).toBeVisible()
    expect(locationOf(router)).toBe('/')
    await user.type(screen.getByLabelText('Client ID'), 'demo-monitor')
    await user.type(screen.getByLabelText('Client secret'), 'demo-monitor-secret')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
    expect(live.console.state().families.mfp).toMatchObject({ signedIn: true })
    expectNoTokenFromThePage()
  },
)

test(
  'signing out of everything ends the session on the server and returns to the sign-in page',
  { timeout: 20_000 },
  async () => {
    const { envId, user, router } = openSignedIn(['arm', 'mfp'], paths.servers)
    await screen.findByRole('table', { name: 'Servers' })
    await user.click(screen.getByRole('button', { name: /Account:/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out of everything' }))
    expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
    expect(locationOf(router)).toBe(paths.signIn(paths.servers(envId)))
    expect(live.console.state().families).toEqual({
      arm: { signedIn: false },
      mfp: { signedIn: false },
      store: { signedIn: false },
    })
    expect(
      live.console.seen.some((r) => r.method === 'DELETE' && r.path === '/console-api/session'),
    ).toBe(true)
    expectNoTokenFromThePage()
  },
)
