import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  setFaults,
  signInAs,
  test,
  stopApplication,
  firstStartedOnServerLink,
} from './fixtures.ts'

/** Who the demo's Administrator is, as the audit trail records the operator. */
const OPERATOR = 'ada.lovelace'

async function openSection(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name, exact: true })
    .click()
}

function recentActivity(page: Page): Locator {
  return page.getByRole('region', { name: 'Recent activity' })
}

/** The panel's row for a change, by the start of its words. */
function panelRow(page: Page, words: string): Locator {
  return recentActivity(page).getByRole('listitem').filter({ hasText: words })
}

function activityEntries(page: Page): Locator {
  return page.getByRole('list', { name: 'Activity entries' }).getByRole('listitem')
}

test('changes made through the console are on the Activity page, the resource pages and the CSV', async ({
  page,
}) => {
  // Five changes across three APIs, one of them followed to the end of its transaction.
  test.setTimeout(120_000)
  await signInAs(page, 'Administrator')

  // 1. Stop and start an application; then a stop that fails (injected by the demo).
  await openSection(page, 'Applications')
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  const appLink = await firstStartedOnServerLink(page)
  const appName = await appLink.innerText()
  await appLink.click()
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(appName) })
  await expect(heading).toContainText('Started')
  await expect(recentActivity(page)).toContainText('No change made through the console')
  await stopApplication(page, appName)
  await expect(heading).toContainText('Stopped', { timeout: 15_000 })
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(heading).toContainText('Started', { timeout: 15_000 })
  await setFaults(page, { failMatching: 'PATCH /hybrid/api/v1/applications/' })
  const stop = await stopApplication(page, appName)
  await expect(stop.getByRole('alert')).toContainText('Injected failure')
  await stop.getByRole('button', { name: 'Cancel' }).click()
  await setFaults(page, { failMatching: '' })

  await expect(recentActivity(page).getByRole('listitem')).toHaveCount(3)
  const stopWords = `stop application ${appName} on `
  const startWords = `start application ${appName} on `
  await expect(panelRow(page, startWords)).toContainText('Succeeded')
  await expect(panelRow(page, startWords)).toContainText(OPERATOR)
  await expect(panelRow(page, stopWords).filter({ hasText: 'Failed' })).toHaveCount(1)
  await expect(panelRow(page, stopWords).filter({ hasText: 'Succeeded' })).toHaveCount(1)

  // 2. A device application change, queued and followed to the end of its transaction.
  await openSection(page, 'Devices')
  await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible({ timeout: 20_000 })
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('max.weber')
  await page
    .getByRole('table', { name: 'Devices' })
    .getByRole('link', { name: "Max's Galaxy S23", exact: true })
    .click()
  await page.getByRole('radio', { name: 'Queue and follow the transaction' }).check()
  const wallet = page.getByRole('switch', { name: 'AcmeWallet' })
  await expect(wallet).not.toBeChecked()
  await wallet.click()
  await expect(wallet).toBeChecked({ timeout: 15_000 })
  const deviceWords = "enable AcmeWallet on device Max's Galaxy S23"
  await expect(panelRow(page, deviceWords)).toContainText('Succeeded', { timeout: 20_000 })

  // 3. A client application edit.
  await openSection(page, 'Client applications')
  const clientLink = page
    .getByRole('table', { name: 'Client applications' })
    .getByRole('link')
    .first()
  const clientName = await clientLink.innerText()
  await clientLink.click()
  await page.getByRole('button', { name: 'Edit' }).click()
  const editor = page.getByRole('region', { name: 'Edit application' })
  await editor.getByLabel('Description (optional)').fill('Edited for the audit trail')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(
    'Edited for the audit trail',
  )
  const editWords = `edit client application ${clientName}`
  await expect(panelRow(page, editWords)).toContainText('Succeeded')

  // The Activity page: every change, newest first, with its operator and outcome.
  await openSection(page, 'Activity')
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
  const entries = activityEntries(page)
  await expect(entries).toHaveCount(5)
  await expect(entries.nth(0)).toContainText(editWords)
  await expect(entries.nth(1)).toContainText(deviceWords)
  await expect(entries.nth(2)).toContainText(stopWords)
  await expect(entries.nth(2)).toContainText('Failed')
  await expect(entries.nth(3)).toContainText(startWords)
  await expect(entries.nth(4)).toContainText(stopWords)
  for (let i = 0; i < 5; i++) await expect(entries.nth(i)).toContainText(`by ${OPERATOR}`)
  for (const i of [0, 1, 3, 4]) await expect(entries.nth(i)).toContainText('Succeeded')

  // An entry opens to its outcome, the request as curl (no credential) and its resource.
  await entries.nth(2).getByText(stopWords).click()
  await expect(entries.nth(2)).toContainText('HTTP 500: Injected failure')
  const curl = entries.nth(2).getByLabel('The recorded request as a curl command')
  await expect(curl).toContainText('curl -X PATCH')
  await expect(curl).toContainText('Bearer $TOKEN')
  await expect(curl).toContainText('{"desiredStatus":"STOPPED"}')
  await expect(curl).not.toContainText('demo.')
  await expect(
    entries.nth(2).getByRole('link', { name: `Open application ${appName}` }),
  ).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Filters live in the URL and survive a reload.
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('failure')
  await expect(entries).toHaveCount(1)
  await expect(page).toHaveURL(/outcome=failure/)
  await page.reload()
  await expect(activityEntries(page)).toHaveCount(1)
  await expect(activityEntries(page).first()).toContainText(stopWords)
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('')
  await expect(entries).toHaveCount(5)

  // The CSV export holds the same rows.
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const file = await (await download).path()
  const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines).toHaveLength(6)
  expect(lines[0]).toMatch(/^time,operator,/)
  const expected = [editWords, deviceWords, stopWords, startWords, stopWords]
  expected.forEach((words, i) => {
    expect(lines[i + 1]).toContain(`,${OPERATOR},`)
    expect(lines[i + 1]).toContain(words)
  })
  expect(lines[3]).toContain(',failure,500,')
  expect(lines[2]).toContain(',success,')
})
