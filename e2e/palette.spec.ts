import type { Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  signInAs,
  test,
  firstStartedOnServerLink,
} from './fixtures.ts'

const PALETTE = 'Search or run a command'

function palette(page: Page) {
  return page.getByRole('combobox', { name: PALETTE })
}

/** The name of a started application on one server, read from the list (no pointer used). */
async function startedApplicationName(page: Page): Promise<string> {
  return (await firstStartedOnServerLink(page)).innerText()
}

/** Tabs to the confirmation's button and presses Enter, then waits for the dialog to close. */
async function confirmWithKeyboard(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title })
  await expect(dialog).toBeVisible()
  const confirm = dialog.getByRole('button', { name: button, exact: true })
  for (let i = 0; i < 12 && !(await confirm.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
}

test('with the keyboard alone: find an application, open it, stop it and redeploy it, confirming each', async ({
  page,
}) => {
  // A long journey: two changes followed until the page shows them.
  test.slow()
  await signInAs(page, 'Operator')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  const name = await startedApplicationName(page)

  // Typed at once: what arrives while the palette's code loads is kept for its search box.
  await page.keyboard.press('Control+k')
  await page.keyboard.type(name)
  await expect(palette(page)).toBeFocused()
  await expect(palette(page)).toHaveValue(name)
  await expect(page.getByRole('option', { name: new RegExp(`^${name}`) }).first()).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await page.keyboard.press('Enter')
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(name) })
  await expect(heading).toContainText('Started')

  await page.keyboard.press('Control+k')
  await page.keyboard.type(`stop ${name}`)
  await expect(page.getByRole('option', { name: `Stop ${name}…` })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  // The command opens the Stop button's own confirmation.
  await page.keyboard.press('Enter')
  await confirmWithKeyboard(page, `Stop ${name}?`, 'Stop')
  await expect(heading).toContainText(/Stopping|Stopped/)
  // The demo runtime takes a few seconds to report it stopped; the page follows it.
  await expect(heading).toContainText('Stopped', { timeout: 15_000 })

  await page.keyboard.press('Control+k')
  await page.keyboard.type(`redeploy ${name}`)
  await expect(page.getByRole('option', { name: `Redeploy ${name}…` })).toHaveAttribute(
    'aria-selected',
    'true',
  )
  await page.keyboard.press('Enter')
  await confirmWithKeyboard(page, `Redeploy ${name}?`, 'Redeploy')
  await expect(page.getByText(`Redeployed ${name}`)).toBeVisible()
})

test('? shows the cheat sheet, g a goes to Applications, / focuses the filter and g typed there stays there', async ({
  page,
}) => {
  await signInAs(page, 'Operator')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()

  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByText('Go to Client applications')).toBeVisible()
  // Behind a dialog no single key acts.
  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/\/servers/)
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/\/applications$/)
  const filter = page.getByRole('searchbox', { name: 'Filter applications' })
  await expect(filter).toBeVisible()

  await page.keyboard.press('/')
  await expect(filter).toBeFocused()
  await page.keyboard.type('gs')
  await expect(filter).toHaveValue('gs')
  await page.waitForTimeout(400)
  await expect(page).toHaveURL(/\/applications\?q=gs$/)
})

test('the palette returns focus to its button, and switches the theme', async ({ page }) => {
  await signInAs(page, 'Operator')
  const button = page.getByRole('button', { name: PALETTE })
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Meta+K Control+K')
  await button.click()
  await expect(palette(page)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(button).toBeFocused()

  await button.press('Enter')
  await page.keyboard.type('theme dark')
  await page.keyboard.press('Enter')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(button).toBeFocused()
})

test('the palette, open with results, has no serious accessibility violations in both themes', async ({
  page,
}) => {
  // Two full axe runs.
  test.slow()
  await signInAs(page, 'Administrator')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.keyboard.press('Control+k')
    await expect(palette(page)).toBeFocused()
    await page.keyboard.type('prd')
    await expect(page.getByRole('group', { name: /^Servers/ })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await page.keyboard.press('Escape')
    await expect(palette(page)).toBeHidden()
  }
})
