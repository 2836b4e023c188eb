import { expect, NETWORK_FAILURES, setFaults, signInAs, test, confirmByTyping } from './fixtures.ts'

test('lists servers with status, versions, membership and expiry warnings', async ({ page }) => {
  await signInAs(page, 'Administrator')
  const table = page.getByRole('table', { name: 'Servers' })
  await expect(table.getByRole('columnheader', { name: /Status/ })).toBeVisible()
  await expect(page.getByText('24 registered in Production')).toBeVisible()
  await expect(table.getByRole('cell', { name: /^Cluster: / }).first()).toBeVisible()
  await expect(table.getByRole('cell', { name: /^Group: / }).first()).toBeVisible()
  await expect(
    table.getByText(/Certificate expires in \d+ d|Certificate expired/).first(),
  ).toBeVisible()
  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible()
})

test('filter, status facet and sort live in the URL and survive a reload', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-mule')
  await page
    .getByRole('group', { name: 'Status' })
    .getByRole('button', { name: /Running/ })
    .click()
  await page.getByRole('button', { name: /^Agent/ }).click()
  await page.getByRole('button', { name: /^Agent/ }).click()
  await expect(page).toHaveURL(/q=prd-mule/)
  await expect(page).toHaveURL(/status=RUNNING/)
  await expect(page).toHaveURL(/sort=-agent/)

  const table = page.getByRole('table', { name: 'Servers' })
  const readRows = async () => {
    const rows = table.getByRole('row')
    const count = await rows.count()
    const out: string[] = []
    for (let i = 1; i < count; i++) out.push((await rows.nth(i).innerText()).replace(/\s+/g, ' '))
    return out
  }
  const before = await readRows()
  expect(before.length).toBeGreaterThan(3)
  for (const row of before) {
    expect(row).toContain('prd-mule')
    expect(row).toContain('Running')
  }
  // Agent versions descend.
  const agents = before.map((r) => /\b2\.\d\.\d\b/.exec(r.split('Mule')[1] ?? '')?.[0] ?? '')
  expect([...agents].sort().reverse()).toEqual(agents)

  await page.reload()
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('prd-mule')
  await expect(
    page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /Running/ }),
  ).toHaveAttribute('aria-pressed', 'true')
  await expect(table.getByRole('columnheader', { name: /Agent/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  expect(await readRows()).toEqual(before)

  // Opening a server and coming back keeps the list as it was.
  await table.getByRole('link').first().click()
  await expect(page.getByRole('region', { name: 'Overview' })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('searchbox', { name: 'Filter servers' })).toHaveValue('prd-mule')
  expect(await readRows()).toEqual(before)
})

test('a filter that matches nothing says so and clears', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('no-such-server-anywhere')
  await expect(page.getByRole('heading', { name: 'No servers match these filters' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
})

test('server page shows its fields, runtime information and applications', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('cluster')
  const link = page.getByRole('table', { name: 'Servers' }).getByRole('link').first()
  const name = await link.innerText()
  await link.click()
  await expect(page.getByRole('heading', { name: new RegExp(name) })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Overview' }).getByText('Agent version'),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Runtime information' }).getByText('Operating system'),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Group or cluster' }).getByText('Clustering IP'),
  ).toBeVisible()
  const apps = page.getByRole('region', { name: 'Applications on this server' })
  await expect(
    apps.getByRole('table').or(apps.getByText('No applications are deployed to this server.')),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Servers' }).first().click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
})

test('an unknown server id shows not found with a way back', async ({ page, consoleErrors }) => {
  // The 404 goes to the route's error element, which React and React Router report as errors.
  consoleErrors.allow([/Server 999999 was not found/])
  await signInAs(page, 'Administrator')
  await page.goto(page.url().replace(/servers.*$/, 'servers/999999'))
  await expect(page.getByRole('heading', { name: 'Server not found' })).toBeVisible()
  await expect(page.getByText(/HTTP 404/)).toBeVisible()
  await page.getByRole('link', { name: 'Back to servers' }).click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
})

test('register a server: token and setup command, each with a copy button', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await signInAs(page, 'Administrator')
  await page.getByRole('button', { name: 'Register server' }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a server' })
  const token = dialog.getByLabel('Registration token', { exact: true })
  await expect(token).toContainText('---')
  const tokenText = (await token.innerText()).trim()
  await dialog.getByRole('button', { name: 'Copy registration token' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tokenText)

  await dialog.getByLabel('Server name').fill('bad name!')
  await dialog.getByLabel('Server name').blur()
  await expect(dialog.getByText(/Use letters, digits/)).toBeVisible()
  await dialog.getByLabel('Server name').fill('prd-mule-eu-west-42')
  await expect(dialog.getByLabel('Setup command', { exact: true })).toHaveText(
    `./amc_setup -H '${tokenText}' 'prd-mule-eu-west-42'`,
  )
  await dialog.getByRole('button', { name: 'Copy setup command' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `./amc_setup -H '${tokenText}' 'prd-mule-eu-west-42'`,
  )
})

test('unregister a server behind a confirmation that shows the curl command', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw')
  const link = page.getByRole('table', { name: 'Servers' }).getByRole('link').first()
  const name = await link.innerText()
  await link.click()
  await page.getByRole('button', { name: 'Unregister…' }).click()
  const dialog = page.getByRole('dialog', { name: `Unregister ${name}?` })
  const curl = dialog.getByLabel('Request as a curl command')
  await expect(curl).toContainText('curl -X DELETE')
  await expect(curl).toContainText('/hybrid/api/v1/servers/')
  await expect(curl).toContainText('Authorization: Bearer $TOKEN')
  await expect(curl).toContainText('X-ANYPNT-ENV-ID')
  await confirmByTyping(page, `Unregister ${name}?`, name, 'Unregister')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await expect(page.getByText(`Unregistered ${name}`)).toBeVisible()
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill(name)
  await expect(page.getByRole('heading', { name: 'No servers match these filters' })).toBeVisible()
  // Persisted: the demo backend keeps it across a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'No servers match these filters' })).toBeVisible()
})

test('bulk unregister reports a result per server, failures first', async ({ page }) => {
  await signInAs(page, 'Administrator')
  const search = page.getByRole('searchbox', { name: 'Filter servers' })
  // One gateway (lone server: succeeds) and one clustered server (refused by the backend).
  await search.fill('prd-gw-ap-south-01')
  await page.getByRole('checkbox', { name: 'Select prd-gw-ap-south-01' }).check()
  await search.fill('prd-mule-ap-south-01')
  await page.getByRole('checkbox', { name: 'Select prd-mule-ap-south-01' }).check()
  await search.fill('ap-south-01')
  await expect(page.getByText('2 selected')).toBeVisible()
  await page.getByRole('button', { name: 'Unregister selected…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Unregister 2 servers?' })
  await expect(confirm.getByText(/belongs? to a group or cluster/)).toBeVisible()
  await confirmByTyping(page, 'Unregister 2 servers?', 'unregister 2', 'Unregister 2')
  const results = page.getByRole('dialog', { name: 'Unregister servers: results' })
  await expect(results.getByText('Unregister: 1 of 2 succeeded, 1 failed.')).toBeVisible()
  const items = results.getByRole('list', { name: 'Result per item' }).getByRole('listitem')
  await expect(items.first()).toContainText('Failed')
  await expect(items.first()).toContainText('prd-mule-ap-south-01')
  await expect(items.first()).toContainText('belongs to cluster')
  await expect(items.nth(1)).toContainText('Succeeded')
  await results.getByRole('button', { name: 'Close' }).first().click()
  await expect(page.getByRole('checkbox', { name: 'Select prd-mule-ap-south-01' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Select prd-gw-ap-south-01' })).toHaveCount(0)
})

test('Monitor sees unregister and register disabled with the missing scope named', async ({
  page,
}) => {
  await signInAs(page, 'Monitor')
  const register = page.getByRole('button', { name: 'Register server' })
  await expect(register).toBeDisabled()
  await register.hover()
  await expect(page.getByRole('tooltip')).toContainText("Requires the 'Manage Servers' scope")
  await page.getByRole('table', { name: 'Servers' }).getByRole('link').first().click()
  const unregister = page.getByRole('button', { name: 'Unregister…' })
  await expect(unregister).toBeDisabled()
  await unregister.focus()
  await expect(page.getByRole('tooltip')).toContainText("Requires the 'Manage Servers' scope")
  await unregister.click({ force: true })
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('an injected API failure shows its message and request, and retry recovers', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await setFaults(page, { failureRate: 1 })
  await page.reload()
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load' })
  // A 500 is retried with backoff (ADR 012) before it is shown.
  await expect(alert).toContainText('Injected failure', { timeout: 15_000 })
  await expect(alert).toContainText('HTTP 500')
  await expect(alert).toContainText('GET /')
  await setFaults(page, { failureRate: 0 })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
})

test('an unreachable backend during auto-refresh is shown, with the last data kept', async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(NETWORK_FAILURES)
  await page.clock.install()
  await signInAs(page, 'Administrator')
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await setFaults(page, { offline: true })
  // The list refreshes itself every 30 s while nothing is moving.
  await page.clock.fastForward('00:35')
  // The failed refresh is retried with backoff (ADR 012) before it is shown.
  await expect(page.getByText(/Backend unreachable: showing data from/)).toBeVisible({
    timeout: 15_000,
  })
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible()
  await setFaults(page, { offline: false })
  await page.clock.fastForward('00:35')
  await expect(page.getByText(/Updated (just now|\d+ s ago)/)).toBeVisible()
})

test('the large fleet lists 2,000 servers and filters them', async ({ page }) => {
  await signInAs(page, 'Administrator', '/?fleet=large')
  await expect(page.getByText('2,000 registered in Production')).toBeVisible()
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw-us-east')
  await expect(page.getByText(/2,000 registered in Production · [1-9][\d,]* shown/)).toBeVisible()
  const rows = page.getByRole('table', { name: 'Servers' }).getByRole('row')
  await expect(rows.nth(1)).toContainText('prd-gw-us-east-001')
  // Scrolling to the end of the full list reaches the last rows (virtualised rendering).
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await page.getByRole('table', { name: 'Servers' }).hover()
  await page.mouse.wheel(0, 2000 * 40)
  await expect(rows.last()).toHaveAttribute('aria-rowindex', '2001')
})

test('reset demo data from the demo panel brings back an unregistered server', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('prd-gw-ap-south-02')
  await page.getByRole('checkbox', { name: 'Select prd-gw-ap-south-02' }).check()
  await page.getByRole('button', { name: 'Unregister selected…' }).click()
  await confirmByTyping(page, 'Unregister 1 server?', 'prd-gw-ap-south-02', 'Unregister 1')
  await expect(page.getByText('Unregistered 1 server', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No servers match these filters' })).toBeVisible()

  await page.getByRole('button', { name: /Demo controls/ }).click()
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await panel.getByRole('button', { name: 'Reset demo data…' }).click()
  await panel.getByRole('button', { name: 'Reset demo data', exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('link', { name: 'prd-gw-ap-south-02' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('link', { name: 'prd-gw-ap-south-02' })).toBeVisible()
})

test('a server registered with the setup command appears, waits for its agent, then runs', async ({
  page,
}) => {
  await page.clock.install()
  await signInAs(page, 'Administrator')
  await page.getByRole('button', { name: 'Register server' }).click()
  const dialog = page.getByRole('dialog', { name: 'Register a server' })
  await dialog.getByLabel('Server name').fill('prd-mule-eu-west-77')
  const command = (await dialog.getByLabel('Setup command', { exact: true }).innerText()).trim()
  await dialog.getByRole('button', { name: 'Done' }).click()

  await page.getByRole('button', { name: /Demo controls/ }).click()
  const panel = page.getByRole('dialog', { name: 'Demo controls' })
  await panel.getByLabel('Paste the setup command from Register server').fill(command)
  await panel.getByRole('button', { name: 'Run on the simulated host' }).click()
  await expect(panel.getByText(/Agent of prd-mule-eu-west-77 registered/)).toBeVisible()
  await page.keyboard.press('Escape')

  await page.getByRole('searchbox', { name: 'Filter servers' }).fill('eu-west-77')
  const row = page.getByRole('row', { name: /prd-mule-eu-west-77/ })
  await expect(row).toContainText('Waiting for agent')
  // While a server waits for its agent the list polls quickly, and shows it connected.
  await page.clock.fastForward('00:06')
  await page.clock.fastForward('00:06')
  await expect(row).toContainText('Running')
})
