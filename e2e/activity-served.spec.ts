import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import {
  expect,
  sections,
  signInFamilyInPlace,
  test,
  zipArtifact,
  stopApplication,
  confirmInDialog,
} from './fixtures.ts'
import { BACKEND_URL, E2E_PORTS, LIVE_URL } from './ports.ts'
import { isolateText } from '../src/lib/isolate-text.ts'

/**
 * Issue 13 through the production server: the live build served by `npm run serve` (the
 * `live console`) in front of the HTTP demo backend, which other journeys use at the same
 * time. Everything this journey changes is its own (a deployed application, a client
 * application, a device switch no other live journey turns), every Activity view is
 * filtered to it, and the backend is never reset.
 */

/** The demo identities this journey signs in with, one per family. */
const ARM = { clientId: 'demo-administrator', clientSecret: 'demo-administrator-secret' }
const MFP = { user: 'demo-operator', password: 'demo-operator-secret' }
const STORE = { user: 'demo-administrator', password: 'demo-administrator-secret' }

/** The live console's audit trail (playwright.config.ts: AUDIT_DB per live port). */
const AUDIT_DB = `.e2e-data/audit-${E2E_PORTS.live}.sqlite`

function recentActivity(page: Page): Locator {
  return page.getByRole('region', { name: 'Recent activity' })
}

function panelRow(page: Page, words: string): Locator {
  return recentActivity(page).getByRole('listitem').filter({ hasText: words })
}

function activityEntries(page: Page): Locator {
  return page.getByRole('list', { name: 'Activity entries' }).getByRole('listitem')
}

/** The Runtime Manager username of the client this journey signs in with, from the backend. */
async function armUsername(request: APIRequestContext): Promise<string> {
  const token = await request.post(`${BACKEND_URL}/accounts/api/v2/oauth2/token`, {
    form: {
      client_id: ARM.clientId,
      client_secret: ARM.clientSecret,
      grant_type: 'client_credentials',
    },
  })
  expect(token.ok()).toBe(true)
  const { access_token: accessToken } = await token.json()
  const me = await request.get(`${BACKEND_URL}/accounts/api/me`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  })
  const body: { user: { username: string } } = await me.json()
  return body.user.username
}

