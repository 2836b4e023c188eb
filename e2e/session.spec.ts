import { expect, expectNoSeriousA11yViolations, signInAs, test } from './fixtures.ts'
import { isolateText } from '../src/lib/isolate-text.ts'

test('signs in with client credentials typed into the form and lands on servers', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/signin/)
  await page.getByLabel('Client ID').fill('demo-operator')
  await page.getByLabel('Client secret').fill('demo-operator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Servers' })).toBeVisible()
  await expect(page).toHaveURL(/\/env\/[^/]+\/servers$/)
  await expect(page.getByRole('button', { name: /Account: otto.neumann/ })).toBeVisible()
})

test('a wrong secret shows the API message and the failed request, keeping the client ID', async ({
  page,
}) => {
  await page.goto('/signin')
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('not-the-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Invalid client credentials')
  await expect(alert).toContainText('POST /accounts/api/v2/oauth2/token')
  await expect(page.getByLabel('Client ID')).toHaveValue('demo-administrator')
})

test('empty fields are explained before anything is sent', async ({ page }) => {
  await page.goto('/signin')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByText('Enter the connected app’s client ID.')).toBeVisible()
  await expect(page.getByText('Enter the client secret.')).toBeVisible()
})

test('the secret is never stored and the token lives in session storage only', async ({ page }) => {
  await signInAs(page, 'Administrator')
  const stored = await page.evaluate(() => ({
    local: JSON.stringify(Object.entries(localStorage)),
    session: JSON.stringify(Object.entries(sessionStorage)),
  }))
  expect(stored.local).not.toContain('demo-administrator-secret')
  expect(stored.session).not.toContain('demo-administrator-secret')
  expect(stored.session).toContain('accessToken')
  expect(stored.local).not.toContain('accessToken')
})

test('an expired session asks for the sign-in over the page, which keeps its filter and URL', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('eu-west')
  await expect(page).toHaveURL(/q=eu-west/)
  const before = page.url()
  await page.getByRole('button', { name: 'Demo controls' }).click()
  await page.getByRole('button', { name: 'Expire my session (see the 401 flow)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Your session expired: sign in again' })
  await expect(dialog).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  expect(page.url()).toBe(before)
  await dialog.getByRole('button', { name: 'Sign in as Administrator' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('eu-west')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  expect(page.url()).toBe(before)
})

test('an expired session while a form is open: sign in over it, the typed values survive and the create completes', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Client applications' })
    .click()
  await page.getByRole('button', { name: 'Create application' }).click()
  const form = page.getByRole('dialog', { name: 'Create a client application' })
  await form.getByLabel('Name').fill('Kept Through Sign-in')
  await form.getByLabel('Throttling tier').selectOption('Silver')
  await form.getByLabel('Description (optional)').fill('Typed before the session expired')
  // What the demo panel's "Expire my session" does, without closing the form to reach it.
  await page.evaluate(() => window.__demo?.expireSessions())
  await form.getByRole('button', { name: 'Create' }).click()

  const signIn = page.getByRole('dialog', { name: 'Your session expired: sign in again' })
  await expect(signIn).toBeVisible()
  // The form is still there under the sign-in (hidden from assistive technology meanwhile).
  const under = page.getByRole('dialog', {
    name: 'Create a client application',
    includeHidden: true,
  })
  await expect(under.getByLabel('Name')).toHaveValue('Kept Through Sign-in')
  await expect(under.getByLabel('Description (optional)')).toHaveValue(
    'Typed before the session expired',
  )
  await signIn.getByRole('button', { name: 'Sign in as Administrator' }).click()

  // The refused create was sent again after the sign-in, with what was typed.
  await expect(page.getByRole('heading', { name: /Kept Through Sign-in/ })).toBeVisible()
  await expect(page).toHaveURL(/\/client-apps\/[0-9a-f-]{36}$/)
  const details = page.getByRole('region', { name: 'Details' })
  await expect(details).toContainText('Silver')
  await expect(details).toContainText('Typed before the session expired')
})

test('a reload after the session expired still opens the page, with the sign-in over it', async ({
  page,
}) => {
  await signInAs(page, 'Operator')
  await page.evaluate(() => window.__demo?.expireSessions())
  await page.reload()
  const dialog = page.getByRole('dialog', { name: 'Your session expired: sign in again' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Client ID').fill('demo-operator')
  await dialog.getByLabel('Client secret').fill('demo-operator-secret')
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Servers' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Account: otto.neumann/ })).toBeVisible()
})

test('signing out ends the session and protects the pages', async ({ page }) => {
  await signInAs(page, 'Monitor')
  await page.getByRole('button', { name: /Account:/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/signin/)
  const token = await page.evaluate(() => sessionStorage.getItem('runtime-console.session'))
  expect(token).toBeNull()
})

test('the environment is part of the URL and the switcher changes it', async ({ page }) => {
  await signInAs(page, 'Administrator')
  const production = page.url()
  await page
    .getByRole('combobox', { name: 'Environment' })
    .selectOption({ label: isolateText('Sandbox') })
  await expect(page).not.toHaveURL(production)
  await expect(page.getByText(/registered in Sandbox/)).toBeVisible()
  // A copied link opens the same environment for someone else.
  const sandbox = page.url()
  await page.goto(production)
  await expect(page.getByText(/registered in Production/)).toBeVisible()
  await page.goto(sandbox)
  await expect(page.getByText(/registered in Sandbox/)).toBeVisible()
})

test('an environment with no servers offers registering one', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page
    .getByRole('combobox', { name: 'Environment' })
    .selectOption({ label: isolateText('QA') })
  await expect(page.getByRole('heading', { name: 'No servers in QA yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Register a server' })).toBeEnabled()
})

test('unknown routes show a not-found page with a way back', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.goto('/this/does/not/exist')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the console home' }).click()
  await expect(page.getByRole('heading', { name: 'Servers' })).toBeVisible()
})

test('theme follows the system and a chosen theme is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await signInAs(page, 'Administrator')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.getByRole('button', { name: /Account:/ }).click()
  await page.getByRole('menuitemradio', { name: 'Light theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
})

test('an expired session during a deploy: the upload is sent again after the sign-in in the dialog', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click()
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const form = page.getByRole('dialog', { name: 'Deploy an application' })
  const bytes = Buffer.alloc(16 * 1024)
  bytes.set([0x50, 0x4b, 0x03, 0x04])
  await form.getByLabel('Artifact file').setInputFiles({
    name: 'Kept-Upload-1.0.0-mule-application.jar',
    mimeType: 'application/java-archive',
    buffer: bytes,
  })
  await expect(form.getByLabel('Application name')).toHaveValue('kept-upload')
  await form
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await page.evaluate(() => window.__demo?.expireSessions())
  await form.getByRole('button', { name: 'Deploy', exact: true }).click()

  const signIn = page.getByRole('dialog', { name: 'Your session expired: sign in again' })
  await signIn.getByRole('button', { name: 'Sign in as Administrator' }).click()
  await expect(page.getByRole('heading', { name: /kept-upload/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Artifact' })).toContainText(
    'Kept-Upload-1.0.0-mule-application.jar',
  )
})
