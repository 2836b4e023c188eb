import {
  atOrBelow,
  expect,
  expectNoSeriousA11yViolations,
  SECTION_NAMES,
  sections,
  signInAs,
  test,
} from './fixtures.ts'

test('sign-in page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/signin')
  await expect(page.getByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('servers list, in both themes, has no serious accessibility violations', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('every area and its first item, in the dark theme, has no serious accessibility violations', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await page.emulateMedia({ colorScheme: 'dark' })
  await signInAs(page, 'Administrator')
  const nav = sections(page)
  for (const area of SECTION_NAMES) {
    const link = nav.getByRole('link', { name: area, exact: true })
    const path = new URL((await link.getAttribute('href')) ?? '', page.url()).pathname
    await link.click()
    await expect.poll(() => atOrBelow(page, path)).toBe(true)
    await expect(page.getByRole('heading', { level: 1, name: area })).toBeVisible()
    await page.waitForLoadState('networkidle')
    await expectNoSeriousA11yViolations(page)
    const first = page.locator('main table a[href*="/"]').first()
    if (await first.isVisible()) {
      const item = new URL((await first.getAttribute('href')) ?? '', page.url()).pathname
      await first.click()
      await expect.poll(() => new URL(page.url()).pathname).toBe(item)
      await expect(page.locator('main h1').first()).toBeVisible()
      await page.waitForLoadState('networkidle')
      await expectNoSeriousA11yViolations(page)
    }
  }
})

test('server page and its unregister dialog have no serious accessibility violations', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw')
  await page.getByRole('table', { name: 'Servers' }).getByRole('link').first().click()
  await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Unregister…' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('register dialog and not-found page have no serious accessibility violations', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('button', { name: 'Register server' }).click()
  await expect(
    page
      .getByRole('dialog', { name: 'Register a server' })
      .getByLabel('Registration token', { exact: true }),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.goto('/nowhere')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the servers list works by keyboard: filter, sort, open a server', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).focus()
  await page.keyboard.type('prd-gw')
  await page.getByRole('button', { name: /^Status/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('columnheader', { name: /Status/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  const link = page.getByRole('table', { name: 'Servers' }).getByRole('link').first()
  const name = await link.innerText()
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible()
})
