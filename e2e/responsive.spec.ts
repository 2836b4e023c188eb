import type { Locator, Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  signInAs,
  test,
  confirmByTyping,
} from './fixtures.ts'

/** The narrowest phone the console supports. */
const PHONE = { width: 360, height: 740 }

/** The page scrolls sideways neither as a whole nor inside its main region. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const main = document.getElementById('main')
    return {
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      main: main ? main.scrollWidth - main.clientWidth : 0,
    }
  })
  expect(widths.page, `${where}: page scroll width`).toBeLessThanOrEqual(widths.viewport)
  expect(widths.main, `${where}: main region scrolls sideways by`).toBeLessThanOrEqual(0)
}

/** A detail page's table fits its card at this width: no box of its own scrolls sideways. */
async function expectTableFits(table: Locator, where: string): Promise<void> {
  await expect(table).toBeVisible()
  const over = await table.evaluate((t) => {
    const box = t.closest('.card') ?? t.parentElement
    return box ? box.scrollWidth - box.clientWidth : 0
  })
  expect(over, `${where}: the table scrolls sideways inside its card by`).toBeLessThanOrEqual(0)
}

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

function mainHeading(page: Page): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1 }).first()
}

/** Opens the navigation drawer from the keyboard and follows `section`'s link. */
async function navigateByDrawer(page: Page, section: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  await menu.focus()
  await page.keyboard.press('Enter')
  const drawer = page.getByRole('dialog', { name: 'Runtime Console' })
  await expect(drawer).toBeVisible()
  const link = drawer.getByRole('link', { name: section, exact: true })
  await tabTo(page, link)
  await page.keyboard.press('Enter')
  await expect(drawer).toBeHidden()
}

const SECTIONS: ReadonlyArray<{ section: string; path: RegExp; ready: (page: Page) => Locator }> = [
  {
    section: 'Servers',
    path: /\/servers/,
    ready: (p) => p.getByRole('table', { name: 'Servers' }).getByRole('link').first(),
  },
  {
    section: 'Server groups',
    path: /\/server-groups/,
    ready: (p) => p.getByRole('table', { name: 'Server groups' }).getByRole('link').first(),
  },
  {
    section: 'Clusters',
    path: /\/clusters/,
    ready: (p) => p.getByRole('table', { name: 'Clusters' }).getByRole('link').first(),
  },
  {
    section: 'Applications',
    path: /\/applications/,
    ready: (p) => p.getByRole('table', { name: 'Applications' }).getByRole('link').first(),
  },
  {
    section: 'Devices',
    path: /\/devices/,
    ready: (p) => p.getByRole('table', { name: 'Devices' }).getByRole('link').first(),
  },
  {
    section: 'Client applications',
    path: /\/client-apps/,
    ready: (p) => p.getByRole('table', { name: 'Client applications' }).getByRole('link').first(),
  },
  {
    section: 'Activity',
    path: /\/activity/,
    ready: (p) => mainHeading(p),
  },
]

/** Signs in at a size and opens Devices as an operator would; the list once it shows rows. */
/** Signs in at `size` and opens the list of `section` (its table has the section's name). */
async function openList(
  page: Page,
  size: { width: number; height: number },
  section: 'Devices' | 'Applications',
) {
  await page.setViewportSize(size)
  await signInAs(page, 'Administrator')
  if (size.width === PHONE.width) await navigateByDrawer(page, section)
  else
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: section, exact: true })
      .click()
  const table = page.getByRole('table', { name: section })
  await expect(table.getByRole('link').first()).toBeVisible({ timeout: 20_000 })
  return table
}

