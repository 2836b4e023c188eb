import type { Locator, Page } from '@playwright/test'
import { expect, signInAs, test } from './fixtures.ts'
import { LIVE_URL } from './ports.ts'
import { isolateText } from '../src/lib/isolate-text.ts'

/**
 * Hostile data from the backend: a 10,000-character unbroken name, a right-to-left
 * override, shell syntax and markup in names. The demo's simulated host registers servers
 * with whatever name the setup command gives, so these arrive as real API data.
 */
const LONG = 'W'.repeat(10_000)
const RLO = 'evil\u202Etxt.exe'
const SHELL = '$(touch PWNED) `touch PWNED` $TOKEN'
const MARKUP = '<img src=x onerror="window.__pwned=1">'

/** POSIX single quoting, written here on its own so the test does not trust the console's. */
function quote(value: string): string {
  return `'${value.split("'").join(`'\\''`)}'`
}

async function registrationToken(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Register server' }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a server' })
  const token = dialog.getByLabel('Registration token', { exact: true })
  await expect(token).toContainText('---')
  return (await token.innerText()).trim()
}

async function register(page: Page, token: string, name: string): Promise<void> {
  const result = await page.evaluate(
    (command) => {
      if (!window.__demo) throw new Error('demo backend not running')
      return window.__demo.runSetupCommand(command)
    },
    `./amc_setup -H ${quote(token)} ${quote(name)}`,
  )
  expect(result).toEqual({ ok: true, name })
}

/** Neither the document nor the console's main area scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const main = document.getElementById('main')
        return {
          page: document.documentElement.scrollWidth <= window.innerWidth,
          main: main ? main.scrollWidth <= main.clientWidth : false,
        }
      }),
    )
    .toEqual({ page: true, main: true })
}

test('the setup command is quoted exactly, and hostile names neither widen pages nor reorder text', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.setViewportSize({ width: 1440, height: 900 })
  await signInAs(page, 'Administrator')

  const token = await registrationToken(page)
  const dialog = page.getByRole('dialog', { name: 'Register a server' })
  await dialog.getByLabel('Server name').fill('web-hostile-1')
  const expected = `./amc_setup -H '${token}' 'web-hostile-1'`
  await expect(dialog.getByLabel('Setup command', { exact: true })).toHaveText(expected)
  await dialog.getByRole('button', { name: 'Copy setup command' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected)
  await dialog.getByRole('button', { name: 'Done' }).click()

  for (const name of [LONG, RLO, SHELL, MARKUP]) await register(page, token, name)
  await page.reload()
  const table = page.getByRole('table', { name: 'Servers' })
  await expect(page.getByText('28 registered in Production')).toBeVisible()

  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 800 })
    await expectNoSidewaysScroll(page)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  const filter = page.getByRole('searchbox', { name: 'Filter servers' })
  // Cut in the cell, whole in the tooltip and the accessible name.
  await filter.fill('WWWWWWWWWW')
  const longLink = table.getByRole('link', { name: /^W{10000}$/ })
  await expect(longLink).toHaveAttribute('title', LONG)
  // In the middle of its row, as every other cell's content, not on the row's bottom edge.
  const offMiddle = await longLink.evaluate((link) => {
    const row = link.closest('tr')!.getBoundingClientRect()
    const box = link.getBoundingClientRect()
    return (box.top + box.bottom) / 2 - (row.top + (row.height - 1) / 2)
  })
  expect(Math.abs(offMiddle)).toBeLessThanOrEqual(2)
  await expectNoSidewaysScroll(page)
  for (const name of [SHELL, MARKUP]) {
    await filter.fill(name.slice(0, 6))
    await expect(table.getByRole('link', { name, exact: true })).toHaveAttribute('title', name)
  }
  await filter.fill('WWWWWWWWWW')
  await longLink.click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toContainText(LONG)
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 800 })
    await expectNoSidewaysScroll(page)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(LONG)

  // The override stays inside the name: it is isolated, and the status after it is its own.
  await page.goBack()
  await filter.fill('evil')
  await table.getByRole('link', { name: RLO, exact: true }).click()
  await expect(heading).toContainText(RLO)
  expect(
    await heading.evaluate((h, name) => {
      const isolatedName = [...h.querySelectorAll('bdi')].some((b) => b.textContent === name)
      const badge = h.querySelector('.status')
      return isolatedName && badge !== null && getComputedStyle(badge).unicodeBidi === 'isolate'
    }, RLO),
  ).toBe(true)
  await page.getByRole('button', { name: 'Unregister…' }).click()
  const confirm = page.getByRole('dialog', { name: `Unregister ${RLO}?` })
  expect(
    await confirm.evaluate(
      (d, name) => [...d.querySelectorAll('bdi')].some((b) => b.textContent === name),
      RLO,
    ),
  ).toBe(true)
  await confirm.getByRole('button', { name: 'Cancel' }).click()

  // Markup in a name is text: nothing ran.
  expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined()
})

test('the curl of a deploy quotes a hostile property value exactly', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click()
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'orders-api-1.0.0.jar',
    mimeType: 'application/java-archive',
    buffer: Buffer.from('PK\u0003\u0004 not really a jar'),
  })
  await dialog
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await dialog.getByRole('button', { name: 'Add property' }).click()
  await dialog.getByLabel('Property 1 name').fill('greeting')
  const value = `it's "$(touch PWNED)" \`id\` $TOKEN \\ ; rm -rf ~`
  await dialog.getByLabel('Property 1 value').fill(value)
  await dialog.getByText('Show the request as curl').click()
  const curl = await dialog.getByLabel('Request as a curl command').innerText()
  const lines = curl.split(' \\\n  ')
  expect(lines[0]).toMatch(
    /^curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/hybrid\/api\/v1\/applications'$/,
  )
  expect(lines[1]).toBe('-H "Authorization: Bearer $TOKEN"')
  expect(lines).toContain(
    `--form-string 'configuration={"greeting":"it'\\''s \\"$(touch PWNED)\\" \`id\` $TOKEN \\\\ ; rm -rf ~"}'`,
  )
  expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBeUndefined()
})

