import type { Page } from '@playwright/test'
import {
  expect,
  expectNoSeriousA11yViolations,
  signInAs,
  test,
  confirmByTyping,
} from './fixtures.ts'

// Names from the demo's fixed seed (small fleet, Production).
const GROUP = 'prd-catalog-group-01'
const OTHER_GROUP = 'prd-loyalty-group-02'
const GROUPED_SERVER = 'prd-mule-us-east-01' // a member of OTHER_GROUP
const LONE = 'prd-mule-ap-south-05'
const LONE_2 = 'prd-mule-eu-west-01'
const LONE_3 = 'prd-mule-eu-central-02'

async function openSection(page: Page, name: 'Server groups' | 'Clusters' | 'Servers') {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click()
}

async function openGroup(page: Page, name: string) {
  await openSection(page, 'Server groups')
  await page.getByRole('table', { name: 'Server groups' }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible()
}

async function openServer(page: Page, name: string) {
  await openSection(page, 'Servers')
  await page.getByRole('searchbox', { name: 'Filter servers' }).fill(name)
  await page.getByRole('table', { name: 'Servers' }).getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible()
}

test('a server added to a group gets its applications; removed, it keeps them as its own', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await openGroup(page, GROUP)
  const matrix = page.getByRole('table', { name: `Applications on ${GROUP}` })
  // count() does not wait: first let the group's applications arrive.
  await expect(matrix.getByRole('row').nth(1)).toBeVisible()
  const appCount = (await matrix.getByRole('row').count()) - 1
  expect(appCount).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Add server…' }).click()
  const dialog = page.getByRole('dialog', { name: `Add servers to ${GROUP}` })
  const filter = dialog.getByRole('searchbox', { name: 'Filter: Servers to add' })
  // A server in another group is listed, not selectable, and says why.
  await filter.fill(GROUPED_SERVER)
  await expect(dialog.getByRole('checkbox', { name: new RegExp(GROUPED_SERVER) })).toBeDisabled()
  await expect(dialog.getByText(`Already in server group '${OTHER_GROUP}'`)).toBeVisible()

  await filter.fill(LONE)
  await dialog.getByRole('checkbox', { name: new RegExp(LONE) }).check()
  await expect(
    dialog.getByText(`The group’s ${appCount} applications will be deployed to ${LONE}`),
  ).toBeVisible()
  await expect(dialog.getByLabel('Request as a curl command')).toContainText(
    `-X POST 'http://127.0.0.1`,
  )
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('/servers/')
  await dialog.getByRole('button', { name: 'Add 1 server to group' }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('table', { name: `Servers of ${GROUP}` }).getByRole('link', { name: LONE }),
  ).toBeVisible()
  await expect(matrix.getByRole('columnheader', { name: LONE })).toBeVisible()
  // Each copy deploys on the new server, then settles.
  await expect(matrix.getByText('Deploying').first()).toBeVisible()
  await expect(matrix.getByText('Deploying')).toHaveCount(0, { timeout: 20_000 })

  await page
    .getByRole('table', { name: `Servers of ${GROUP}` })
    .getByRole('link', { name: LONE })
    .click()
  const onServer = page.getByRole('table', { name: 'Applications on this server' })
  await expect(onServer.getByRole('row').filter({ hasText: `Group ${GROUP}` })).toHaveCount(
    appCount,
  )
  await page.goBack()

  await page.getByRole('button', { name: `Remove ${LONE} from the group` }).click()
  const confirm = page.getByRole('dialog', { name: `Remove ${LONE} from ${GROUP}?` })
  await expect(confirm).toContainText(
    `The server keeps the ${appCount} applications it runs for the group`,
  )
  await expect(confirm.getByLabel('Request as a curl command')).toContainText('-X DELETE')
  await confirm.getByRole('button', { name: 'Remove from group' }).click()
  await expect(confirm).toBeHidden()
  await expect(
    page.getByRole('table', { name: `Servers of ${GROUP}` }).getByRole('link', { name: LONE }),
  ).toHaveCount(0)

  await openServer(page, LONE)
  await expect(page.getByText('Not in a server group or cluster.')).toBeVisible()
  const kept = page
    .getByRole('table', { name: 'Applications on this server' })
    .getByRole('row')
    .filter({ hasText: `-${LONE}` })
  await expect(kept).toHaveCount(appCount)
  await expect(kept.first()).toContainText('This server')
})

