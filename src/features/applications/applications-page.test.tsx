import { textContent } from '../../test/text-content.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { applicationQueries, desiredStatusRequest } from '../../api/runtime-manager/applications.ts'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { send } from '../../lib/request.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

function productionApps() {
  const db = demo.backend.db
  const env = db.environments[0]!
  return db.applications.all().filter((a) => a.envId === env.id)
}

test('lists every application of the environment with a derived status', async () => {
  const { scope } = await signInAs('Monitor')
  renderApp(paths.applications(scope.envId))
  const table = await screen.findByRole('table', { name: 'Applications' })
  expect(
    await screen.findByText(textContent(`${productionApps().length} in Production`)),
  ).toBeInTheDocument()
  expect(within(table).getAllByText('Started').length).toBeGreaterThan(0)
})

test('the failed facet shows only failed applications and is written to the URL', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const broken = productionApps()[0]!
  db.applications.update(broken.id, (row) => ({
    ...row,
    lastReportedStatus: 'DEPLOYMENT_FAILED',
    serverArtifacts: row.serverArtifacts.map((a) => ({
      ...a,
      lastReportedStatus: 'DEPLOYMENT_FAILED',
      message: 'port in use',
    })),
  }))
  const { user, router } = renderApp(paths.applications(scope.envId))
  await screen.findByRole('table', { name: 'Applications' })
  await user.click(screen.getByRole('button', { name: /^Failed/ }))
  await waitFor(() => expect(locationOf(router)).toContain('status=failed'))
  await screen.findByRole('table', { name: 'Applications' })
  const failed = productionApps().filter((a) => a.lastReportedStatus.includes('FAILED'))
  const links = within(screen.getByRole('table', { name: 'Applications' })).getAllByRole('link', {
    name: (name) => failed.some((a) => a.name === name),
  })
  expect(links).toHaveLength(failed.length)
})

test("an artifact's file name from the API is isolated in its cell, its tooltip the whole name", async () => {
  const { scope } = await signInAs('Monitor')
  const app = productionApps()[0]!
  // A right-to-left override: outside an isolate it would reorder the text after it.
  const fileName = `\u202Eraj.${'x'.repeat(200)}-1.0.0.jar`
  demo.backend.db.applications.update(app.id, (row) => ({
    ...row,
    artifact: { ...row.artifact, fileName },
  }))
  renderApp(`${paths.applications(scope.envId)}?q=${encodeURIComponent(app.name)}`)
  const table = await screen.findByRole('table', { name: 'Applications' })
  const link = await within(table).findByRole('link', { name: app.name })
  const cell = [...(link.closest('tr')?.cells ?? [])].find((c) => c.textContent === fileName)
  expect(cell?.title).toBe(fileName)
  expect(cell?.querySelector('bdi')?.textContent).toBe(fileName)
})