test('at 360 px every section is reached through the drawer by keyboard, and none scrolls sideways', async ({
  page,
}) => {
  // Seven pages (the devices one generates its fleet on first visit).
  test.slow()
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  // The side navigation is gone; the header keeps the environment and the account menu.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden()
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeInViewport()
  await expect(page.getByRole('button', { name: /^Account:/ })).toBeInViewport({ ratio: 1 })

  for (const { section, path, ready } of SECTIONS) {
    await navigateByDrawer(page, section)
    await expect(page).toHaveURL(path)
    await expect(ready(page)).toBeVisible({ timeout: 20_000 })
    await expectNoSidewaysScroll(page, section)
  }

  // A server's page and an application's page.
  await navigateByDrawer(page, 'Servers')
  await page.getByRole('table', { name: 'Servers' }).getByRole('link').first().click()
  await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible()
  await expectNoSidewaysScroll(page, 'server page')
  await navigateByDrawer(page, 'Applications')
  await page.getByRole('table', { name: 'Applications' }).getByRole('link').first().click()
  await expect(page).toHaveURL(/\/applications\/[^/?]+/)
  await expect(mainHeading(page)).toBeVisible()
  await expectNoSidewaysScroll(page, 'application page')
  await expectTableFits(
    page.getByRole('table', { name: 'Status on each server' }),
    'application page',
  )
  // A server group's page: its servers stack like a list's rows.
  await navigateByDrawer(page, 'Server groups')
  await page.getByRole('table', { name: 'Server groups' }).getByRole('link').first().click()
  await expect(mainHeading(page)).toBeVisible()
  await expectNoSidewaysScroll(page, 'server group page')
  await expectTableFits(page.getByRole('table', { name: /^Servers of / }), 'server group page')
})

test('the drawer keeps focus inside while open; Escape closes it and focus is back on the menu button', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  await menu.click()
  const drawer = page.getByRole('dialog', { name: 'Runtime Console' })
  await expect(drawer).toBeVisible()
  // Round the drawer and past its end: focus never leaves it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab')
    expect(await drawer.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(menu).toBeFocused()
  // From 768 px up the navigation is beside the page again.
  await page.setViewportSize({ width: 1024, height: 768 })
  await expect(menu).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
})

test('the skip link is the first Tab stop, shows when focused and moves focus to the main content', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await expect(page.getByRole('table', { name: 'Servers' }).getByRole('link').first()).toBeVisible()
  // A fresh load: Tab starts at the top of the document.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Servers' }).getByRole('link').first()).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The next Tab is inside the page, not in the header or the navigation.
  await page.keyboard.press('Tab')
  expect(
    await page.evaluate(() => document.getElementById('main')?.contains(document.activeElement)),
  ).toBe(true)
})

/** Opens a dialog with `opener`, closes it with `close`, and checks focus is back on `opener`. */
async function expectFocusBack(
  page: Page,
  opener: Locator,
  dialogName: string | RegExp,
  close: 'Escape' | string,
): Promise<void> {
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: dialogName })
  await expect(dialog).toBeVisible()
  if (close === 'Escape') await page.keyboard.press('Escape')
  else await dialog.getByRole('button', { name: close, exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
}

async function openSection(page: Page, section: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: section, exact: true })
    .click()
}