test('bulk: add two servers to a group at once, then remove both together', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await openGroup(page, GROUP)
  const members = page.getByRole('table', { name: `Servers of ${GROUP}` })
  await expect(members.getByRole('row').nth(1)).toBeVisible()
  const before = (await members.getByRole('row').count()) - 1

  await page.getByRole('button', { name: 'Add server…' }).click()
  const dialog = page.getByRole('dialog', { name: `Add servers to ${GROUP}` })
  const filter = dialog.getByRole('searchbox', { name: 'Filter: Servers to add' })
  for (const name of [LONE, LONE_2]) {
    await filter.fill(name)
    await dialog.getByRole('checkbox', { name: new RegExp(name) }).check()
  }
  await expect(dialog.getByText('2 chosen')).toBeVisible()
  const curl = dialog.getByLabel('Requests as curl commands')
  await expect(curl).toContainText('-X POST')
  // Folded under the consequence (ADR 028): opened, it says how the requests go.
  await dialog.getByText('Show the 2 requests as curl').click()
  await expect(dialog.getByText('One per server, sent one after the other.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Add 2 servers to group' }).click()
  // Both joined: one toast, and the dialog closes without results.
  await expect(page.getByText(`Added 2 servers to ${GROUP}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(members.getByRole('row')).toHaveCount(before + 3)
  for (const name of [LONE, LONE_2]) await expect(members.getByRole('link', { name })).toBeVisible()

  await members.getByRole('checkbox', { name: `Select ${LONE}` }).check()
  await members.getByRole('checkbox', { name: `Select ${LONE_2}` }).check()
  await page.getByRole('button', { name: 'Remove 2 selected…' }).click()
  const confirm = page.getByRole('dialog', { name: `Remove 2 servers from ${GROUP}?` })
  await expect(confirm.getByRole('list', { name: 'What each server keeps' })).toContainText(
    `${LONE} keeps`,
  )
  await expect(confirm.getByLabel('Requests as curl commands')).toContainText('-X DELETE')
  await confirm.getByRole('button', { name: 'Remove 2 from group' }).click()
  await expect(page.getByText(`Removed 2 servers from ${GROUP}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(members.getByRole('row')).toHaveCount(before + 1)
  await expect(members.getByRole('link', { name: LONE })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Remove selected…' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await expectNoSeriousA11yViolations(page)
})

test('create a group from individual servers only, then delete it', async ({ page }) => {
  await signInAs(page, 'Administrator')
  await openSection(page, 'Server groups')
  await page.getByRole('button', { name: 'Create server group' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a server group' })
  await dialog.getByRole('button', { name: 'Create group' }).click()
  await expect(dialog.getByText('Enter a name.')).toBeVisible()
  await expect(dialog.getByText('Choose at least one server for the group.')).toBeVisible()

  await dialog.getByLabel('Group name').fill('checkout-group')
  const filter = dialog.getByRole('searchbox', { name: 'Filter: Servers' })
  await filter.fill(GROUPED_SERVER)
  await expect(dialog.getByRole('checkbox', { name: new RegExp(GROUPED_SERVER) })).toBeDisabled()
  await expect(dialog.getByText(`Already in server group '${OTHER_GROUP}'`)).toBeVisible()
  await filter.fill(LONE_2)
  await dialog.getByRole('checkbox', { name: new RegExp(LONE_2) }).check()
  await dialog.getByText('Show the request as curl').click()
  await expect(dialog.getByLabel('Request as a curl command')).toContainText('"checkout-group"')
  await dialog.getByRole('button', { name: 'Create group' }).click()

  await expect(page.getByRole('heading', { level: 1, name: /checkout-group/ })).toBeVisible()
  await expect(page.getByText('1 of 1 running')).toBeVisible()
  await expect(page.getByText('No applications are deployed to this server group.')).toBeVisible()

  await page.getByRole('button', { name: 'Delete group…' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete server group checkout-group?' })
  await expect(confirm.getByLabel('Request as a curl command')).toContainText('-X DELETE')
  await confirmByTyping(
    page,
    'Delete server group checkout-group?',
    'checkout-group',
    'Delete group',
  )
  await expect(page.getByRole('heading', { level: 1, name: 'Server groups' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'checkout-group' })).toHaveCount(0)
  await expect(page.getByText('Deleted server group checkout-group')).toBeVisible()
})

test('create a unicast cluster: a missing IP is refused, then fixed; add, remove, delete', async ({
  page,
}) => {
  await signInAs(page, 'Administrator')
  await openSection(page, 'Clusters')
  await page.getByRole('button', { name: 'Create cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a cluster' })
  await dialog.getByLabel('Cluster name').fill('orders-cluster')
  await expect(dialog.getByRole('radio', { name: /^Unicast/ })).toBeChecked()
  await dialog.getByRole('checkbox', { name: new RegExp(LONE_3) }).check()
  await dialog.getByRole('checkbox', { name: new RegExp(LONE_2) }).check()
  await dialog.getByLabel(`Clustering IP of ${LONE_3}`).fill('10.0.0.30')
  await dialog.getByRole('button', { name: 'Create cluster' }).click()
  await expect(
    dialog.getByText('Unicast clusters need this server’s IP address (IPv4 or IPv6).'),
  ).toBeVisible()
  await expect(dialog).toBeVisible()

  await dialog.getByLabel(`Clustering IP of ${LONE_2}`).fill('fd00::31')
  await dialog.getByRole('button', { name: 'Create cluster' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /orders-cluster/ })).toBeVisible()
  const members = page.getByRole('table', { name: 'Servers of orders-cluster' })
  await expect(members.getByRole('row').filter({ hasText: LONE_3 })).toContainText('10.0.0.30')
  await expect(members.getByRole('row').filter({ hasText: LONE_3 })).toContainText('Primary')
  await expect(members.getByRole('row').filter({ hasText: LONE_2 })).toContainText('fd00::31')
  await expect(page.getByText('Every node sees every other node.')).toBeVisible()

  await page.getByRole('button', { name: 'Add server…' }).click()
  const add = page.getByRole('dialog', { name: 'Add servers to orders-cluster' })
  await add.getByRole('searchbox').fill(LONE)
  await add.getByRole('checkbox', { name: new RegExp(LONE) }).check()
  await add.getByRole('button', { name: 'Add 1 server to cluster' }).click()
  await expect(
    add.getByText('Unicast clusters need this server’s IP address (IPv4 or IPv6).'),
  ).toBeVisible()
  await add.getByLabel(`Clustering IP of ${LONE}`).fill('10.0.0.32')
  await expect(add.getByLabel('Request as a curl command')).toContainText('"10.0.0.32"')
  await add.getByRole('button', { name: 'Add 1 server to cluster' }).click()
  await expect(add).toBeHidden()
  await expect(members.getByRole('row').filter({ hasText: LONE })).toContainText('10.0.0.32')

  await page.getByRole('button', { name: `Remove ${LONE} from the cluster` }).click()
  const remove = page.getByRole('dialog', { name: `Remove ${LONE} from orders-cluster?` })
  await expect(remove.getByLabel('Request as a curl command')).toContainText('-X DELETE')
  await remove.getByRole('button', { name: 'Remove from cluster' }).click()
  await expect(members.getByRole('row').filter({ hasText: LONE })).toHaveCount(0)

  await page.getByRole('button', { name: 'Delete cluster…' }).click()
  const del = page.getByRole('dialog', { name: 'Delete cluster orders-cluster?' })
  await expect(del.getByLabel('Request as a curl command')).toContainText('-X DELETE')
  await confirmByTyping(page, 'Delete cluster orders-cluster?', 'orders-cluster', 'Delete cluster')
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'orders-cluster' })).toHaveCount(0)
})

test('Monitor sees every change disabled, with the missing scope as the reason', async ({
  page,
}) => {
  await signInAs(page, 'Monitor')
  await openSection(page, 'Server groups')
  const create = page.getByRole('button', { name: 'Create server group' })
  await expect(create).toHaveAttribute('aria-disabled', 'true')
  await create.hover()
  await expect(page.getByRole('tooltip')).toContainText("Requires the 'Manage Servers' scope")
  await page
    .getByRole('table', { name: 'Server groups' })
    .getByRole('link', { name: GROUP })
    .click()
  for (const name of ['Add server…', 'Delete group…'])
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
  const removes = page.getByRole('button', { name: /^Remove .* from the group$/ })
  await expect(removes.first()).toHaveAttribute('aria-disabled', 'true')
  await removes.first().click({ force: true })
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await openSection(page, 'Clusters')
  await expect(page.getByRole('button', { name: 'Create cluster' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await page.getByRole('table', { name: 'Clusters' }).getByRole('link').first().click()
  for (const name of ['Add server…', 'Delete cluster…'])
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
  await expect(
    page.getByRole('button', { name: /^Remove .* from the cluster$/ }).first(),
  ).toHaveAccessibleDescription(/Requires the 'Manage Servers' scope/)

  // An application's target links to its group; a member's page links back to the group.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Applications', exact: true })
    .click()
  await page.getByRole('searchbox', { name: 'Filter applications' }).fill('catalog-batch')
  await page.getByRole('table', { name: 'Applications' }).getByRole('link', { name: GROUP }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(GROUP) })).toBeVisible()
  await page
    .getByRole('table', { name: `Servers of ${GROUP}` })
    .getByRole('link')
    .first()
    .click()
  await page.getByRole('link', { name: GROUP }).click()
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(GROUP) })).toBeVisible()
})