test('the deploy dialog explains every problem before sending and suggests the name', async () => {
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.applications(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Deploy application' }))
  const dialog = await screen.findByRole('dialog', { name: 'Deploy an application' })
  await user.click(within(dialog).getByRole('button', { name: 'Deploy' }))
  expect(
    within(dialog).getByText('Choose the application artifact (.jar or .zip).'),
  ).toBeInTheDocument()
  expect(within(dialog).getByText(/Choose where to deploy/)).toBeInTheDocument()
  await user.upload(
    within(dialog).getByLabelText('Artifact file'),
    new File(['PK'], 'Orders-Api-1.2.0-mule-application.jar'),
  )
  expect(within(dialog).getByLabelText('Application name')).toHaveValue('orders-api')
  await user.click(within(dialog).getByRole('button', { name: 'Add property' }))
  await user.type(within(dialog).getByLabelText('Property 1 value'), 'orphan')
  await user.click(within(dialog).getByRole('button', { name: 'Deploy' }))
  expect(within(dialog).getByText('Give this value a property name.')).toBeInTheDocument()
  // Nothing was sent: no application with that name exists.
  expect(
    productionApps().some((a) => a.name === 'orders-api' && a.desiredStatus === 'UPDATED'),
  ).toBe(false)
})

test('a deploy names its target for the audit trail (X-Console-Change), as its curl shows', async () => {
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.applications(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Deploy application' }))
  const dialog = await screen.findByRole('dialog', { name: 'Deploy an application' })
  await user.upload(
    within(dialog).getByLabelText('Artifact file'),
    new File(['PK'], 'Orders-Api-1.2.0-mule-application.jar'),
  )
  const select = within(dialog).getByLabelText('Deploy to')
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(1))
  const option = within(select)
    .getAllByRole<HTMLOptionElement>('option')
    .find((o) => o.value !== '')!
  const target = demo.backend.db.servers.get(Number(option.value))!
  await user.selectOptions(select, option.value)
  await user.click(within(dialog).getByText('Show the request as curl'))
  const curl = within(dialog).getByLabelText('Request as a curl command')
  const words = new URLSearchParams({ action: 'deploy', name: 'orders-api', on: target.name })
  expect(curl).toHaveTextContent(`X-Console-Change: ${words.toString()}`)
})

test('Monitor sees deploy and bulk actions disabled with the missing scope', async () => {
  const { scope } = await signInAs('Monitor')
  const { user } = renderApp(paths.applications(scope.envId))
  const deploy = await screen.findByRole('button', { name: 'Deploy application' })
  expect(deploy).toHaveAccessibleDescription(/'Create Applications' scope/)
  const first = productionApps()[0]!
  await user.type(screen.getByRole('searchbox', { name: 'Filter applications' }), first.name)
  await user.click(await screen.findByRole('checkbox', { name: `Select ${first.name}` }))
  const selection = screen.getByRole('region', { name: 'Selection' })
  expect(within(selection).getByRole('button', { name: 'Stop…' })).toHaveAccessibleDescription(
    /'Manage Applications' scope/,
  )
  expect(within(selection).getByRole('button', { name: 'Delete…' })).toHaveAccessibleDescription(
    /'Delete Applications' scope/,
  )
})

test('the target filter offers every target once reached for, and keeps its choice in the URL', async () => {
  const { scope } = await signInAs('Monitor')
  const db = demo.backend.db
  const app = productionApps()[0]!
  const target = db.targetView(app.targetId)!
  const kind = { SERVER: 'Server', SERVER_GROUP: 'Group', CLUSTER: 'Cluster' }[target.type]
  const label = `${kind}: ${isolateText(target.name)}`
  const { user, router, unmount } = renderApp(paths.applications(scope.envId))
  await screen.findByRole('table', { name: 'Applications' })
  const select = screen.getByRole('combobox', { name: 'Target' })
  await user.click(select)
  await user.selectOptions(select, label)
  await waitFor(() => expect(locationOf(router)).toContain(`target=${target.id}`))
  const table = await screen.findByRole('table', { name: 'Applications' })
  expect(within(table).getByRole('link', { name: app.name })).toBeInTheDocument()

  // Opened at that URL (a reload, a shared link), the choice shows before any option is built.
  const url = locationOf(router)
  unmount()
  renderApp(url)
  await screen.findByRole('table', { name: 'Applications' })
  expect(screen.getByRole('combobox', { name: 'Target' })).toHaveDisplayValue(label)
})

test('without ETags a settling application is followed by its own read merged into the list, and the list is not read again', async () => {
  demo.backend.etags = false
  const { scope } = await signInAs('Administrator')
  const app = productionApps().find(
    (a) =>
      a.desiredStatus === 'STARTED' &&
      a.lastReportedStatus === 'STARTED' &&
      a.serverArtifacts.length > 0 &&
      productionApps().filter((b) => b.name.startsWith(a.name)).length === 1,
  )!
  const seen: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (request.method === 'GET') seen.push(url.pathname + url.search)
  })
  const { queryClient } = renderApp(`${paths.applications(scope.envId)}?q=${app.name}`)
  const table = await screen.findByRole('table', { name: 'Applications' })
  const row = () => within(table).getByRole('link', { name: app.name }).closest('tr')!
  await waitFor(() => expect(row()).toHaveTextContent('Started'))
  // Stopped elsewhere (through the API itself), then the list is read again in full, as
  // after a change from the page: the second answer is shared with the first.
  await send(desiredStatusRequest(scope, app.id, 'STOPPED'))
  await queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) })
  await waitFor(() => expect(row()).toHaveTextContent('Stopping'))
  await waitFor(() => expect(row()).toHaveTextContent('Stopped'), { timeout: 10_000 })
  const listReads = seen.filter((p) => p === '/hybrid/api/v1/applications')
  const ownReads = seen.filter((p) => p === `/hybrid/api/v1/applications/${app.id}`)
  expect(listReads).toHaveLength(2)
  expect(ownReads.length).toBeGreaterThanOrEqual(1)
}, 20_000)

test('in German the list, its facets and the bulk confirmation read in German, with plurals', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.applications(scope.envId))
  const table = await screen.findByRole('table', { name: 'Anwendungen' })
  expect(screen.getByRole('button', { name: 'Anwendung bereitstellen' })).toBeInTheDocument()
  expect(screen.getByRole('searchbox', { name: 'Anwendungen filtern' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: /^Fehlgeschlagen/ })).toBeInTheDocument()
  expect(within(table).getByRole('columnheader', { name: /Größe/ })).toBeInTheDocument()
  // The first checkbox selects every row shown; the next ones select one row each.
  const boxes = within(table).getAllByRole('checkbox')
  await user.click(boxes[1]!)
  await user.click(screen.getByRole('button', { name: 'Stoppen…' }))
  expect(await screen.findByRole('dialog', { name: '1 Anwendung stoppen?' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: /^Abbrechen|^Cancel/ }))
  await user.click(boxes[2]!)
  await user.click(screen.getByRole('button', { name: 'Stoppen…' }))
  const dialog = await screen.findByRole('dialog', { name: '2 Anwendungen stoppen?' })
  expect(
    within(dialog).getByText(/Jede Anwendung stoppt auf jedem Server ihres Ziels/),
  ).toBeInTheDocument()
})

test('in Arabic the status facets and the dual of the bulk confirmation read in Arabic', async () => {
  await setLanguage('ar', { remember: false })
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.applications(scope.envId))
  const table = await screen.findByRole('table', { name: 'التطبيقات' })
  expect(screen.getByRole('button', { name: /^فشل/ })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: /^متوقف/ })).toBeInTheDocument()
  const boxes = within(table).getAllByRole('checkbox')
  await user.click(boxes[1]!)
  await user.click(boxes[2]!)
  await user.click(screen.getByRole('button', { name: 'إيقاف…' }))
  expect(await screen.findByRole('dialog', { name: 'إيقاف تطبيقين؟' })).toBeInTheDocument()
})
