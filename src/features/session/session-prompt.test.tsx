import { isolateText } from '../../lib/isolate-text.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { getSession } from '../../lib/session-store.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

// Demo mode: one sign-in for every family, asked for again over the page after a 401.
const demo = setupTestBackend()

const SIGN_IN_AGAIN = 'Your session expired: sign in again'

/** What the demo panel's "Expire my session" does: every token issued so far is refused. */
function expireSessions() {
  demo.backend.db.tokensNotBefore = demo.backend.db.now() + 1
}

function countRequests(method: string, path: string): { readonly count: number } {
  const counter = { count: 0 }
  demo.server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname === path) counter.count += 1
  })
  return counter
}

test(
  'a 401 while creating keeps the typed form, asks for the sign-in over it, then sends the same create once',
  { timeout: 30_000 },
  async () => {
    const { scope } = await signInAs('Administrator')
    const creates = countRequests('POST', '/api/am/store/v0.10/applications')
    const { user, router } = renderApp(paths.clientApps(scope.envId))
    await user.click(await screen.findByRole('button', { name: 'Create application' }))
    const form = await screen.findByRole('dialog', { name: 'Create a client application' })
    await within(form).findByRole('option', { name: new RegExp(`^${isolateText('Gold')}`) })
    await user.type(within(form).getByLabelText('Name'), 'Typed before the expiry')
    await user.selectOptions(within(form).getByLabelText('Throttling tier'), 'Gold')
    await user.type(within(form).getByLabelText('Description (optional)'), 'Survives a sign-in')

    expireSessions()
    await user.click(within(form).getByRole('button', { name: 'Create' }))

    const prompt = await screen.findByRole('dialog', { name: SIGN_IN_AGAIN })
    // Focus is trapped in the sign-in dialog; the page and its form are still there.
    await waitFor(() => expect(prompt.contains(document.activeElement)).toBe(true))
    expect(creates.count).toBe(1)
    expect(locationOf(router)).toBe(paths.clientApps(scope.envId))
    expect(within(form).getByLabelText('Name')).toHaveValue('Typed before the expiry')
    expect(within(form).getByLabelText('Throttling tier')).toHaveValue('Gold')
    expect(demo.backend.store.findByName('Typed before the expiry')).toBeUndefined()

    await user.type(within(prompt).getByLabelText('Client ID'), 'demo-administrator')
    await user.type(within(prompt).getByLabelText('Client secret'), 'demo-administrator-secret')
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }))

    // The refused create is sent again by itself, with the same values, and succeeds.
    expect(
      await screen.findByRole('heading', { name: /Typed before the expiry/ }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog', { name: SIGN_IN_AGAIN })).not.toBeInTheDocument()
    expect(creates.count).toBe(2)
    const created = demo.backend.store.findByName('Typed before the expiry')
    expect(created).toMatchObject({ throttlingTier: 'Gold', description: 'Survives a sign-in' })
    expect(locationOf(router)).toBe(paths.clientApp(scope.envId, created!.applicationId))
    expect(getSession()?.clientId).toBe('demo-administrator')
  },
)

test(
  'closing the sign-in keeps the page; what then fails with 401 is refetched after signing in from the banner',
  { timeout: 30_000 },
  async () => {
    const { scope } = await signInAs('Administrator')
    const { user, router, queryClient } = renderApp(paths.servers(scope.envId))
    await screen.findByRole('table', { name: 'Servers' })
    const filter = screen.getByRole('searchbox', { name: 'Filter servers' })
    await user.type(filter, 'prd')

    expireSessions()
    void queryClient.invalidateQueries()
    const prompt = await screen.findByRole('dialog', { name: SIGN_IN_AGAIN })
    await user.keyboard('{Escape}')
    await waitFor(() => expect(prompt).not.toBeInTheDocument())
    // Focus returns where it was; nothing navigated to the sign-in page.
    expect(filter).toHaveFocus()
    expect(locationOf(router)).toContain(paths.servers(scope.envId))
    expect(screen.getByRole('table', { name: 'Servers' })).toBeInTheDocument()

    // Another page's list fails with the 401, shown in place, and does not reopen the dialog.
    await user.click(screen.getByRole('link', { name: 'Server groups' }))
    expect(await screen.findByText(/the token has expired/)).toBeInTheDocument()
    expect(screen.queryByRole('dialog', { name: SIGN_IN_AGAIN })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Sign in again' }))
    const again = await screen.findByRole('dialog', { name: SIGN_IN_AGAIN })
    await user.type(within(again).getByLabelText('Client ID'), 'demo-administrator')
    await user.type(within(again).getByLabelText('Client secret'), 'demo-administrator-secret')
    await user.click(within(again).getByRole('button', { name: 'Sign in' }))

    // The list that failed with 401 is read again without the operator asking.
    expect(await screen.findByRole('table', { name: 'Server groups' })).toBeInTheDocument()
    expect(screen.queryByText(/the token has expired/)).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign in again' })).not.toBeInTheDocument()
  },
)

test('with no session at all, the console goes to the sign-in page', async () => {
  const { router } = renderApp(paths.servers('env-x'))
  expect(await screen.findByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
  expect(locationOf(router)).toBe(paths.signIn(paths.servers('env-x')))
})