test('every main dialog gives focus back to its opener on Escape and on Close or Cancel', async ({
  page,
}) => {
  test.slow()
  await signInAs(page, 'Administrator')

  const register = page.getByRole('button', { name: 'Register server' })
  await expectFocusBack(page, register, 'Register a server', 'Escape')
  await expectFocusBack(page, register, 'Register a server', 'Done')

  const demo = page.getByRole('button', { name: /Demo controls/ })
  await expectFocusBack(page, demo, 'Demo controls', 'Escape')
  await expectFocusBack(page, demo, 'Demo controls', 'Close')

  await openSection(page, 'Server groups')
  const group = page.getByRole('button', { name: 'Create server group' })
  await expectFocusBack(page, group, 'Create a server group', 'Escape')
  await expectFocusBack(page, group, 'Create a server group', 'Cancel')

  await openSection(page, 'Clusters')
  const cluster = page.getByRole('button', { name: 'Create cluster' })
  await expectFocusBack(page, cluster, 'Create a cluster', 'Escape')
  await expectFocusBack(page, cluster, 'Create a cluster', 'Cancel')

  await openSection(page, 'Applications')
  const deploy = page.getByRole('button', { name: 'Deploy application' })
  await expectFocusBack(page, deploy, 'Deploy an application', 'Escape')
  await expectFocusBack(page, deploy, 'Deploy an application', 'Close')

  await openSection(page, 'Client applications')
  const create = page.getByRole('button', { name: 'Create application' })
  await expect(create).toBeVisible({ timeout: 20_000 })
  await expectFocusBack(page, create, 'Create a client application', 'Escape')
  await expectFocusBack(page, create, 'Create a client application', 'Cancel')

  await openSection(page, 'Devices')
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible({ timeout: 20_000 })
  const change = page.getByRole('button', { name: 'Change an app for a user…' })
  const changeName = 'Change an application on every device of a user'
  await expectFocusBack(page, change, changeName, 'Escape')
  await expectFocusBack(page, change, changeName, 'Cancel')

  // A delete confirmation, from a server's page.
  await openSection(page, 'Servers')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw')
  await page.getByRole('table', { name: 'Servers' }).getByRole('link').first().click()
  const unregister = page.getByRole('button', { name: 'Unregister…' })
  await expectFocusBack(page, unregister, /^Unregister/, 'Escape')
  await expectFocusBack(page, unregister, /^Unregister/, 'Cancel')
})

test('after a bulk change its results close back onto the opener; after a delete focus lands on the page', async ({
  page,
}) => {
  test.slow()
  await signInAs(page, 'Administrator')
  // The opener survives: a bulk change on a user's devices, confirmed, then its results closed.
  await openSection(page, 'Devices')
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible({ timeout: 20_000 })
  const change = page.getByRole('button', { name: 'Change an app for a user…' })
  await change.click()
  const dialog = page.getByRole('dialog', {
    name: 'Change an application on every device of a user',
  })
  await dialog.getByLabel('User id').fill('lena.fischer')
  await dialog.getByRole('button', { name: 'Find devices' }).click()
  await expect(dialog.getByText(/3 devices of lena.fischer/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Disable AcmeBank on 3 devices' }).click()
  const results = page.getByRole('dialog', { name: 'Disable AcmeBank: results' })
  await expect(results).toBeVisible({ timeout: 20_000 })
  await results.getByRole('button', { name: 'Close' }).first().click()
  await expect(results).toBeHidden()
  await expect(change).toBeFocused()

  // The opener goes with the page: a server unregistered from its own page.
  await openSection(page, 'Servers')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw')
  const serverLink = page.getByRole('table', { name: 'Servers' }).getByRole('link').first()
  const serverName = await serverLink.innerText()
  await serverLink.click()
  const unregister = page.getByRole('button', { name: 'Unregister…' })
  await expect(unregister).not.toHaveAttribute('aria-disabled', 'true')
  await unregister.click()
  await confirmByTyping(page, /^Unregister /, serverName, 'Unregister')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await expect
    .poll(() =>
      page.evaluate(() => {
        const main = document.getElementById('main')
        return main !== null && main.contains(document.activeElement)
      }),
    )
    .toBe(true)
})

for (const scheme of ['light', 'dark'] as const) {
  test(`at 360 px in the ${scheme} theme: no serious accessibility violation on a list, the drawer and a dialog`, async ({
    page,
  }) => {
    await page.setViewportSize(PHONE)
    await page.emulateMedia({ colorScheme: scheme })
    await signInAs(page, 'Administrator')
    await expect(
      page.getByRole('table', { name: 'Servers' }).getByRole('link').first(),
    ).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.getByRole('button', { name: 'Menu', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Runtime Console' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Register server' }).click()
    const register = page.getByRole('dialog', { name: 'Register a server' })
    await expect(register.getByLabel('Registration token', { exact: true })).toBeVisible()
    // A full-height sheet, no wider than the screen.
    const box = await register.boundingBox()
    expect(box?.width).toBeLessThanOrEqual(PHONE.width)
    expect(box?.height).toBeGreaterThanOrEqual(PHONE.height - 1)
    await expectNoSeriousA11yViolations(page)
  })
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every control reached by Tab shows a focus ring in the ${scheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme })
    await signInAs(page, 'Administrator')
    await expect(
      page.getByRole('table', { name: 'Servers' }).getByRole('link').first(),
    ).toBeVisible()
    await page.reload()
    await expect(
      page.getByRole('table', { name: 'Servers' }).getByRole('link').first(),
    ).toBeVisible()
    const seen: string[] = []
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab')
      const ring = await page.evaluate(() => {
        const el = document.activeElement
        if (!(el instanceof HTMLElement) || el === document.body) return null
        const style = getComputedStyle(el)
        return {
          name: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        }
      })
      if (ring === null) continue
      seen.push(ring.name)
      expect(ring.visible, `focus ring on ${ring.name}`).toBe(true)
    }
    expect(seen.length).toBeGreaterThan(10)
  })
}

