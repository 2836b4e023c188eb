import type { APIRequestContext, Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  NETWORK_FAILURES,
  sections,
  setFaults,
  signInAs,
  test,
  zipArtifact,
} from './fixtures.ts'
import { BACKEND_URL, LIVE_URL } from './ports.ts'
import { isolateText } from '../src/lib/isolate-text.ts'
import type { FaultRule } from '../src/demo/faults.ts'

/**
 * Issue 14, recovery and outcomes: each fault is injected (the demo's in-browser fault
 * injection, or the network and the page server for the live build), and what the console
 * says is compared with the backend's final state. The figures (scenarios tried and held)
 * are printed at the end for the README.
 */

// Every scenario breaks the network or the backend on purpose: the browser logs those requests.
test.use({ allowedConsoleErrors: NETWORK_FAILURES })

const tally: Array<{ scenario: string; held: boolean }> = []

/** Runs one scenario and records whether the console's statement held. */
async function scenario(name: string, body: () => Promise<void>): Promise<void> {
  const entry = { scenario: name, held: false }
  tally.push(entry)
  await body()
  entry.held = true
}

test.afterAll(() => {
  const held = tally.filter((t) => t.held).length
  console.info(
    [
      `Fault scenarios: tried ${tally.length}, held ${held}`,
      ...tally.map((t) => `  ${t.held ? 'held' : 'NOT HELD'}  ${t.scenario}`),
    ].join('\n'),
  )
})

