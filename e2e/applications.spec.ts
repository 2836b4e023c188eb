import { createHash } from 'node:crypto'
import type { Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  setFaults,
  signInAs,
  test,
  zipArtifact,
  stopApplication,
  firstStartedOnServerLink,
} from './fixtures.ts'
import { isolateText } from '../src/lib/isolate-text.ts'

async function openApplications(
  page: Page,
  role: 'Administrator' | 'Operator' | 'Monitor' = 'Administrator',
) {
  await signInAs(page, role)
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click()
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
}

async function openFirstStartedOnServer(page: Page) {
  const link = await firstStartedOnServerLink(page)
  const name = await link.innerText()
  await link.click()
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible()
  return name
}

/**
 * Sends one read to the demo backend as the console would (its bearer token) and waits for
 * the answer, which comes after any injected latency: a barrier behind earlier requests.
 */
async function readThroughDemoBackend(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const session: unknown = JSON.parse(sessionStorage.getItem('runtime-console.session') ?? '{}')
    const token =
      session && typeof session === 'object' && 'accessToken' in session
        ? String(session.accessToken)
        : ''
    const answer = await fetch('/accounts/api/me', {
      headers: { Authorization: `Bearer ${token}` },
    })
    return answer.status
  })
}

test('deploy a real file: multipart parts arrive intact and the console follows it to Started', async ({
  page,
}) => {
  await openApplications(page)
  const bytes = zipArtifact(64 * 1024, 1)
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'Inventory-Sync-2.3.1-mule-application.jar',
    mimeType: 'application/java-archive',
    buffer: bytes,
  })
  await expect(dialog.getByLabel('Application name')).toHaveValue('inventory-sync')
  await expect(dialog.getByText('Inventory-Sync-2.3.1-mule-application.jar · 64 KB')).toBeVisible()
  await dialog
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await dialog.getByRole('button', { name: 'Add property' }).click()
  await dialog.getByLabel('Property 1 name').fill('http.port')
  await dialog.getByLabel('Property 1 value').fill('8081')
  await dialog.getByText('Show the request as curl').click()
  await expect(dialog.getByLabel('Request as a curl command')).toContainText(
    "-F 'file=@Inventory-Sync-2.3.1-mule-application.jar'",
  )
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()

  await expect(page.getByRole('heading', { name: /inventory-sync/ })).toBeVisible()
  const artifactCard = page.getByRole('region', { name: 'Artifact' })
  await expect(artifactCard).toContainText('Inventory-Sync-2.3.1-mule-application.jar')
  await expect(artifactCard).toContainText('64 KB')
  await expect(artifactCard).toContainText(createHash('sha1').update(bytes).digest('hex'))
  await expect(page.getByRole('region', { name: 'Properties' })).toContainText('http.port')
  await expect(page.getByRole('region', { name: 'Properties' })).toContainText('8081')
  await expect(page.getByRole('heading', { name: /inventory-sync/ })).toContainText('Started', {
    timeout: 15_000,
  })
  await expect(page.getByRole('table', { name: 'Status on each server' })).toContainText(
    'prd-gw-ap-south-01',
  )
})

test('a deploy is checked before sending and a taken name comes back as the API’s 409, keeping the form', async ({
  page,
}) => {
  await openApplications(page)
  const taken = await page
    .getByRole('table', { name: 'Applications' })
    .getByRole('link')
    .first()
    .innerText()
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()
  await expect(dialog.getByText('Choose the application artifact (.jar or .zip).')).toBeVisible()
  await expect(dialog.getByText(/Choose where to deploy/)).toBeVisible()
  await dialog
    .getByLabel('Artifact file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') })
  await expect(dialog.getByText(/'notes.txt' is not a .jar or .zip file/)).toBeVisible()

  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'x.jar',
    mimeType: 'application/java-archive',
    buffer: zipArtifact(2048, 1),
  })
  await dialog.getByLabel('Application name').fill(taken)
  await dialog
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText(
    `An application named '${taken}' already exists`,
  )
  await expect(dialog.getByRole('alert')).toContainText(
    'HTTP 409 · POST /hybrid/api/v1/applications',
  )
  await expect(dialog.getByLabel('Application name')).toHaveValue(taken)
  await expect(dialog.getByRole('button', { name: 'Retry deploy' })).toBeVisible()
})