/** The sections that are lists (all but Activity, a feed). */
const LISTS = SECTIONS.map((s) => s.section).filter((section) => section !== 'Activity')

test('at 360 px every list shows stacked rows with the name first, and nothing scrolls sideways', async ({
  page,
}) => {
  test.slow()
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  for (const section of LISTS) {
    await navigateByDrawer(page, section)
    const table = page.getByRole('table', { name: section })
    const row = table.getByRole('row').nth(1)
    await expect(row.getByRole('link').first()).toBeVisible({ timeout: 20_000 })
    await expect(table).toHaveClass(/\bstacked\b/)
    // The name (a link) on a line of its own, the status below it.
    const title = row.locator('[data-slot="title"]')
    await expect(title.getByRole('link')).toBeVisible()
    const status = row.locator('[data-slot="status"]')
    await expect(status).toBeVisible()
    const [titleBox, statusBox] = [await title.boundingBox(), await status.boundingBox()]
    expect(titleBox && statusBox, section).toBeTruthy()
    expect(statusBox!.y, `${section}: status below the name`).toBeGreaterThanOrEqual(
      titleBox!.y + titleBox!.height - 1,
    )
    // The name is not cut: its link is shown whole (on at most two lines here).
    const cut = await title.evaluate((td) => {
      const link = td.querySelector('a')
      return link ? link.scrollWidth - link.clientWidth + (td.scrollHeight - td.clientHeight) : 0
    })
    expect(cut, `${section}: the name is cut by`).toBeLessThanOrEqual(1)
    // The rows scroll with the page: the list is no box of its own.
    const inner = await table.evaluate((t) => {
      const wrap = t.parentElement
      return wrap ? wrap.scrollHeight - wrap.clientHeight : 0
    })
    expect(inner, `${section}: the list scrolls inside a box by`).toBeLessThanOrEqual(1)
    await expectNoSidewaysScroll(page, section)
  }
  // Scrolling the page far down still shows rows (the virtualised list follows the page).
  await navigateByDrawer(page, 'Applications')
  const apps = page.getByRole('table', { name: 'Applications' })
  await expect(apps.getByRole('row').nth(1).getByRole('link').first()).toBeVisible()
  // Stacked rows are measured as they come into view, so the end moves while the rows
  // arrive (under load, after the first scroll): scroll to the end until it is reached.
  await expect(async () => {
    await page.evaluate(() => {
      const main = document.getElementById('main')
      main?.scrollTo(0, main.scrollHeight)
    })
    await expect(apps.getByRole('row').last().getByRole('link').first()).toBeInViewport({
      timeout: 1_000,
    })
  }).toPass({ timeout: 15_000 })
})

