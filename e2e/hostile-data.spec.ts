import type { Page } from '@playwright/test'
import { expect, signInAs, test } from './fixtures.ts'
import { isolateText } from '../src/components/api-text.tsx'

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
  const sections = page.getByRole('navigation', { name: 'Sections' })
  for (const [section, table] of [
    ['Servers', 'Servers'],
    ['Server groups', 'Server groups'],
    ['Clusters', 'Clusters'],
    ['Applications', 'Applications'],
    ['Devices', 'Devices'],
    ['Client applications', 'Client applications'],
  ]) {
    await sections.getByRole('link', { name: section, exact: true }).click()
    await expect(page.getByRole('table', { name: table })).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
})