test('an upload shows its progress and can be cancelled without deploying anything', async ({
  page,
}) => {
  await openApplications(page)
  await setFaults(page, { latencyMs: 4000 })
  await page.getByRole('button', { name: 'Deploy application' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deploy an application' })
  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'slow-upload-1.0.0.jar',
    mimeType: 'application/java-archive',
    buffer: zipArtifact(512 * 1024, 1),
  })
  await dialog
    .getByLabel('Deploy to')
    .selectOption({ label: `${isolateText('prd-gw-ap-south-01')} (Running)` })
  await dialog.getByRole('button', { name: 'Deploy', exact: true }).click()
  await expect(dialog.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Cancel upload' }).click()
  await expect(dialog.getByText('Upload cancelled: nothing was deployed.')).toBeVisible()
  await expect(dialog.getByLabel('Application name')).toHaveValue('slow-upload')
  await expect(dialog.getByLabel('Deploy to')).toHaveValue(/\d+/)
  // The cancelled request must not have created anything. The demo answers each request after
  // the injected latency, in the order they came: once a read sent after the cancel has its
  // answer, the cancelled upload has had its turn too.
  expect(await readThroughDemoBackend(page)).toBe(200)
  await setFaults(page, { latencyMs: 0 })
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('searchbox', { name: 'Filter applications' }).fill('slow-upload')
  await expect(
    page.getByRole('heading', { name: 'No applications match these filters' }),
  ).toBeVisible()
})

test('stop and start: the button is busy until the new state shows, then it settles', async ({
  page,
}) => {
  await openApplications(page, 'Operator')
  const name = await openFirstStartedOnServer(page)
  const heading = page.getByRole('heading', { name: new RegExp(name) })
  await stopApplication(page, name)
  await expect(heading).toContainText(/Stopping|Stopped/)
  await expect(heading).toContainText('Stopped', { timeout: 15_000 })
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled()
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(heading).toContainText('Started', { timeout: 15_000 })
})

test('a failed stop explains itself and leaves the page true to the backend', async ({ page }) => {
  await openApplications(page)
  const name = await openFirstStartedOnServer(page)
  await setFaults(page, { failMatching: 'PATCH /hybrid/api/v1/applications/' })
  const stop = await stopApplication(page, name)
  const alert = stop.getByRole('alert').filter({ hasText: 'Stop failed' })
  await expect(alert).toContainText('Injected failure')
  await expect(alert).toContainText('HTTP 500 · PATCH /hybrid/api/v1/applications/')
  await stop.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toContainText('Started')
})

test('update the artifact and redeploy: both followed until they settle', async ({ page }) => {
  await openApplications(page)
  await openFirstStartedOnServer(page)
  await page.getByRole('button', { name: 'Update artifact…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Update / })
  const bytes = zipArtifact(4096, 7)
  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'new-build-9.9.9.jar',
    mimeType: 'application/java-archive',
    buffer: bytes,
  })
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('curl -X PATCH')
  await dialog.getByRole('button', { name: 'Upload and redeploy' }).click()
  await expect(dialog).toHaveCount(0)
  const artifactCard = page.getByRole('region', { name: 'Artifact' })
  await expect(artifactCard).toContainText('new-build-9.9.9.jar')
  await expect(artifactCard).toContainText(createHash('sha1').update(bytes).digest('hex'))
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toContainText('Started', { timeout: 15_000 })

  await page.getByRole('button', { name: 'Redeploy…' }).click()
  const confirm = page.getByRole('dialog', { name: /^Redeploy / })
  await expect(confirm.getByLabel('Request as a curl command')).toContainText('curl -X PATCH')
  await confirm.getByRole('button', { name: 'Redeploy' }).click()
  await expect(heading).toContainText('Deploying')
  await expect(heading).toContainText('Started', { timeout: 15_000 })
})

test('a broken artifact ends in a failure with the runtime’s message', async ({ page }) => {
  await openApplications(page)
  await openFirstStartedOnServer(page)
  await page.getByRole('button', { name: 'Update artifact…' }).click()
  const dialog = page.getByRole('dialog', { name: /^Update / })
  await dialog.getByLabel('Artifact file').setInputFiles({
    name: 'broken.jar',
    mimeType: 'application/java-archive',
    buffer: Buffer.from('not a zip at all'),
  })
  await dialog.getByRole('button', { name: 'Upload and redeploy' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Failed', { timeout: 15_000 })
  await expect(page.getByRole('alert').filter({ hasText: 'The deployment failed' })).toContainText(
    'not a valid Mule application',
  )
})

test('delete asks for the application’s name and shows the curl command', async ({ page }) => {
  await openApplications(page)
  const name = await openFirstStartedOnServer(page)
  await page.getByRole('button', { name: 'Delete…' }).click()
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` })
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('curl -X DELETE')
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel(/Type .* to confirm/).fill(name)
  await confirm.click()
  await expect(page.getByRole('table', { name: 'Applications' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Filter applications' }).fill(name)
  await expect(
    page.getByRole('table', { name: 'Applications' }).getByRole('link', { name, exact: true }),
  ).toHaveCount(0)
})

test('bulk stop with one injected failure reports each application, failures first', async ({
  page,
}) => {
  await openApplications(page)
  await page.goto(page.url().split('?')[0] + '?status=started&sort=name')
  const table = page.getByRole('table', { name: 'Applications' })
  const names: string[] = []
  for (let i = 1; i <= 3; i++) {
    const row = table.getByRole('row').nth(i)
    names.push(await row.getByRole('link').first().innerText())
    await row.getByRole('checkbox').check()
  }
  const failing = await table.getByRole('row').nth(2).getByRole('link').first().getAttribute('href')
  const failingId = failing?.split('/').pop() ?? ''
  await setFaults(page, { failMatching: `PATCH /hybrid/api/v1/applications/${failingId}` })
  await page
    .getByRole('region', { name: 'Selection' })
    .getByRole('button', { name: 'Stop…' })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Stop 3 applications?' })
  await confirm.getByRole('button', { name: 'Stop 3' }).click()
  const results = page.getByRole('dialog', { name: 'Stop applications: results' })
  await expect(results.getByText('Stop: 2 of 3 succeeded, 1 failed.')).toBeVisible()
  const items = results.getByRole('list', { name: 'Result per item' }).getByRole('listitem')
  await expect(items.first()).toContainText(names[1]!)
  await expect(items.first()).toContainText('Injected failure')
  // One message per action: the results, and no toast besides them.
  await expect(page.getByText(/^(Stopped|Couldn't stop) [\d,]+ applications?$/)).toHaveCount(0)
})

test('Operator may start and stop but not deploy or delete; Monitor may do neither, with reasons', async ({
  page,
}) => {
  await openApplications(page, 'Operator')
  await expect(page.getByRole('button', { name: 'Deploy application' })).toBeDisabled()
  await openFirstStartedOnServer(page)
  await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled()
  await expect(page.getByRole('button', { name: 'Redeploy…' })).toBeEnabled()
  const del = page.getByRole('button', { name: 'Delete…' })
  await expect(del).toBeDisabled()
  await del.hover()
  await expect(page.getByRole('tooltip')).toContainText("Requires the 'Delete Applications' scope")

  await page.getByRole('button', { name: /Account:/ }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Sign in as Monitor' }).click()
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled()
  await page.getByRole('button', { name: 'Stop' }).focus()
  await expect(page.getByRole('tooltip')).toContainText("Requires the 'Manage Applications' scope")
  await expect(page.getByRole('button', { name: 'Update artifact…' })).toBeDisabled()
})

test('filters, status facets and sort are in the URL and survive a reload', async ({ page }) => {
  await openApplications(page)
  await page.getByRole('searchbox', { name: 'Filter applications' }).fill('api')
  await page
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: /Started/ })
    .first()
    .click()
  await page.getByRole('button', { name: /^Size/ }).click()
  await expect(page).toHaveURL(/q=api.*status=started.*sort=size/)
  const firstLink = page
    .getByRole('table', { name: 'Applications' })
    .getByRole('row')
    .nth(1)
    .getByRole('link')
    .first()
  const first = await firstLink.innerText()
  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Filter applications' })).toHaveValue('api')
  await expect(page.getByRole('columnheader', { name: /Size/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  )
  await expect(firstLink).toHaveText(first)
})

test('10,000 applications: filtering, sorting and scrolling to the end', async ({ page }) => {
  await signInAs(page, 'Administrator', '/?fleet=large')
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click()
  await expect(page.getByText(/^10,000 in Production/)).toBeVisible({ timeout: 20_000 })
  await page
    .getByRole('searchbox', { name: 'Filter applications' })
    .pressSequentially('orders-sapi-0', { delay: 20 })
  await expect(page.getByRole('searchbox', { name: 'Filter applications' })).toHaveValue(
    'orders-sapi-0',
  )
  await expect(page.getByText(/10,000 in Production · \d[\d,]* shown/)).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await page.getByRole('button', { name: /^Updated/ }).click()
  const table = page.getByRole('table', { name: 'Applications' })
  await table.hover()
  await page.mouse.wheel(0, 10_000 * 40)
  await expect(table.getByRole('row').last()).toHaveAttribute('aria-rowindex', '10001')
})

test('applications list, page and deploy dialog have no serious accessibility violations', async ({
  page,
}) => {
  await openApplications(page)
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Deploy application' }).click()
  await expect(page.getByRole('dialog', { name: 'Deploy an application' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('Escape')
  await openFirstStartedOnServer(page)
  await expectNoSeriousA11yViolations(page)
})