test('at 360 px the header stays on one line with the whole environment name and the account initials', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  const header = page.getByRole('banner')
  const environment = header.getByRole('combobox', { name: 'Environment' })
  await expect(environment).toBeVisible()
  const fit = await environment.evaluate((select) => {
    if (!(select instanceof HTMLSelectElement)) return null
    const probe = document.createElement('span')
    probe.style.font = getComputedStyle(select).font
    probe.style.position = 'absolute'
    probe.style.whiteSpace = 'pre'
    probe.textContent = select.selectedOptions[0]?.textContent ?? ''
    document.body.append(probe)
    const text = probe.getBoundingClientRect().width
    probe.remove()
    // The select draws no arrow of its own (the chevron sits in its right padding): the
    // room for the name is its inner width less both paddings.
    const style = getComputedStyle(select)
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return {
      text,
      room,
      appearance: style.appearance,
      overflow: select.scrollWidth - select.clientWidth,
    }
  })
  expect(fit).not.toBeNull()
  expect(fit!.appearance, 'the select has no browser arrow of unknown width').toBe('none')
  expect(fit!.overflow, 'the select overflows by').toBeLessThanOrEqual(0)
  // The whole name is shown: it is no wider than the room inside the select.
  expect(fit!.text, 'the name is cut').toBeLessThanOrEqual(fit!.room)
  await expect(header.getByText('Production environment')).toBeAttached()
  // Initials on screen; the name is still the button's accessible name.
  const account = header.getByRole('button', { name: /^Account: ada\.lovelace/ })
  await expect(account).toBeInViewport({ ratio: 1 })
  await expect(account.getByText('AL', { exact: true })).toBeVisible()
  // One line: the header is as tall as ever and nothing in it sits below another.
  const boxes = await header.evaluate((h) =>
    [...h.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ top: r.top, bottom: r.bottom })),
  )
  const headerBox = await header.boundingBox()
  expect(headerBox!.height).toBeLessThanOrEqual(53)
  for (const box of boxes) {
    expect(box.top).toBeGreaterThanOrEqual(headerBox!.y - 1)
    expect(box.bottom).toBeLessThanOrEqual(headerBox!.y + headerBox!.height + 1)
  }
  // The account menu holds the name, the theme, Demo controls and sign out; the floating
  // Demo controls button (it covered rows) is not on the page.
  await expect(page.getByRole('button', { name: /Demo controls/ })).toBeHidden()
  await account.click()
  const menu = page.getByRole('menu')
  await expect(menu).toContainText('ada.lovelace')
  await expect(menu.getByRole('menuitemradio', { name: 'Dark theme' })).toBeVisible()
  await expect(menu.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
  await menu.getByRole('menuitem', { name: 'Demo controls…' }).click()
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: 'Close Demo controls' }).click()
  await expect(panel).toBeHidden()
  await expect(account).toBeFocused()
})

test('offline: a calm banner at the top of the content, the navigation and the page stay', async ({
  page,
  context,
}) => {
  await signInAs(page, 'Administrator')
  const table = page.getByRole('table', { name: 'Servers' })
  await expect(table.getByRole('link').first()).toBeVisible()
  await context.setOffline(true)
  const banner = page.getByRole('main').getByRole('status').filter({ hasText: 'You are offline' })
  await expect(banner).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible()
  await expect(table.getByRole('link').first()).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Servers', level: 1 })).toBeVisible()
  await context.setOffline(false)
  await expect(banner).toBeHidden()
})

/**
 * Elements of the main region that scroll vertically on their own (a box inside the
 * scrolling page), named by tag and class.
 */
async function innerVerticalScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.getElementById('main')
    if (!main) return ['no main region']
    return [...main.querySelectorAll('*')]
      .filter((el) => {
        const overflow = getComputedStyle(el).overflowY
        return (
          (overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1
        )
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
  })
}

/** Elements of the main region that reach past the right edge of the window. */
async function widerThanWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.getElementById('main')
    if (!main) return ['no main region']
    return [...main.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        // Text kept for assistive tech only (1 px, clipped) is not on screen.
        return box.width > 1 && box.right > window.innerWidth + 1
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
  })
}

