import type { Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  signInAs,
  signInFamilyInPlace,
  test,
  type Role,
  confirmInDialog,
  confirmByTyping,
} from './fixtures.ts'
import { LIVE_URL } from './ports.ts'

async function openDevices(page: Page, role: Role = 'Administrator', path = '/') {
  await signInAs(page, role, path)
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Devices' })
    .click()
  // The demo generates a runtime's devices on its first request: 50,000 take a moment.
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible({ timeout: 20_000 })
}

/** Searches for `query` and opens the device called `name`. */
async function openDevice(page: Page, query: string, name: string) {
  await page.getByRole('searchbox', { name: 'Search devices' }).fill(query)
  await page
    .getByRole('table', { name: 'Devices' })
    .getByRole('link', { name, exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible()
}

function deviceRows(page: Page) {
  // The header row is a row too; data rows are the ones with a device link.
  return page
    .getByRole('table', { name: 'Devices' })
    .getByRole('row')
    .filter({
      has: page.getByRole('link'),
    })
}

test('search and sort devices on the server, page by bookmark, and keep it all across a reload', async ({
  page,
}) => {
  await openDevices(page)
  await expect(page).toHaveURL(/\/devices\/mfp$/)
  await expect(page.getByText('320 devices in runtime mfp')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: '1–100 of 320' })).toBeVisible()

  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('status').filter({ hasText: '101–200 of 320' })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search devices' }).fill('LENA.fischer')
  await expect(page.getByText('3 matching devices in runtime mfp')).toBeVisible()
  await expect(deviceRows(page)).toHaveCount(3)
  await page.getByRole('button', { name: /Last access/ }).click()
  await expect(deviceRows(page).first()).toContainText("Lena's Pixel 6")
  await page.getByRole('button', { name: /Last access/ }).click()
  await expect(deviceRows(page).first()).toContainText("Lena's iPhone 15")
  await expect(page).toHaveURL(/q=LENA.fischer/)
  await expect(page).toHaveURL(/sort=-lastAccessed/)
  await expect(page).not.toHaveURL(/page=/)

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Search devices' })).toHaveValue('LENA.fischer')
  await expect(deviceRows(page)).toHaveCount(3)
  await expect(deviceRows(page).nth(0)).toContainText("Lena's iPhone 15")
  await expect(deviceRows(page).nth(1)).toContainText("Lena's iPad Air")
  await expect(deviceRows(page).nth(2)).toContainText("Lena's Pixel 6")
  await expect(page.getByRole('columnheader', { name: /Last access/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )

  await page.getByRole('combobox', { name: 'Runtime' }).selectOption('mfp-staging')
  await expect(page).toHaveURL(/\/devices\/mfp-staging$/)
  await expect(page.getByText('48 devices in runtime mfp-staging')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('disable an application synchronously: the switch and the transaction agree', async ({
  page,
}) => {
  await openDevices(page, 'Operator')
  await openDevice(page, 'max.weber', "Max's Galaxy S23")
  const apps = page.getByRole('table', { name: 'Applications on this device' })
  await expect(apps.getByRole('row').filter({ hasText: 'AcmeBank' })).toContainText('Android')
  await expect(apps.getByRole('row').filter({ hasText: 'AcmeBank' })).toContainText('2.1.0')
  const bank = page.getByRole('switch', { name: 'AcmeBank' })
  await expect(bank).toBeChecked()
  await expect(page.getByRole('radio', { name: 'Wait for the result' })).toBeChecked()
  await bank.click()
  await confirmInDialog(page, "Disable AcmeBank on Max's Galaxy S23?", 'Disable')
  await expect(page.getByText("Disabled AcmeBank on Max's Galaxy S23")).toBeVisible()
  await expect(bank).not.toBeChecked()
  const txs = page.getByRole('table', { name: 'Transactions of this device' })
  const row = txs.getByRole('row').filter({ hasText: 'AcmeBank → Disabled on this device' })
  await expect(row).toContainText('Succeeded')
  await expect(row).toContainText('otto.neumann')

  await page.reload()
  await expect(page.getByRole('switch', { name: 'AcmeBank' })).not.toBeChecked()
  await expectNoSeriousA11yViolations(page)
})

test('enable an application asynchronously and watch its transaction finish', async ({ page }) => {
  // Transactions take seconds to finish (and 50,000 devices to generate): more room on a busy machine.
  test.slow()
  await openDevices(page, 'Operator')
  await openDevice(page, 'max.weber', "Max's Galaxy S23")
  const wallet = page.getByRole('switch', { name: 'AcmeWallet' })
  await expect(wallet).not.toBeChecked()
  await page.getByRole('radio', { name: 'Queue and follow the transaction' }).check()
  await wallet.click()
  // Enabling is not confirmed (ADR 028).
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const pending = page
    .getByRole('table', { name: 'Applications on this device' })
    .getByRole('row')
    .filter({ hasText: 'AcmeWallet' })
  await expect(
    page.getByText("Sent enable for AcmeWallet on Max's Galaxy S23; checking the result"),
  ).toBeVisible()
  await expect(pending).toContainText(/Enabling · transaction \d+/)
  await expect(pending).toContainText(/Pending|Preparing|Committing/)
  // Not yet: the association changes only when the transaction succeeds.
  await expect(wallet).not.toBeChecked()
  await expect(wallet).toBeChecked({ timeout: 15_000 })
  await expect(page.getByText(/^Enabled AcmeWallet on \S+$/)).toBeVisible()
  const row = page
    .getByRole('table', { name: 'Transactions of this device' })
    .getByRole('row')
    .filter({ hasText: 'AcmeWallet → Enabled on this device' })
  await expect(row).toContainText('Succeeded')
})

test('a failing transaction shows its details and never passes for a success', async ({ page }) => {
  // Transactions take seconds to finish (and 50,000 devices to generate): more room on a busy machine.
  test.slow()
  await openDevices(page, 'Administrator')
  await openDevice(page, 'lena.fischer', "Lena's Pixel 6")
  const bank = page.getByRole('switch', { name: 'AcmeBank' })
  await expect(bank).toBeChecked()

  // Synchronously: the answer is a FAILURE, shown inline with the server's details.
  await bank.click()
  await confirmInDialog(page, "Disable AcmeBank on Lena's Pixel 6?", 'Disable')
  const alert = page.getByRole('alert').filter({ hasText: 'Disabling AcmeBank failed' })
  await expect(alert).toContainText(/transaction \d+ failed/)
  await expect(alert).toContainText('AcmeBank 1.9.0 (Android) is no longer deployed')
  await expect(bank).toBeChecked()

  // Queued: followed to its end, then FAILURE with the same details in the panel.
  await page.getByRole('radio', { name: 'Queue and follow the transaction' }).check()
  await bank.click()
  await confirmInDialog(page, "Disable AcmeBank on Lena's Pixel 6?", 'Disable')
  await expect(page.getByText(/^Couldn't disable AcmeBank on \S+: AcmeBank 1.9.0/)).toBeVisible({
    timeout: 15_000,
  })
  const failures = page
    .getByRole('table', { name: 'Transactions of this device' })
    .getByRole('row')
    .filter({ hasText: 'Failed' })
  await expect(failures).toHaveCount(2)
  // Each failure's errors are a line of their own under it.
  await expect(
    page
      .getByRole('table', { name: 'Transactions of this device' })
      .getByRole('row')
      .filter({ hasText: 'Errors: AcmeBank 1.9.0 (Android) is no longer deployed on runtime' }),
  ).toHaveCount(2)
  await expect(
    page
      .getByRole('table', { name: 'Transactions of this device' })
      .getByRole('row')
      .filter({ hasText: 'AcmeBank → Disabled on this device' })
      .filter({ hasText: 'Succeeded' }),
  ).toHaveCount(0)
  await expect(bank).toBeChecked()

  await page.getByRole('checkbox', { name: 'Failed and canceled only' }).check()
  await expect(page).toHaveURL(/tx=errors/)
})

test('bulk: disable one application on every device of a user, with one failure', async ({
  page,
}) => {
  // Transactions take seconds to finish (and 50,000 devices to generate): more room on a busy machine.
  test.slow()
  await openDevices(page, 'Operator')
  await page.getByRole('button', { name: 'Change an app for a user…' }).click()
  const dialog = page.getByRole('dialog', {
    name: 'Change an application on every device of a user',
  })
  await dialog.getByLabel('User id').fill('lena.fischer')
  await dialog.getByRole('button', { name: 'Find devices' }).click()
  await expect(dialog.getByText(/3 devices of lena.fischer/)).toBeVisible()
  await expect(dialog.getByLabel('Application')).toHaveValue('AcmeBank')
  await expect(dialog.getByLabel('New status')).toHaveValue('DISABLED')
  await expect(
    dialog.getByRole('radio', { name: 'Queue and follow the transaction' }),
  ).toBeChecked()
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('async=true')
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('"status":"DISABLED"')
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('locale=en_US')
  await expectNoSeriousA11yViolations(page)
  await dialog.getByRole('button', { name: 'Disable AcmeBank on 3 devices' }).click()

  const results = page.getByRole('dialog', { name: 'Disable AcmeBank: results' })
  await expect(results).toBeVisible({ timeout: 20_000 })
  await expect(results.getByRole('status')).toHaveText(
    'Disable AcmeBank: 2 of 3 succeeded, 1 failed.',
  )
  const list = results.getByRole('list', { name: 'Result per item' })
  await expect(list.getByRole('listitem').first()).toContainText("Lena's Pixel 6")
  await expect(list.getByRole('listitem').first()).toContainText('is no longer deployed')
  await expect(list.getByRole('listitem').filter({ hasText: 'Succeeded' })).toHaveCount(2)
  // One message per action: the results, no toast (none per transaction either).
  await expect(
    page.getByText(/^(Disabled|Couldn't disable|Sent disable for) AcmeBank/),
  ).toHaveCount(0)
  await results.getByRole('button', { name: 'Close' }).first().click()

  await openDevice(page, 'lena.fischer', "Lena's iPhone 15")
  await expect(page.getByRole('switch', { name: 'AcmeBank' })).not.toBeChecked()
})

test('bulk on selected devices enables an application on each', async ({ page }) => {
  await openDevices(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('max.weber')
  await page.getByRole('checkbox', { name: "Select Max's Galaxy S23" }).check()
  await page.getByRole('button', { name: 'Enable or disable an app…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change an application on 1 device' })
  await dialog.getByLabel('Application').selectOption('AcmeWallet')
  await dialog.getByLabel('New status').selectOption('ENABLED')
  await dialog.getByRole('radio', { name: 'Wait for the result' }).check()
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('async=false')
  await dialog.getByRole('button', { name: 'Enable AcmeWallet on 1 device' }).click()
  // All succeeded: one toast, and the dialog closes without results.
  await expect(page.getByText("Enabled AcmeWallet on Max's Galaxy S23")).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('device status and removal are confirmed with the exact request', async ({ page }) => {
  await openDevices(page, 'Administrator')
  await openDevice(page, 'jonas.becker', 'Branch 12 iPad Pro')
  await page.getByRole('button', { name: 'Mark stolen…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Mark stolen: Branch 12 iPad Pro?' })
  const curl = dialog.getByLabel('Request as a curl command')
  await expect(curl).toContainText('-X PUT')
  await expect(curl).toContainText('/mfpadmin/management-apis/2.0/runtimes/mfp/devices/')
  await expect(curl).toContainText('"status":"STOLEN"')
  await expect(dialog.getByLabel(/to confirm$/)).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Mark stolen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Stolen')
  await expect(page.getByRole('button', { name: 'Mark stolen…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )

  await page.getByRole('button', { name: 'Remove device…' }).click()
  const remove = page.getByRole('dialog', { name: 'Remove Branch 12 iPad Pro?' })
  await expect(remove.getByLabel('Request as a curl command')).toContainText('-X DELETE')
  await confirmByTyping(page, 'Remove Branch 12 iPad Pro?', 'Branch 12 iPad Pro', 'Remove device')
  await expect(page.getByText('Removed device Branch 12 iPad Pro')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('Branch 12')
  await expect(page.getByRole('heading', { name: 'No device matches “Branch 12”' })).toBeVisible()
})

test('Monitor sees the switches and actions disabled, with the reason', async ({ page }) => {
  await openDevices(page, 'Monitor')
  await expect(page.getByRole('button', { name: 'Change an app for a user…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await openDevice(page, 'lena.fischer', "Lena's iPhone 15")
  const bank = page.getByRole('switch', { name: 'AcmeBank' })
  await expect(bank).toHaveAttribute('aria-disabled', 'true')
  await expect(bank).toHaveAccessibleDescription(/mfpmonitor may only read/)
  await expect(page.getByRole('note')).toContainText('Read only')
  await bank.click({ force: true })
  await expect(bank).toBeChecked()
  await expect(page.getByRole('button', { name: 'Remove device…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await expectNoSeriousA11yViolations(page)
})

test('the large fleet pages through 50,000 devices and searches them on the server', async ({
  page,
}) => {
  // Transactions take seconds to finish (and 50,000 devices to generate): more room on a busy machine.
  test.slow()
  await openDevices(page, 'Administrator', '/?fleet=large')
  await expect(page.getByText('50,000 devices in runtime mfp')).toBeVisible()
  await page.getByRole('button', { name: /Last access/ }).click()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('status').filter({ hasText: '101–200 of 50,000' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('lena.fischer')
  await expect(deviceRows(page)).toHaveCount(3)
})

test('live mode: devices and a status change go through the same-origin proxy', async ({
  page,
}) => {
  // No reset: the live backend is shared with other journeys running at the same time
  // (a reset would delete what they created). The switch is turned to the other state.
  const calls: string[] = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/mfpadmin/')) calls.push(`${r.method()} ${url.origin}`)
  })
  await page.goto(`${LIVE_URL}/signin`)
  await page.getByLabel('Client ID').fill('demo-operator')
  await page.getByLabel('Client secret').fill('demo-operator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Devices' })
    .click()
  // MobileFirst has its own users: its pages ask for its sign-in in place (ADR 014).
  await signInFamilyInPlace(page, 'MobileFirst', 'demo-operator', 'demo-operator-secret')
  await expect(page.getByText('320 devices in runtime mfp')).toBeVisible()
  await openDevice(page, 'max.weber', "Max's Galaxy S23")
  const acmeBank = page.getByRole('switch', { name: 'AcmeBank' })
  const wasOn = await acmeBank.isChecked()
  await acmeBank.click()
  if (wasOn) await confirmInDialog(page, /^Disable AcmeBank on /, 'Disable')
  await expect(acmeBank).toBeChecked({ checked: !wasOn })
  expect(calls).toContain(`PUT ${LIVE_URL}`)
  for (const call of calls) expect(call).toContain(LIVE_URL)
})