test('every section fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await signInAs(page, 'Administrator')
  for (const [section, table] of [
    ['Servers', 'Servers'],
    ['Server groups', 'Server groups'],
    ['Clusters', 'Clusters'],
    ['Applications', 'Applications'],
    ['Devices', 'Devices'],
    ['Client applications', 'Client applications'],
  ]) {
    // Below 768 px the navigation is a drawer opened from the header's menu button.
    await page.getByRole('button', { name: 'Menu', exact: true }).click()
    await page
      .getByRole('dialog', { name: 'Runtime Console' })
      .getByRole('link', { name: section, exact: true })
      .click()
    await expect(page.getByRole('table', { name: table })).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
})

/** The element holding exactly `text` is an isolate: a `bdi`, or styled `unicode-bidi: isolate`. */
async function isolatesText(scope: Locator, text: string): Promise<boolean> {
  return scope.evaluate(
    (root, name) =>
      [...root.querySelectorAll('*')].some(
        (el) =>
          el.textContent === name &&
          (el.tagName === 'BDI' || getComputedStyle(el).unicodeBidi === 'isolate'),
      ),
    text,
  )
}

test('a right-to-left override in a searched name stays inside its isolate in the empty state', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Client applications', exact: true })
    .click()
  const missing = 'nope\u202Eexe.txt'
  await page.getByRole('searchbox', { name: 'Exact application name' }).fill(missing)
  await page.getByRole('button', { name: 'Look up' }).click()
  const heading = page.getByRole('heading', { name: `No application is named “${missing}”` })
  await expect(heading).toBeVisible()
  // The console's quotes are outside the isolate, the name (with its override) inside.
  expect(await isolatesText(heading, missing)).toBe(true)
  expect(await heading.evaluate((h) => h.firstChild?.textContent)).toBe('No application is named “')
  expect(await heading.evaluate((h) => h.lastChild?.textContent)).toBe('”')
})

/**
 * The live console (`npm run serve` on a live build) with the accounts answers changed on
 * their way to the page: an 80-character unbroken user and organization name, and an
 * environment whose name holds a right-to-left override.
 */
test('live: an 80-character user name keeps the header on screen, and an override in an environment name reorders nothing', async ({
  page,
  consoleErrors,
}) => {
  // The 404 goes to the route's error element, which React and React Router report as errors.
  consoleErrors.allow([/Server 987654 was not found/])
  const USER = 'u'.repeat(80)
  const ORG = 'O'.repeat(80)
  const ENV = 'Prod\u202Eevil'
  await page.route('**/accounts/api/me', async (route) => {
    const response = await route.fetch()
    const me = await response.json()
    me.user.username = USER
    me.user.organization.name = ORG
    await route.fulfill({ response, json: me })
  })
  await page.route('**/accounts/api/organizations/*/environments', async (route) => {
    const response = await route.fetch()
    const body = await response.json()
    for (const env of body.data) if (env.name === 'Production') env.name = ENV
    await route.fulfill({ response, json: body })
  })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${LIVE_URL}/signin`)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('demo-administrator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()

  // The list page's subtitle: the console's words, then the isolated name.
  const subtitle = page.locator('.subtitle').filter({ hasText: 'registered in' })
  await expect(subtitle).toHaveText(`24 registered in ${ENV}`)
  expect(await isolatesText(subtitle, ENV)).toBe(true)
  // The count first, in the console's own words (not inside the isolated name).
  expect(await subtitle.evaluate((s) => s.firstChild?.textContent)).toMatch(/^24\s/)

  // The environment select: the name is isolated inside the option's text; production is
  // a tag beside the picker (its description), not words in the option.
  const select = page.getByRole('combobox', { name: 'Environment' })
  expect(await select.locator('option:checked').textContent()).toBe(isolateText(ENV))
  await expect(select).toHaveAccessibleDescription('Production environment')

  // A detail page's "not found" sentence names the environment, isolated.
  const envPath = new URL(page.url()).pathname.split('/servers')[0]
  await page.goto(`${LIVE_URL}${envPath}/servers/987654`)
  const notFound = page.getByText('There is no server')
  await expect(notFound).toContainText(`in ${ENV}. It may have been`)
  expect(await isolatesText(notFound, ENV)).toBe(true)
  expect(await isolatesText(notFound, '987654')).toBe(true)

  const account = page.getByRole('button', { name: /^Account: / })
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 800 })
    await expect(account).toBeVisible()
    await expectNoSidewaysScroll(page)
    const box = await account.boundingBox()
    const innerWidth = await page.evaluate(() => window.innerWidth)
    expect(box).not.toBeNull()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(innerWidth)
    // Cut on screen, whole in the accessible name and the tooltip.
    await expect(account).toHaveAccessibleName(new RegExp(`^Account: ${USER}\\b`))
    expect(await account.getAttribute('title')).toContain(USER)

    // The menu names the organization in full, wrapped, and stays on screen.
    await account.click()
    const menu = page.getByRole('menu')
    await expect(menu).toContainText(ORG)
    expect(await isolatesText(menu, ORG)).toBe(true)
    const menuBox = await menu.boundingBox()
    expect(menuBox).not.toBeNull()
    expect(menuBox!.x).toBeGreaterThanOrEqual(0)
    expect(menuBox!.x + menuBox!.width).toBeLessThanOrEqual(innerWidth)
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()
  }
})
