import type { APIRequestContext, Browser, Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  signInAs,
  signInFamilyInPlace,
  test,
  confirmByTyping,
} from './fixtures.ts'
import { BACKEND_URL, LIVE_URL } from './ports.ts'

async function openClientApps(page: Page, role: 'Administrator' | 'Monitor' = 'Administrator') {
  await signInAs(page, role)
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Client applications' })
    .click()
  await expect(page.getByRole('table', { name: 'Client applications' })).toBeVisible()
}

function tableNames(page: Page) {
  return page.getByRole('table', { name: 'Client applications' }).getByRole('link').allInnerTexts()
}

test('create an application, and a duplicate name is marked without losing the form', async ({
  page,
}) => {
  await openClientApps(page)
  const taken = (await tableNames(page))[2]!
  await page.getByRole('button', { name: 'Create application' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a client application' })
  await dialog.getByLabel('Name').fill(taken)
  await dialog.getByLabel('Throttling tier').selectOption('Silver')
  await dialog.getByLabel('Description (optional)').fill('Partner portal, EU')
  await dialog.getByLabel('Callback URL (optional)').fill('not-a-url')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog.getByLabel('Callback URL (optional)')).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByLabel('Callback URL (optional)').fill('https://portal.example.eu/callback')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true')
  await expect(
    dialog.getByText(`An application named '${taken}' already exists.`).first(),
  ).toBeVisible()
  await expect(dialog.getByRole('alert')).toContainText(
    'HTTP 409 · POST /api/am/store/v0.10/applications',
  )
  await expect(dialog.getByLabel('Description (optional)')).toHaveValue('Partner portal, EU')
  await expect(dialog.getByLabel('Throttling tier')).toHaveValue('Silver')
  await expectNoSeriousA11yViolations(page)

  await dialog.getByLabel('Name').fill('Partner Portal EU')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: /Partner Portal EU/ })).toContainText('Approved')
  await expect(page).toHaveURL(/\/client-apps\/[0-9a-f-]{36}$/)
  const details = page.getByRole('region', { name: 'Details' })
  await expect(details).toContainText('Silver')
  await expect(details).toContainText('https://portal.example.eu/callback')
  // Reload: it is really in the (persisted) store.
  await page.reload()
  await expect(page.getByRole('heading', { name: /Partner Portal EU/ })).toBeVisible()
})

test('page through the list; the page survives a reload and Back', async ({ page }) => {
  await openClientApps(page)
  const first = await tableNames(page)
  await expect(page.getByText('Page 1 · applications 1–25')).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByText('Page 2 · applications 26–50')).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByText('Page 3 · applications 51–75')).toBeVisible()
  await expect(page).toHaveURL(/[?&]page=3/)
  const third = await tableNames(page)
  expect(third).toHaveLength(25)
  expect(third).not.toEqual(first)
  await page.reload()
  await expect(page.getByText('Page 3 · applications 51–75')).toBeVisible()
  expect(await tableNames(page)).toEqual(third)
  await page.goBack()
  await expect(page.getByText('Page 2 · applications 26–50')).toBeVisible()

  // Exact-name lookup from the third page, also in the URL.
  await page.getByRole('searchbox', { name: 'Exact application name' }).fill(third[4]!)
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect.poll(() => tableNames(page)).toEqual([third[4]])
  await expectNoSeriousA11yViolations(page)
})