/** Opens the Activity page filtered by a resource name (typed, applied with Enter). */
async function activityFor(page: Page, resourceName: string): Promise<Locator> {
  await sections(page).getByRole('link', { name: 'Activity', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
  const search = page.getByRole('searchbox', { name: 'Resource name' })
  await search.fill(resourceName)
  await search.press('Enter')
  await expect(page).toHaveURL(/[?&]q=/)
  return activityEntries(page)
}

/** The audit database and its write-ahead log, as bytes in one string (latin1 keeps every byte). */
async function auditFileBytes(): Promise<string> {
  const parts = await Promise.all(
    ['', '-wal'].map((suffix) => readFile(`${AUDIT_DB}${suffix}`).catch(() => Buffer.alloc(0))),
  )
  return Buffer.concat(parts).toString('latin1')
}

test('served console: each change is on the Activity page, the resource pages and the CSV, and no secret is in the audit file', async ({
  page,
}) => {
  // Three sign-ins, a deploy that settles, five changes across three APIs on a shared
  // backend, two machines' worth of servers on two cores: give it room.
  test.setTimeout(240_000)
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
  const appName = `audit-served-${tag}`
  const clientName = `Audit served ${tag}`
  const armUser = await armUsername(page.request)

  // Runtime Manager: the sign-in page.
  await page.goto(`${LIVE_URL}/signin`)
  await page.getByLabel('Client ID').fill(ARM.clientId)
  await page.getByLabel('Client secret').fill(ARM.clientSecret)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible({ timeout: 30_000 })

  // 1. Deploy a small real artifact under a name of our own.
  await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const deploy = page.getByRole('dialog', { name: 'Deploy an application' })
  await deploy.getByLabel('Artifact file').setInputFiles({
    name: 'audit-served-1.0.0-mule-application.jar',
    mimeType: 'application/java-archive',
    buffer: zipArtifact(),
  })
  await deploy.getByLabel('Application name').fill(appName)
  await deploy
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await deploy.getByRole('button', { name: 'Deploy', exact: true }).click()
  const heading = page.getByRole('heading', { level: 1, name: new RegExp(appName) })
  await expect(heading).toBeVisible({ timeout: 30_000 })
  await expect(heading).toContainText('Started', { timeout: 60_000 })

  // 2. Stop it, then start it again.
  await stopApplication(page, appName)
  await expect(heading).toContainText('Stopped', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Start', exact: true }).click()
  await expect(heading).toContainText('Started', { timeout: 30_000 })

  // 3. A stop the backend fails (a counted fault rule on the HTTP demo backend, for this
  //    application only, so no other journey meets it).
  const applicationUrl = page.url()
  const appId = applicationUrl.split('?')[0]?.split('/').pop() ?? ''
  expect(appId).toMatch(/^\d+$/)
  const set = await page.request.post(`${BACKEND_URL}/__demo/faults`, {
    data: {
      rules: [
        { matching: `PATCH /hybrid/api/v1/applications/${appId}`, effect: 'fail-503', times: 1 },
      ],
    },
  })
  expect(set.ok()).toBe(true)
  try {
    const stop = await stopApplication(page, appName)
    await expect(stop.getByRole('alert')).toContainText('Stop failed', { timeout: 30_000 })
    await stop.getByRole('button', { name: 'Cancel' }).click()
    await expect(heading).toContainText('Started')
  } finally {
    // Used up when the stop failed; if it was not (the test failed before), take out our
    // rule alone, leaving other journeys' rules in force.
    const ours = `PATCH /hybrid/api/v1/applications/${appId}`
    const now: { rules: Array<{ matching: string }> } = await (
      await page.request.get(`${BACKEND_URL}/__demo/faults`)
    ).json()
    if (now.rules.some((r) => r.matching === ours))
      await page.request.post(`${BACKEND_URL}/__demo/faults`, {
        data: { rules: now.rules.filter((r) => r.matching !== ours) },
      })
  }

  const deployWords = `deploy application ${appName} on prd-gw-ap-south-01`
  const stopWords = `stop application ${appName} on prd-gw-ap-south-01`
  const startWords = `start application ${appName} on prd-gw-ap-south-01`
  await expect(recentActivity(page).getByRole('listitem')).toHaveCount(4, { timeout: 20_000 })
  for (const words of [deployWords, startWords]) {
    await expect(panelRow(page, words)).toHaveCount(1)
    await expect(panelRow(page, words)).toContainText('Succeeded')
    await expect(panelRow(page, words)).toContainText(`by ${armUser}`)
  }
  await expect(panelRow(page, stopWords).filter({ hasText: 'Succeeded' })).toHaveCount(1)
  await expect(panelRow(page, stopWords).filter({ hasText: 'Failed' })).toHaveCount(1)

  // 4. MobileFirst: a device application switch, signed in in place as its own user.
  await sections(page).getByRole('link', { name: 'Devices', exact: true }).click()
  await signInFamilyInPlace(page, 'MobileFirst', MFP.user, MFP.password)
  const devices = page.getByRole('table', { name: 'Devices' })
  await expect(devices).toBeVisible({ timeout: 30_000 })
  await page.getByRole('searchbox', { name: 'Search devices' }).fill('lena.fischer')
  await devices.getByRole('link', { name: "Lena's iPhone 15", exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Lena's iPhone 15/ })).toBeVisible()
  // Turned to the other state, as the live devices journey does (no reset of the backend).
  const acmeBank = page.getByRole('switch', { name: 'AcmeBank', exact: true })
  await expect(acmeBank).toBeEnabled()
  const wasOn = await acmeBank.isChecked()
  await acmeBank.click()
  // Disabling asks first (ADR 028); enabling does not.
  if (wasOn) await confirmInDialog(page, /^Disable AcmeBank on /, 'Disable')
  await expect(acmeBank).toBeChecked({ checked: !wasOn, timeout: 30_000 })
  const deviceWords = `${wasOn ? 'disable' : 'enable'} AcmeBank on device Lena's iPhone 15`
  const deviceRow = recentActivity(page).getByRole('listitem').first()
  await expect(deviceRow).toContainText(deviceWords, { timeout: 20_000 })
  await expect(deviceRow).toContainText(`by ${MFP.user}`)
  await expect(deviceRow).toContainText('Succeeded')

  // 5. API Store: create an application of our own, edit it, generate its keys; then a
  //    second one with the same name, which the backend refuses (the failed change).
  await sections(page).getByRole('link', { name: 'Client applications', exact: true }).click()
  await signInFamilyInPlace(page, 'API Store', STORE.user, STORE.password)
  await expect(page.getByRole('table', { name: 'Client applications' })).toBeVisible({
    timeout: 30_000,
  })
  const clientListUrl = page.url()
  await page.getByRole('button', { name: 'Create application' }).click()
  const create = page.getByRole('dialog', { name: 'Create a client application' })
  await create.getByLabel('Name').fill(clientName)
  // Bronze is approved at once.
  await create.getByLabel('Throttling tier').selectOption('Bronze')
  await create.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(clientName) })).toBeVisible({
    timeout: 30_000,
  })
  const clientUrl = page.url()
  await page.getByRole('button', { name: 'Edit' }).click()
  const editor = page.getByRole('region', { name: 'Edit application' })
  await editor.getByLabel('Description (optional)').fill('Edited through the served console')
  await editor.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(
    'Edited through the served console',
  )

  await page.getByRole('button', { name: 'Generate production keys…' }).click()
  const generate = page.getByRole('dialog', {
    name: `Generate production keys for ${clientName}`,
  })
  await generate.getByRole('button', { name: 'Generate keys' }).click()
  const shown = page.getByRole('dialog', { name: `New production keys for ${clientName}` })
  const consumerSecret = await shown.getByLabel('Consumer secret', { exact: true }).innerText()
  const consumerKey = await shown.getByLabel('Consumer key', { exact: true }).innerText()
  expect(consumerSecret.length).toBeGreaterThan(10)
  await shown.getByRole('button', { name: 'I have copied them: close' }).click()

  const editWords = `edit client application ${clientName}`
  const keysWords = `generate production keys for client application ${clientName}`
  const createWords = `create client application ${clientName}`
  for (const words of [createWords, editWords, keysWords]) {
    await expect(panelRow(page, words)).toHaveCount(1, { timeout: 20_000 })
    await expect(panelRow(page, words)).toContainText('Succeeded')
    await expect(panelRow(page, words)).toContainText(`by ${STORE.user}`)
  }

  await page.goto(clientListUrl)
  await page.getByRole('button', { name: 'Create application' }).click()
  const duplicate = page.getByRole('dialog', { name: 'Create a client application' })
  await duplicate.getByLabel('Name').fill(clientName)
  await duplicate.getByLabel('Throttling tier').selectOption('Bronze')
  await duplicate.getByRole('button', { name: 'Create' }).click()
  const refusal = `An application named '${clientName}' already exists.`
  await expect(duplicate.getByText(refusal).first()).toBeVisible()
  await duplicate.getByRole('button', { name: 'Cancel' }).click()

  // The Activity page, filtered to each resource: who, what, and how it ended.
  const appEntries = await activityFor(page, appName)
  await expect(appEntries).toHaveCount(4)
  await expect(appEntries.nth(0)).toContainText(stopWords)
  await expect(appEntries.nth(0)).toContainText('Failed')
  await expect(appEntries.nth(1)).toContainText(startWords)
  await expect(appEntries.nth(2)).toContainText(stopWords)
  await expect(appEntries.nth(3)).toContainText(deployWords)
  for (let i = 0; i < 4; i++) await expect(appEntries.nth(i)).toContainText(`by ${armUser}`)
  for (let i = 1; i < 4; i++) await expect(appEntries.nth(i)).toContainText('Succeeded')
  await appEntries.nth(0).getByText(stopWords).click()
  await expect(appEntries.nth(0)).toContainText('HTTP 503')
  // The deploy names its artifact (file name, size, checksum), never its bytes.
  await appEntries.nth(3).getByText(deployWords).click()
  await expect(appEntries.nth(3)).toContainText('audit-served-1.0.0-mule-application.jar')

  const deviceEntries = await activityFor(page, "Lena's iPhone 15")
  await expect(deviceEntries.first()).toContainText(deviceWords)
  await expect(deviceEntries.first()).toContainText(`by ${MFP.user}`)
  await expect(deviceEntries.first()).toContainText('Succeeded')

  const clientEntries = await activityFor(page, clientName)
  await expect(clientEntries).toHaveCount(4)
  const failed = clientEntries.filter({ hasText: 'Failed' })
  await expect(failed).toHaveCount(1)
  await expect(clientEntries.nth(0)).toContainText(createWords)
  await expect(clientEntries.nth(0)).toContainText('Failed')
  await expect(clientEntries.nth(1)).toContainText(keysWords)
  await expect(clientEntries.nth(2)).toContainText(editWords)
  await expect(clientEntries.nth(3)).toContainText(createWords)
  for (let i = 0; i < 4; i++) await expect(clientEntries.nth(i)).toContainText(`by ${STORE.user}`)
  await clientEntries.nth(0).getByText(createWords).click()
  await expect(clientEntries.nth(0)).toContainText(`HTTP 409: ${refusal}`)
  // A refused create made no resource, so no resource page shows it; the others are on
  // the application's own page.
  await page.goto(clientUrl)
  await expect(recentActivity(page).getByRole('listitem')).toHaveCount(3)
  await expect(panelRow(page, editWords)).toContainText('Succeeded')

  // The CSV export (the page's link, fetched with the page's cookies) holds the same rows.
  const csvRows = async (resourceName: string) => {
    await activityFor(page, resourceName)
    // The link follows the filter once the page has re-rendered: wait for it, then read it.
    const link = page.getByRole('link', { name: 'Export CSV' })
    const query = new URLSearchParams({ q: resourceName }).toString()
    await expect(link).toHaveAttribute(
      'href',
      new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    )
    const href = await link.getAttribute('href')
    const answer = await page.request.get(new URL(href ?? '', LIVE_URL).toString())
    expect(answer.status()).toBe(200)
    expect(answer.headers()['content-type']).toContain('text/csv')
    const lines = (await answer.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toMatch(/^time,operator,/)
    return lines.slice(1)
  }
  const appCsv = await csvRows(appName)
  expect(appCsv).toHaveLength(4)
  ;[stopWords, startWords, stopWords, deployWords].forEach((words, i) => {
    expect(appCsv[i]).toContain(`,${armUser},`)
    expect(appCsv[i]).toContain(words)
    expect(appCsv[i]).toContain(i === 0 ? ',failure,503,' : ',success,')
  })
  const clientCsv = await csvRows(clientName)
  expect(clientCsv).toHaveLength(4)
  expect(clientCsv[0]).toContain(',failure,409,')
  expect(clientCsv[0]).toContain(refusal)
  ;[createWords, keysWords, editWords, createWords].forEach((words, i) => {
    expect(clientCsv[i]).toContain(`,${STORE.user},`)
    expect(clientCsv[i]).toContain(words)
  })
  const deviceCsv = await csvRows("Lena's iPhone 15")
  expect(deviceCsv[0]).toContain(deviceWords)
  expect(deviceCsv[0]).toContain(`,${MFP.user},`)
  // Without the page's session cookie, the export is refused.
  const anonymous = await fetch(`${LIVE_URL}/console-api/audit/export.csv`)
  expect(anonymous.status).toBe(401)

  // No secret in the database file or its write-ahead log, once the entries are written.
  await expect
    .poll(async () => (await auditFileBytes()).includes(keysWords), { timeout: 15_000 })
    .toBe(true)
  const bytes = await auditFileBytes()
  expect(bytes).toContain(appName)
  for (const secret of [
    ARM.clientSecret,
    MFP.password,
    STORE.password,
    consumerSecret,
    consumerKey,
  ])
    expect(bytes.includes(secret), `the audit file holds ${secret}`).toBe(false)
  // No bearer token of any family (demo tokens are `demo.` + base64url), no Authorization.
  expect(bytes).not.toMatch(/demo\.[A-Za-z0-9_-]{20,}/)
  expect(bytes).not.toMatch(/Bearer\s+(?!\$TOKEN)/)
  expect(bytes).not.toMatch(/Basic\s+[A-Za-z0-9+/=]{8,}/)
  expect(bytes.toLowerCase()).not.toContain('authorization')
})
