import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { atOrBelow, expect, expectNoSeriousA11yViolations, signInAs, test } from './fixtures.ts'

// The console in German and Arabic (issue 18, ADR 029): chosen in the account menu and
// remembered, taken from the browser by default, mirrored in Arabic, with the MobileFirst
// service's own errors in the chosen language and no English left on any page.

type Catalog = Record<string, string>

function catalog(language: string, ...areas: string[]): Catalog {
  return Object.assign(
    {},
    ...areas.map((area): Catalog => {
      const parsed: unknown = JSON.parse(
        readFileSync(new URL(`../src/locales/${language}/${area}.json`, import.meta.url), 'utf8'),
      )
      return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {}
    }),
  )
}

function word(words: Catalog, key: string): string {
  const value = words[key]
  if (value === undefined) throw new Error(`no message ${key}`)
  return value
}

const de = catalog('de', 'shell', 'servers')
const ar = catalog('ar', 'shell', 'servers', 'session')

/** The environment's path after a sign-in (`/env/<id>`). */
function envPath(page: Page): string {
  const match = /\/env\/[^/]+/.exec(new URL(page.url()).pathname)
  if (!match) throw new Error(`not in an environment: ${page.url()}`)
  return match[0]
}

/** Opens the account menu (named in the language shown) and picks a language by its own name. */
async function chooseLanguage(page: Page, name: string, account = 'Account:') {
  await page.getByRole('button', { name: new RegExp(`^${account}`) }).click()
  await page.getByRole('menuitemradio', { name }).click()
}

/**
 * Text of the console's own words that reads as English: visible text and accessible names
 * outside API text (`bdi`), code and commands, with English function words in them.
 */
async function englishLeftOvers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ENGLISH = /\b(the|and|of|to|is|are|not|with|this|for|from|your|has|by|no)\b/i
    const skip = (el: Element | null) =>
      el?.closest('bdi, code, pre, kbd, script, style, [aria-hidden="true"]')
    const found = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? ''
      if (text && ENGLISH.test(text) && !skip(node.parentElement)) found.add(text)
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el)) continue
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name)?.trim() ?? ''
        // A title that repeats API text (a cut name's whole self) is not the console's words.
        if (value && ENGLISH.test(value) && !el.querySelector('bdi')) found.add(`${name}: ${value}`)
      }
    }
    return [...found]
  })
}

/**
 * Follows a link and waits for its page: its URL (or one below it: Devices goes on to its
 * first runtime), then its heading.
 */
async function openLink(page: Page, link: Locator) {
  const href = await link.getAttribute('href')
  if (!href) throw new Error('a link without href')
  const path = new URL(href, page.url()).pathname
  await link.click()
  await expect.poll(() => atOrBelow(page, path), { timeout: 30_000 }).toBe(true)
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 30_000 })
}

/**
 * Opens each dialog the page offers (the header's enabled buttons, and every button ending in
 * "…"; one that acts without a dialog, such as Refresh or Start, is harmless here) and returns the English left in each,
 * the toasts of such actions included.
 */
async function dialogLeftOvers(page: Page, where: string, opened: string[]): Promise<string[]> {
  const found: string[] = []
  // The header's actions, and every button that says it opens more ("Redeploy…").
  const buttons = page
    .locator('main header.page-header .toolbar button:enabled')
    .or(page.locator('main button:enabled').filter({ hasText: /…\s*$/ }))
  const count = await buttons.count()
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i)
    if (!(await button.isVisible()) || !(await button.isEnabled())) continue
    const name = (await button.textContent())?.trim() ?? ''
    await button.click()
    const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog')).first()
    const shown = await dialog
      .waitFor({ state: 'visible', timeout: 1_500 })
      .then(() => true)
      .catch(() => false)
    if (!shown) continue
    opened.push(`${where} "${name}"`)
    await page.waitForLoadState('networkidle')
    found.push(...(await englishLeftOvers(page)).map((text) => `${where} "${name}": ${text}`))
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }
  return found
}