/** Signs in to the live build (no demo code) with client credentials; lands on Servers. */
async function signInLive(page: Page): Promise<void> {
  await page.goto(`${LIVE_URL}/signin`)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('demo-administrator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
}

/**
 * Reads the shared live backend through its own API (not through the console): a token
 * for the administrator, then calls with the organization and first environment.
 */
async function liveBackend(request: APIRequestContext) {
  const token = await request.post(`${BACKEND_URL}/accounts/api/v2/oauth2/token`, {
    form: {
      client_id: 'demo-administrator',
      client_secret: 'demo-administrator-secret',
      grant_type: 'client_credentials',
    },
  })
  expect(token.ok()).toBe(true)
  const { access_token: accessToken } = await token.json()
  const auth = { Authorization: `Bearer ${accessToken}` }
  const me = await (await request.get(`${BACKEND_URL}/accounts/api/me`, { headers: auth })).json()
  const orgId: string = me.user.organization.id
  const envs = await (
    await request.get(`${BACKEND_URL}/accounts/api/organizations/${orgId}/environments`, {
      headers: auth,
    })
  ).json()
  const headers = { ...auth, 'X-ANYPNT-ORG-ID': orgId, 'X-ANYPNT-ENV-ID': envs.data[0].id }
  return {
    async applicationsNamed(name: string): Promise<Array<{ id: number; name: string }>> {
      const list = await request.get(`${BACKEND_URL}/hybrid/api/v1/applications`, { headers })
      expect(list.ok()).toBe(true)
      const body: { data: Array<{ id: number; name: string }> } = await list.json()
      return body.data.filter((a) => a.name === name)
    },
    async deleteApplication(id: number): Promise<void> {
      await request.delete(`${BACKEND_URL}/hybrid/api/v1/applications/${id}`, { headers })
    },
  }
}

/** Marks this document, so a later check can tell that the page was not reloaded. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { faultsSpecMarker: true }))
}

async function stillSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => 'faultsSpecMarker' in window)
}

const UNLOADABLE = 'The console was updated, or the network is down'

test('offline: a page whose code cannot load says so in the shell, then appears by itself once online (no reload)', async ({
  page,
  context,
}) => {
  await scenario('offline lazy load, then back online', async () => {
    await signInLive(page)
    await markDocument(page)
    await context.setOffline(true)
    await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
    await expect(page.getByRole('heading', { name: UNLOADABLE })).toBeVisible()
    // The shell stays: navigation and header.
    await expect(sections(page).getByRole('link', { name: 'Servers' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Environment' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await context.setOffline(false)
    await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
    await expect(page.getByRole('heading', { name: UNLOADABLE })).toHaveCount(0)
    expect(await stillSameDocument(page)).toBe(true)
  })
})

test('a redeploy removed the page’s chunk (404): the message offers Reload, which brings the page', async ({
  page,
}) => {
  await scenario('chunk 404 after a redeploy', async () => {
    await signInLive(page)
    const gone = /\/assets\/applications-page-[^/]*\.js$/
    await page.route(gone, (route) => route.fulfill({ status: 404, body: 'Not Found' }))
    await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
    await expect(page.getByRole('heading', { name: UNLOADABLE })).toBeVisible()
    await expect(sections(page).getByRole('link', { name: 'Servers' })).toBeVisible()
    // After a real redeploy the reloaded page names the new chunks; here the old one returns.
    await page.unroute(gone)
    await page.getByRole('button', { name: 'Reload the page' }).click()
    await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  })
})

test('deploy whose answer is lost (applied, then 502): the console says it succeeded, and the application exists', async ({
  page,
}) => {
  await scenario('deploy answer lost', async () => {
    await signInAs(page, 'Administrator')
    await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
    await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
    await setFaults(page, {
      rules: [
        { matching: 'POST /hybrid/api/v1/applications', effect: 'lose-answer-502', times: 1 },
      ],
    })
    await page.getByRole('button', { name: 'Deploy application' }).click()
    const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
    await dialog.getByLabel('Artifact file').setInputFiles({
      name: 'fault-probe-1.0.0-mule-application.jar',
      mimeType: 'application/java-archive',
      buffer: zipArtifact(),
    })
    await expect(dialog.getByLabel('Application name')).toHaveValue('fault-probe')
    await dialog
      .getByLabel('Deploy to')
      .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
    await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()

    // The lost answer was read back: the deploy succeeded, and says so as any deploy does.
    await expect(page.getByText('Deployed fault-probe', { exact: true })).toBeVisible()
    await expect(page.getByRole('heading', { name: /fault-probe/ })).toBeVisible()
    await expect(page.getByText('The deployment was not accepted')).toHaveCount(0)

    // The backend's state, read after a reload: exactly one such application.
    await page.goto(`${new URL(page.url()).pathname.replace(/\/\d+$/, '')}?q=fault-probe`)
    const rows = page
      .getByRole('table', { name: 'Applications' })
      .getByRole('link', { name: 'fault-probe', exact: true })
    await expect(rows).toHaveCount(1)
  })
})

test('live build: a deploy whose connection drops after the backend applied it ends Succeeded, as the backend says', async ({
  page,
  request,
}) => {
  await scenario('live deploy, connection dropped after it was applied', async () => {
    const name = `lost-answer-${Date.now().toString(36)}`
    const backend = await liveBackend(request)
    await signInLive(page)
    await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
    await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
    // The HTTP demo backend runs the deploy, then drops the connection (the proxy says 502).
    const set = await request.post(`${BACKEND_URL}/__demo/faults`, {
      data: {
        rules: [
          { matching: 'POST /hybrid/api/v1/applications', effect: 'lose-answer-network', times: 1 },
        ],
      },
    })
    expect(set.ok()).toBe(true)
    try {
      await page.getByRole('button', { name: 'Deploy application' }).click()
      const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
      await dialog.getByLabel('Artifact file').setInputFiles({
        name: 'live-probe-1.0.0-mule-application.jar',
        mimeType: 'application/java-archive',
        buffer: zipArtifact(),
      })
      await dialog.getByLabel('Application name').fill(name)
      await dialog
        .getByLabel('Deploy to')
        .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
      await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()
      await expect(page.getByText(`Deployed ${name}`, { exact: true })).toBeVisible()
      await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible()
      // The backend, read through its own API: the application exists, once.
      expect(await backend.applicationsNamed(name)).toHaveLength(1)
      const rules = await (await request.get(`${BACKEND_URL}/__demo/faults`)).json()
      expect(rules.rules).toEqual([])
    } finally {
      // Leave the shared backend as found.
      await request.post(`${BACKEND_URL}/__demo/faults`, { data: { rules: [] } })
      for (const app of await backend.applicationsNamed(name))
        await backend.deleteApplication(app.id)
    }
  })
})

/**
 * Signs in, selects the first two started applications, sets the fault rule made from
 * their ids, and deletes both through the confirmation. Returns the table and their names.
 */
async function bulkDeleteTwoStarted(page: Page, rule: (ids: string[]) => FaultRule) {
  await signInAs(page, 'Administrator')
  await sections(page).getByRole('link', { name: 'Applications', exact: true }).click()
  const table = page.getByRole('table', { name: 'Applications' })
  await expect(table).toBeVisible()
  await page.goto(page.url().split('?')[0] + '?status=started&sort=name')
  const names: string[] = []
  const ids: string[] = []
  for (let i = 1; i <= 2; i++) {
    const row = table.getByRole('row').nth(i)
    const link = row.getByRole('link').first()
    names.push(await link.innerText())
    ids.push((await link.getAttribute('href'))?.split('/').pop() ?? '')
    await row.getByRole('checkbox').check()
  }
  await setFaults(page, { rules: [rule(ids)] })
  await page
    .getByRole('region', { name: 'Selection' })
    .getByRole('button', { name: 'Delete…' })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Delete 2 applications?' })
  await confirm.getByLabel(/Type .* to confirm/).fill('delete 2')
  await confirm.getByRole('button', { name: 'Delete 2' }).click()
  return { table, names }
}

test('bulk delete with one answer lost (applied, connection dropped): read back as deleted, one toast, and gone', async ({
  page,
}) => {
  await scenario('bulk delete, one answer lost', async () => {
    const { table, names } = await bulkDeleteTwoStarted(page, (ids) => ({
      matching: `DELETE /hybrid/api/v1/applications/${ids[1]}`,
      effect: 'lose-answer-network',
      times: 1,
    }))

    // Both succeeded (the lost one read back): one success message, no results dialog.
    await expect(page.getByText('Deleted 2 applications', { exact: true })).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    // The backend's state after a reload: both are gone.
    await page.reload()
    await expect(table).toBeVisible()
    for (const name of names)
      await expect(table.getByRole('link', { name, exact: true })).toHaveCount(0)
  })
})

test('bulk delete where a gateway refuses one call before the backend (503): that one says Failed and still exists', async ({
  page,
}) => {
  await scenario('bulk delete, one refused by a gateway (not applied)', async () => {
    const { table, names } = await bulkDeleteTwoStarted(page, (ids) => ({
      matching: `DELETE /hybrid/api/v1/applications/${ids[0]}`,
      effect: 'fail-503',
      times: 1,
    }))

    const results = page.getByRole('dialog', { name: 'Delete applications: results' })
    await expect(results.getByText('Delete: 1 of 2 succeeded, 1 failed.')).toBeVisible()
    const items = results.getByRole('list', { name: 'Result per item' }).getByRole('listitem')
    await expect(items.filter({ hasText: names[0]! })).toContainText('Failed')
    await expect(items.filter({ hasText: names[1]! })).toContainText('Succeeded')

    await page.reload()
    await expect(table.getByRole('link', { name: names[0]!, exact: true })).toHaveCount(1)
    await expect(table.getByRole('link', { name: names[1]!, exact: true })).toHaveCount(0)
  })
})

test('queued bulk device change with a 502 on a transaction read: both devices say Succeeded, as the backend ends', async ({
  page,
}) => {
  test.slow()
  await scenario('queued bulk device change, 502 on a transaction read', async () => {
    await signInAs(page, 'Operator')
    await sections(page).getByRole('link', { name: 'Devices' }).click()
    await expect(page.getByRole('table', { name: 'Devices' })).toBeVisible({ timeout: 20_000 })
    const devicesUrl = page.url()
    await page.getByRole('searchbox', { name: 'Search devices' }).fill('lena.fischer')
    const devices = page.getByRole('table', { name: 'Devices' })
    await expect(devices.getByRole('link', { name: "Lena's iPhone 15", exact: true })).toBeVisible()
    await devices.getByRole('checkbox', { name: "Select Lena's iPhone 15" }).check()
    await devices.getByRole('checkbox', { name: "Select Lena's iPad Air" }).check()
    // Two reads of a transaction fail on the way, whoever makes them.
    await setFaults(page, {
      rules: [
        {
          matching: 'GET /mfpadmin/management-apis/2.0/runtimes/mfp/transactions/',
          effect: 'fail-502',
          times: 2,
        },
      ],
    })
    await page
      .getByRole('region', { name: 'Selection' })
      .getByRole('button', { name: 'Enable or disable an app…' })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Change an application on 2 devices' })
    await dialog.getByLabel('Application').selectOption('AcmeBank')
    await dialog.getByLabel('New status').selectOption('DISABLED')
    await expect(
      dialog.getByRole('radio', { name: 'Queue and follow the transaction' }),
    ).toBeChecked()
    await dialog.getByRole('button', { name: 'Disable AcmeBank on 2 devices' }).click()

    // Both succeeded despite the failed reads: one toast, no results dialog, no HTTP 502.
    await expect(page.getByText('Disabled AcmeBank on 2 devices', { exact: true })).toBeVisible({
      timeout: 30_000,
    })
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page.getByText(/HTTP 502/)).toHaveCount(0)
    expect(await page.evaluate(() => window.__demo?.getFaults().rules.length)).toBe(0)

    // The backend's state: each device now has AcmeBank disabled.
    for (const name of ["Lena's iPhone 15", "Lena's iPad Air"]) {
      await page.goto(devicesUrl)
      await page.getByRole('searchbox', { name: 'Search devices' }).fill('lena.fischer')
      await devices.getByRole('link', { name, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible()
      await expect(page.getByRole('switch', { name: 'AcmeBank', exact: true })).not.toBeChecked()
    }
  })
})

test('a failed start (backend unreachable) keeps the navigation and recovers by itself when the backend is back', async ({
  page,
}) => {
  test.slow()
  await scenario('failed start recovers without Retry', async () => {
    await signInAs(page, 'Operator')
    const servers = page.url()
    await setFaults(page, { offline: true })
    // Fault settings persist in the demo: the reloaded console starts against a dead backend.
    await page.reload()
    await expect(page.getByText('Could not load your organization and environments')).toBeVisible({
      timeout: 40_000,
    })
    await expect(
      sections(page).getByRole('link', { name: 'Applications', exact: true }),
    ).toBeVisible()
    await expect(page.getByText(/unavailable, retrying/)).toBeVisible()
    await expectNoSeriousA11yViolations(page)
    await markDocument(page)
    await setFaults(page, { offline: false })
    // No click on Retry: the console reads again on its own.
    await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible({ timeout: 30_000 })
    await expect(page.getByRole('combobox', { name: 'Environment' })).toBeVisible()
    expect(await stillSameDocument(page)).toBe(true)
    expect(page.url()).toBe(servers)
  })
})