for (const width of [1440, PHONE.width]) {
  test(`at ${width} px the devices page scrolls once: the rows, the pager and the transactions flow with the page`, async ({
    page,
  }) => {
    const table = await openList(
      page,
      width === PHONE.width ? PHONE : { width, height: 900 },
      'Devices',
    )
    const transactions = page.getByRole('table', { name: 'Recent transactions' })
    await expect(transactions).toBeAttached()
    expect(await innerVerticalScrollers(page), 'boxes that scroll inside the page').toEqual([])
    await expectNoSidewaysScroll(page, `devices at ${width}`)
    // The page's own scrolling reaches the last device of the page (a hundred: the list is
    // virtualised against the page) and then the transactions.
    await page.evaluate(() => {
      const main = document.getElementById('main')
      main?.scrollTo(0, main.scrollHeight)
    })
    await expect(transactions).toBeInViewport()
    await expect(page.getByRole('button', { name: 'Next page' })).toBeAttached()
    await expect(
      table
        .getByRole('row')
        .filter({ has: page.getByRole('link') })
        .last(),
    ).toHaveAttribute('aria-rowindex', '101')
  })
}

test('the devices rows are reached one after another by keyboard while the page follows', async ({
  page,
}) => {
  const table = await openList(page, { width: 1440, height: 900 }, 'Devices')
  const first = table.getByRole('link').first()
  await first.focus()
  // Each row is two Tab stops (its checkbox and its link): forty rows down, far below the
  // first screen of rows.
  for (let i = 0; i < 80; i++) await page.keyboard.press('Tab')
  const focused = page.locator(':focus')
  await expect(focused).toBeInViewport()
  const row = await focused.evaluate((el) => el.closest('tr')?.getAttribute('aria-rowindex'))
  expect(Number(row)).toBe(42)
})

test('at 360 px a server group page stacks its applications and nothing is wider than the window', async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  await navigateByDrawer(page, 'Server groups')
  await page.getByRole('table', { name: 'Server groups' }).getByRole('link').first().click()
  await expect(mainHeading(page)).toBeVisible()
  const apps = page.getByRole('table', { name: /^Applications on / })
  await expect(apps.getByRole('link').first()).toBeVisible()
  expect(await widerThanWindow(page), 'elements past the right edge').toEqual([])
  await expectTableFits(apps, 'a group’s applications')
  await expectNoSidewaysScroll(page, 'server group page')
})

test("at 360 px a cluster's visibility stacks: each node's name on one line, then what it sees", async ({
  page,
}) => {
  await page.setViewportSize(PHONE)
  await signInAs(page, 'Administrator')
  await navigateByDrawer(page, 'Clusters')
  await page.getByRole('table', { name: 'Clusters' }).getByRole('link').first().click()
  await expect(mainHeading(page)).toBeVisible()
  const matrix = page.getByRole('region', { name: 'Visibility' }).getByRole('table')
  const node = matrix.getByRole('rowheader').first()
  await expect(node).toBeVisible()
  // One line: the name is not broken over a column five letters wide.
  const box = await node.boundingBox()
  expect(box && box.height).toBeLessThan(32)
  expect(box && box.width).toBeGreaterThan(PHONE.width / 2)
  expect(await widerThanWindow(page), 'elements past the right edge').toEqual([])
  await expectNoSidewaysScroll(page, 'cluster page')
})

test('the tables of detail pages take their widths from the content: no status or header is cut', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 800 })
  await signInAs(page, 'Administrator')
  const pages: Array<{ list: string; table: string | RegExp }> = [
    { list: 'Servers', table: 'Applications on this server' },
    { list: 'Applications', table: 'Status on each server' },
    { list: 'Server groups', table: /^Servers of / },
    { list: 'Server groups', table: /^Applications on / },
    { list: 'Clusters', table: /^Servers of / },
  ]
  for (const { list, table } of pages) {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: list, exact: true })
      .click()
    await page.getByRole('table', { name: list }).getByRole('link').first().click()
    await expect(mainHeading(page)).toBeVisible()
    const detail = page.getByRole('table', { name: table })
    await expect(detail.getByRole('row').nth(1)).toBeVisible()
    const cut = await detail.evaluate((t) =>
      [...t.querySelectorAll('th, td')]
        // The console's own headers (a server's name heading a column may be cut: its
        // title holds it).
        .filter(
          (cell) =>
            (cell.tagName === 'TH' && !cell.hasAttribute('title')) ||
            cell.querySelector('.status') !== null,
        )
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent),
    )
    expect(cut, `${list}: headers and statuses cut`).toEqual([])
    // A cut name keeps all of its text in a tooltip.
    const untitled = await detail.evaluate((t) =>
      [...t.querySelectorAll('td, tbody th')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .filter((cell) => !cell.closest('[title]') && !cell.querySelector('[title]'))
        .map((cell) => cell.textContent),
    )
    expect(untitled, `${list}: cut without a tooltip`).toEqual([])
  }
})