test('German chosen in the account menu is remembered and every page reads in German', async ({
  page,
}) => {
  test.setTimeout(360_000)
  await signInAs(page, 'Administrator')
  await chooseLanguage(page, 'Deutsch')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  const nav = page.getByRole('navigation', { name: word(de, 'shell.nav.label') })
  await expect(
    nav.getByRole('link', { name: word(de, 'shell.areas.applications'), exact: true }),
  ).toBeVisible()

  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(
    page.getByRole('heading', { level: 1, name: word(de, 'servers.list.title') }),
  ).toBeVisible()

  // Through the navigation, as an operator would (no reload between pages).
  const areas = [
    'shell.areas.servers',
    'shell.areas.serverGroups',
    'shell.areas.clusters',
    'shell.areas.applications',
    'shell.areas.devices',
    'shell.areas.clientApps',
    'shell.areas.activity',
  ]
  const leftOvers: string[] = []
  const dialogs: string[] = []
  for (const area of areas) {
    await openLink(page, nav.getByRole('link', { name: word(de, area), exact: true }))
    await page.waitForLoadState('networkidle')
    leftOvers.push(...(await englishLeftOvers(page)).map((text) => `${area}: ${text}`))
    leftOvers.push(...(await dialogLeftOvers(page, area, dialogs)))
    // The first item of each list, where there is one.
    const first = page.locator('main table a[href*="/"]').first()
    if (await first.isVisible()) {
      await openLink(page, first)
      await page.waitForLoadState('networkidle')
      leftOvers.push(...(await englishLeftOvers(page)).map((text) => `${area} item: ${text}`))
      leftOvers.push(...(await dialogLeftOvers(page, `${area} item`, dialogs)))
    }
  }
  // The palette and the cheat sheet, opened from the keyboard.
  for (const [key, what] of [
    ['ControlOrMeta+k', 'palette'],
    ['?', 'cheat sheet'],
  ] as const) {
    await page.locator('main h1').first().click()
    await page.keyboard.press(key)
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    leftOvers.push(...(await englishLeftOvers(page)).map((text) => `${what}: ${text}`))
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  }
  expect(leftOvers).toEqual([])
  // The sweep saw the dialogs it is for (register, create, deploy, delete, stop …).
  test.info().annotations.push({ type: 'dialogs read in German', description: dialogs.join('; ') })
  expect(dialogs.length).toBeGreaterThanOrEqual(15)
  await nav.getByRole('link', { name: word(de, 'shell.areas.servers'), exact: true }).click()
  await expectNoSeriousA11yViolations(page)
})

test("the browser's language is the default, and Arabic mirrors the console", async ({
  browser,
}) => {
  const context = await browser.newContext({
    locale: 'ar-EG',
    viewport: { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  // The demo identity's card in Arabic: its role in the language shown.
  await page
    .getByRole('button', {
      name: word(ar, 'session.presets.signInAs').replace(
        '{role}',
        word(ar, 'session.role.administrator'),
      ),
    })
    .click()
  const nav = page.getByRole('navigation', { name: word(ar, 'shell.nav.label') })
  await expect(nav).toBeVisible()
  // Mirrored: the navigation is on the right, the page's heading starts at the right.
  const navBox = await nav.boundingBox()
  expect(navBox && navBox.x).toBeGreaterThan(1440 / 2)
  const heading = page.getByRole('heading', { level: 1, name: word(ar, 'servers.list.title') })
  await expect(heading).toBeVisible()
  await expect(heading).toHaveCSS('direction', 'rtl')
  await expectNoSeriousA11yViolations(page)
  await context.close()
})

test('a MobileFirst error arrives in the chosen language', async ({ page }) => {
  await signInAs(page, 'Administrator')
  const env = envPath(page)
  await chooseLanguage(page, 'Deutsch')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await page.goto(`${env}/devices/no-such-runtime`)
  // The service's own message, localized by its `locale` parameter.
  await expect(page.getByText("Die Laufzeit 'no-such-runtime' wurde nicht gefunden.")).toBeVisible()

  await chooseLanguage(page, 'العربية', word(de, 'shell.account.label'))
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await page.reload()
  await expect(page.getByText("لم يتم العثور على بيئة التشغيل 'no-such-runtime'.")).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
