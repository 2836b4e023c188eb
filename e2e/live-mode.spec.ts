import { expect, test } from './fixtures.ts'
import { LIVE_URL } from './ports.ts'

/**
 * Live mode: a build with no demo code, served by vite preview, proxying the API
 * prefixes to a real HTTP server on loopback (E2E_PORT_BASE + 2) that runs the demo handlers.
 */
const LIVE = LIVE_URL

// No reset of the shared backend here: client-apps.spec.ts uses it at the same time, and
// nothing in these journeys depends on state another test could have changed.

test('live mode signs in with client credentials through the proxy and lists servers', async ({
  page,
}) => {
  const apiCalls: string[] = []
  const scripts: Array<Promise<string>> = []
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.text())
  })
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (/^\/(accounts|hybrid)\//.test(url.pathname))
      apiCalls.push(`${r.method()} ${url.origin}${url.pathname}`)
  })
  await page.goto(`${LIVE}/`)
  await expect(page.getByRole('heading', { name: 'Sign in to Runtime Console' })).toBeVisible()
  // No demo identities and no demo panel: this build carries no demo code.
  await expect(page.getByRole('button', { name: /Sign in as/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Demo controls/ })).toHaveCount(0)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('demo-administrator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByText('24 registered in Production')).toBeVisible()
  await expect(page.getByText('Demo data')).toHaveCount(0)
  expect(
    await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)),
  ).toBe(0)
  // The live build fetched no msw and no demo data.
  expect(scripts.length).toBeGreaterThan(0)
  for (const body of await Promise.all(scripts)) {
    expect(body).not.toContain('mockServiceWorker')
    expect(body).not.toContain('runtime-console-demo')
  }
  // Every API call went same-origin, to the console's own server.
  expect(apiCalls.length).toBeGreaterThan(2)
  for (const call of apiCalls) expect(call).toContain(LIVE)
})

test('live mode: a bad secret is reported with the upstream message', async ({ page }) => {
  await page.goto(`${LIVE}/signin`)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('wrong')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByRole('alert')).toContainText('Invalid client credentials')
})