test('the large fleet: 150 groups and 60 clusters list, filter and open quickly', async ({
  page,
}) => {
  await signInAs(page, 'Administrator', '/?fleet=large')
  await openSection(page, 'Server groups')
  await expect(page.getByText(/^150 in Production/)).toBeVisible({ timeout: 15_000 })
  await page
    .getByRole('searchbox', { name: 'Filter server groups' })
    .pressSequentially('group-01', {
      delay: 20,
    })
  await expect(page.getByRole('searchbox', { name: 'Filter server groups' })).toHaveValue(
    'group-01',
  )
  await expect(page.getByText(/^150 in Production · [1-9]\d* shown/)).toBeVisible()
  await openSection(page, 'Clusters')
  await expect(page.getByText(/^60 in Production/)).toBeVisible({ timeout: 15_000 })
  await page.getByRole('table', { name: 'Clusters' }).getByRole('link').first().click()
  await expect(page.getByRole('table', { name: 'Which nodes see each other' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Applications' })).toBeVisible()
})

test('groups and clusters pages and dialogs have no serious accessibility violations', async ({
  page,
}) => {
  // Six axe runs on a shared two-core machine.
  test.slow()
  await signInAs(page, 'Administrator')
  await openSection(page, 'Server groups')
  await expect(page.getByRole('table', { name: 'Server groups' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Create server group' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Create group' }).click()
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('Escape')
  await openGroup(page, GROUP)
  await expect(page.getByRole('table', { name: `Applications on ${GROUP}` })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await openSection(page, 'Clusters')
  await expect(page.getByRole('table', { name: 'Clusters' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('button', { name: 'Create cluster' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a cluster' })
  await dialog.getByRole('checkbox', { name: new RegExp(LONE) }).check()
  await dialog.getByRole('button', { name: 'Create cluster' }).click()
  await expect(dialog.getByText('Enter a name.')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.keyboard.press('Escape')
  await page.getByRole('table', { name: 'Clusters' }).getByRole('link').first().click()
  await expect(page.getByRole('table', { name: 'Which nodes see each other' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