test('generate keys: the secret is shown once with copy buttons and not kept anywhere', async ({
  page,
  context,
}) => {
  // Waits out a toast before the axe check and reloads at the end: give it room.
  test.setTimeout(60_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openClientApps(page)
  await page.getByRole('button', { name: 'Create application' }).click()
  const create = page.getByRole('dialog', { name: 'Create a client application' })
  await create.getByLabel('Name').fill('Key Holder')
  await create.getByLabel('Throttling tier').selectOption('Gold')
  await create.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: /Key Holder/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Keys' })).toContainText('No keys yet')

  await page.getByRole('button', { name: 'Generate production keys…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate production keys for Key Holder' })
  await dialog.getByLabel('Access token validity (seconds)').fill('86400')
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('generate-keys')
  await dialog.getByRole('button', { name: 'Generate keys' }).click()
  const shown = page.getByRole('dialog', { name: 'New production keys for Key Holder' })
  await expect(shown.getByRole('alert')).toContainText('shown only once')
  const secret = await shown.getByLabel('Consumer secret', { exact: true }).innerText()
  const key = await shown.getByLabel('Consumer key', { exact: true }).innerText()
  expect(secret).toMatch(/^\w{28}$/)
  await expectNoSeriousA11yViolations(page)
  await shown.getByRole('button', { name: 'Copy consumer secret' }).click()
  await expect(shown.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
  // The confirmation is beside the button, so the button's name still says what it does.
  await expectNoSeriousA11yViolations(page)
  await shown.getByRole('button', { name: 'I have copied them: close' }).click()

  const keys = page.getByRole('table', { name: 'Keys' })
  await expect(keys).toContainText(key)
  await expect(keys).toContainText('Active')
  await expect(keys).toContainText('1 d')
  await expect(page.getByRole('button', { name: 'Generate production keys…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await expect(page.getByText(secret)).toHaveCount(0)
  const stored = await page.evaluate(() =>
    JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), location.href]),
  )
  expect(stored).toContain(key)
  expect(stored).not.toContain(secret)
  // After a reload only the key is known: the secret is gone for good.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Keys' })).toContainText(key)
  await expect(page.getByText(secret)).toHaveCount(0)
})

test('delete, confirmed with the curl command, returns to the list without it', async ({
  page,
}) => {
  await openClientApps(page)
  const name = (await tableNames(page))[1]!
  await page
    .getByRole('table', { name: 'Client applications' })
    .getByRole('link', { name, exact: true })
    .click()
  await page.getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` })
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('curl -X DELETE')
  await expect(dialog.getByLabel('Request as a curl command')).toContainText(
    '/api/am/store/v0.10/applications/',
  )
  await dialog.getByLabel(/Type .* to confirm/).fill(name)
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page.getByText(`Deleted ${name}`)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Client applications' })).toBeVisible()
  expect(await tableNames(page)).not.toContain(name)
  await page.getByRole('searchbox', { name: 'Exact application name' }).fill(name)
  await page.getByRole('button', { name: 'Look up' }).click()
  await expect(
    page.getByRole('heading', { name: `No application is named “${name}”` }),
  ).toBeVisible()
})

test('delete several from the list: one confirmation, one toast when all are deleted', async ({
  page,
}) => {
  await openClientApps(page)
  const [first, second] = await tableNames(page)
  const table = page.getByRole('table', { name: 'Client applications' })
  await table.getByRole('checkbox', { name: `Select ${first}` }).check()
  await table.getByRole('checkbox', { name: `Select ${second}` }).check()
  const selection = page.getByRole('region', { name: 'Selection' })
  await expect(selection).toContainText('2 selected')
  await selection.getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete 2 client applications?' })
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('curl -X DELETE')
  await expectNoSeriousA11yViolations(page)
  await confirmByTyping(page, 'Delete 2 client applications?', 'delete 2', 'Delete 2')
  // Every one deleted: one success message, and the dialog closes without results.
  await expect(page.getByText('Deleted 2 client applications')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(table.getByRole('link', { name: first, exact: true })).toHaveCount(0)
  await expect(table.getByRole('link', { name: second, exact: true })).toHaveCount(0)
  await expect(selection).toHaveCount(0)
})

/**
 * Two operators, two browser contexts: they share a backend only in live mode (each demo
 * context has its own in-browser store), so this journey uses the live build against the
 * demo backend served over HTTP.
 */
async function liveOperator(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${LIVE_URL}/signin`)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('demo-administrator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeVisible()
  return page
}

/** Creates a fresh application on the shared live backend through the Store API itself. */
async function createLiveApplication(request: APIRequestContext): Promise<string> {
  const token = await request.post(`${BACKEND_URL}/accounts/api/v2/oauth2/token`, {
    form: {
      client_id: 'demo-administrator',
      client_secret: 'demo-administrator-secret',
      grant_type: 'client_credentials',
    },
  })
  expect(token.ok()).toBe(true)
  const { access_token: accessToken } = await token.json()
  const name = `Conflict journey ${Date.now().toString(36)}`
  const created = await request.post(`${BACKEND_URL}/api/am/store/v0.10/applications`, {
    headers: { Authorization: `Bearer ${accessToken}` },
    // Bronze is approved at once (Unlimited waits for an approver, which changes the ETag).
    data: { name, throttlingTier: 'Bronze', description: 'Edited by two operators' },
  })
  expect(created.status()).toBe(201)
  return name
}

async function openInLive(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Client applications' })
    .click()
  // The API Store has its own users: its pages ask for its sign-in in place (ADR 014).
  await signInFamilyInPlace(page, 'API Store', 'demo-administrator', 'demo-administrator-secret')
  await page.getByRole('searchbox', { name: 'Exact application name' }).fill(name)
  await page.getByRole('button', { name: 'Look up' }).click()
  await page
    .getByRole('table', { name: 'Client applications' })
    .getByRole('link', { name, exact: true })
    .click()
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible()
}

async function saveDescription(page: Page, description: string) {
  await page.getByRole('button', { name: 'Edit' }).click()
  const editor = page.getByRole('region', { name: 'Edit application' })
  await editor.getByLabel('Description (optional)').fill(description)
  return editor
}

test('two operators edit the same application: the conflict is shown and resolved both ways', async ({
  browser,
  request,
}) => {
  // Two browsers signing in and two rounds of edits: longer than one page's journey.
  test.setTimeout(90_000)
  // An application of its own, rather than a reset: the live backend is shared with
  // live-mode.spec.ts, which may run at the same time on the other worker.
  const name = await createLiveApplication(request)
  const mine = await liveOperator(browser)
  const theirs = await liveOperator(browser)
  await openInLive(mine, name)
  await openInLive(theirs, name)

  // Round 1: both edit; they save first; I keep theirs.
  const myEditor = await saveDescription(mine, 'Mine, round one')
  await myEditor.getByLabel('Throttling tier').selectOption('Gold')
  const theirEditor = await saveDescription(theirs, 'Theirs, round one')
  await theirEditor.getByRole('button', { name: 'Save changes' }).click()
  await expect(theirs.getByRole('region', { name: 'Details' })).toContainText('Theirs, round one')
  await myEditor.getByRole('button', { name: 'Save changes' }).click()
  const comparison = mine.getByRole('table', { name: 'Their version and your edits' })
  await expect(comparison).toBeVisible()
  await expect(
    mine.getByRole('alert', { name: /Someone else changed this application/ }),
  ).toBeVisible()
  await expect(comparison.getByRole('row', { name: /^Description/ })).toContainText(
    'Theirs, round one',
  )
  await expect(comparison.getByRole('row', { name: /^Description/ })).toContainText(
    'Mine, round one',
  )
  await expect(comparison.getByRole('row', { name: /^Throttling tier/ })).toContainText('Gold')
  await expectNoSeriousA11yViolations(mine)
  await mine.getByRole('button', { name: 'Keep theirs' }).click()
  await expect(comparison).toHaveCount(0)
  await expect(mine.getByRole('region', { name: 'Details' })).toContainText('Theirs, round one')
  await expect(mine.getByRole('region', { name: 'Details' })).toContainText('Bronze')

  // Round 2: both edit again; they save first; I apply mine again on top of theirs.
  const myEditor2 = await saveDescription(mine, 'Mine, round two')
  const theirEditor2 = await saveDescription(theirs, 'Theirs, round two')
  await theirEditor2.getByLabel('Callback URL (optional)').fill('https://theirs.example.com/cb')
  await theirEditor2.getByRole('button', { name: 'Save changes' }).click()
  await expect(theirs.getByRole('region', { name: 'Details' })).toContainText('Theirs, round two')
  await myEditor2.getByRole('button', { name: 'Save changes' }).click()
  await expect(comparison).toBeVisible()
  await mine.getByRole('button', { name: 'Apply mine again' }).click()
  await expect(comparison).toHaveCount(0)
  const details = mine.getByRole('region', { name: 'Details' })
  await expect(details).toContainText('Mine, round two')
  // Their change to a field I did not touch survived.
  await expect(details).toContainText('https://theirs.example.com/cb')
  await theirs.reload()
  await expect(theirs.getByRole('region', { name: 'Details' })).toContainText('Mine, round two')

  await mine.context().close()
  await theirs.context().close()
})