test('at 1024 px a list short of room cuts its other columns before the names', async ({
  page,
}) => {
  const table = await openList(page, { width: 1024, height: 800 }, 'Devices')
  // Seven columns in about 770 px: the name column keeps 160 px (or all of its names).
  const name = await table.evaluate((t) => {
    const cells = [...t.querySelectorAll('tbody tr:not([aria-hidden]) td:nth-child(2)')]
    const column = cells[0]?.getBoundingClientRect().width ?? 0
    const widest = Math.max(...cells.map((c) => c.querySelector('a')?.scrollWidth ?? 0))
    return { column, widest }
  })
  expect(name.column).toBeGreaterThanOrEqual(Math.min(160, name.widest))
  await expectNoSidewaysScroll(page, 'devices at 1024')
})

test('at 1024 px the applications list shows every status badge whole, scrolled or not, and gives a status detail no more room than the others', async ({
  page,
}) => {
  const table = await openList(page, { width: 1024, height: 800 }, 'Applications')
  const cutBadges = () =>
    table.evaluate((t) =>
      [...t.querySelectorAll('tbody td .status')]
        .filter((badge) => {
          const cell = badge.closest('td')!.getBoundingClientRect()
          const box = badge.getBoundingClientRect()
          return box.right > cell.right + 1 || box.left < cell.left - 1
        })
        .map((badge) => badge.textContent),
    )
  expect(await cutBadges()).toEqual([])
  // Further down other statuses come into view: the widths follow.
  await table.evaluate((t) => {
    const wrap = t.parentElement
    wrap?.scrollTo(0, wrap.scrollHeight / 2)
  })
  await expect.poll(cutBadges).toEqual([])
  // No column takes a third of the table (a status detail used to hold half of it open).
  const widest = await table.evaluate((t) => {
    const widths = [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect().width)
    return Math.max(...widths) / t.getBoundingClientRect().width
  })
  expect(widest).toBeLessThan(0.35)
})

/**
 * Each body cell of the rows in view against its column's header: the same start and end
 * (within a pixel), its content in the row's middle, and every row 40 px.
 */
async function columnsOutOfLine(table: Locator): Promise<string[]> {
  return table.evaluate((t) => {
    const heads = [...t.querySelectorAll('thead th')].map((th) => th.getBoundingClientRect())
    const problems: string[] = []
    for (const row of t.querySelectorAll('tbody tr[aria-rowindex]')) {
      const box = row.getBoundingClientRect()
      const name = row.getAttribute('aria-rowindex')
      if (Math.abs(box.height - 40) > 0.5) problems.push(`row ${name} is ${box.height} px tall`)
      ;[...row.children].forEach((cell, i) => {
        const c = cell.getBoundingClientRect()
        const h = heads[i]
        if (!h || Math.abs(c.left - h.left) > 1 || Math.abs(c.right - h.right) > 1)
          problems.push(
            `row ${name}, column ${i + 1}: ${c.left}-${c.right} under ${h?.left}-${h?.right}`,
          )
        // The content in the middle of the row above its 1 px border, as a table cell has it.
        const range = document.createRange()
        range.selectNodeContents(cell)
        const content = range.getBoundingClientRect()
        const middle = (content.top + content.bottom) / 2 - (c.top + (c.height - 1) / 2)
        if (content.height > 0 && Math.abs(middle) > 2)
          problems.push(`row ${name}, column ${i + 1}: content ${middle} px off the middle`)
      })
    }
    return problems
  })
}

test('a list lines its cells up under their headers, scrolled down, scrolled sideways and right to left', async ({
  page,
}) => {
  const table = await openList(page, { width: 1440, height: 900 }, 'Applications')
  // Still a table to assistive tech: rows of cells under column headers.
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible()
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toBeVisible()
  expect(await columnsOutOfLine(table)).toEqual([])

  // Scrolled down, the header stays where it was and the rows in view still line up.
  const headerTop = () =>
    table.evaluate((t) => t.querySelector('thead th')!.getBoundingClientRect().top)
  const top = await headerTop()
  await table.evaluate((t) => t.parentElement?.scrollTo(0, t.parentElement.scrollHeight / 3))
  await expect.poll(() => table.evaluate((t) => t.parentElement!.scrollTop)).toBeGreaterThan(100)
  await expect.poll(headerTop).toBe(top)
  await expect.poll(() => columnsOutOfLine(table)).toEqual([])

  // Too narrow for every header and status uncut: the table scrolls sideways, the header
  // with its rows.
  await page.setViewportSize({ width: 800, height: 900 })
  await expect
    .poll(() => table.evaluate((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth))
    .toBe(true)
  await table.evaluate((t) => t.parentElement?.scrollTo({ left: 200 }))
  await expect.poll(() => columnsOutOfLine(table)).toEqual([])

  // Right to left: the columns run from the right, cells still under their headers.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.evaluate(() => localStorage.setItem('runtime-console.language', 'ar'))
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const rtl = page.getByRole('main').getByRole('table')
  await expect(rtl.getByRole('link').first()).toBeVisible()
  const firstColumn = await rtl.evaluate((t) => {
    const th = t.querySelector('thead th')!.getBoundingClientRect()
    return th.right > t.getBoundingClientRect().right - 2
  })
  expect(firstColumn, 'the first column starts at the right').toBe(true)
  expect(await columnsOutOfLine(rtl)).toEqual([])
})

test('a list shown again keeps its column widths and is laid out at once: after a filter that matched none, and back from a page', async ({
  page,
}) => {
  const table = await openList(page, { width: 1440, height: 900 }, 'Applications')
  const headerWidths = () =>
    table.evaluate((t) =>
      [...t.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width)),
    )
  const widths = await headerWidths()
  // Every class the list's table is given from here on, each as it was set (a table measured
  // again renders its rows once in automatic layout, "measuring", before it fits them, all
  // within one task).
  await page.evaluate(() => {
    const seen: string[] = []
    window.__tableClasses = seen
    new MutationObserver((records) => {
      for (const r of records) {
        const isTable =
          r.target instanceof Element && r.target.matches('table[aria-label="Applications"]')
        if (r.type === 'attributes' && isTable && r.oldValue !== null) seen.push(r.oldValue)
      }
      const t = document.querySelector('table[aria-label="Applications"]')
      if (t) seen.push(t.className)
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class'],
      attributeOldValue: true,
    })
  })
  const search = page.getByRole('searchbox', { name: 'Filter applications' })
  await search.fill('no-such-application-here')
  await expect(
    page.getByRole('heading', { name: 'No applications match these filters' }),
  ).toBeVisible()
  await search.fill('')
  await expect(table.getByRole('link').first()).toBeVisible()
  expect(await headerWidths()).toEqual(widths)

  const name = await table.getByRole('row').nth(1).getByRole('link').first().textContent()
  await table.getByRole('row').nth(1).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name ?? '')
  await page.goBack()
  await expect(table.getByRole('link').first()).toBeVisible()
  expect(await headerWidths()).toEqual(widths)
  expect(await page.evaluate(() => window.__tableClasses)).not.toContain('data measuring')
})
