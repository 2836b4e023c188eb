import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { NewAuditEntry } from '../../api/console/audit-schemas.ts'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()
const T0 = Date.UTC(2026, 10, 30, 9)

function entry(overrides: Partial<NewAuditEntry>): NewAuditEntry {
  return {
    time: T0,
    operator: 'ada.lovelace',
    organization: 'org',
    environment: 'env',
    family: 'arm',
    action: 'stop',
    resourceKind: 'application',
    resourceId: '1',
    resourceName: 'orders-api',
    runtime: null,
    summary: 'stop application orders-api on prd-mule-07',
    outcome: 'success',
    status: 200,
    message: null,
    transactionId: null,
    transactionStatus: null,
    details: null,
    durationMs: 12,
    requestId: 'req',
    request: {
      method: 'PATCH',
      path: '/hybrid/api/v1/applications/1',
      headers: [['X-ANYPNT-ENV-ID', 'env']],
      body: '{"desiredStatus":"STOPPED"}',
    },
    ...overrides,
  }
}

function summaries(): string[] {
  const list = screen.getByRole('list', { name: 'Activity entries' })
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.activity-summary')?.textContent ?? '')
}

test(
  'filters live in the URL: choices at once, text on Enter, and Clear',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Administrator')
    demo.backend.audit.record(entry({ requestId: 'a' }))
    demo.backend.audit.record(
      entry({
        time: T0 + 1000,
        operator: 'otto.neumann',
        action: 'start',
        summary: 'start application billing',
        resourceName: 'billing',
        outcome: 'failure',
        status: 500,
        message: 'Injected failure',
      }),
    )
    const { user, router } = renderApp(paths.activity(scope.envId))
    await screen.findByRole('list', { name: 'Activity entries' })
    expect(summaries()).toEqual([
      'start application billing',
      'stop application orders-api on prd-mule-07',
    ])

    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'failure')
    await waitFor(() => expect(summaries()).toEqual(['start application billing']))
    expect(locationOf(router)).toBe(paths.activity(scope.envId, 'outcome=failure'))

    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), '')
    await user.type(screen.getByRole('textbox', { name: 'Operator' }), 'ada.lovelace{Enter}')
    await waitFor(() => expect(summaries()).toEqual(['stop application orders-api on prd-mule-07']))
    expect(locationOf(router)).toBe(paths.activity(scope.envId, 'operator=ada.lovelace'))

    await user.type(
      screen.getByRole('searchbox', { name: 'Resource name' }),
      'nothing-like-it{Enter}',
    )
    expect(await screen.findByText('No activity matches these filters')).toBeInTheDocument()
    expect(locationOf(router)).toBe(
      paths.activity(scope.envId, 'operator=ada.lovelace&q=nothing-like-it'),
    )
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!)
    await waitFor(() => expect(summaries()).toHaveLength(2))
    expect(locationOf(router)).toBe(paths.activity(scope.envId))
    expect(screen.getByRole('textbox', { name: 'Operator' })).toHaveValue('')
  },
)

test(
  'a filtered URL opens filtered; Load more follows the cursor',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Monitor')
    for (let i = 0; i < 60; i++)
      demo.backend.audit.record(entry({ time: T0 + i, summary: `stop application app-${i}` }))
    demo.backend.audit.record(
      entry({ time: T0 + 100, family: 'mfp', summary: 'disable X on device Y' }),
    )
    const { user } = renderApp(paths.activity(scope.envId, 'family=arm'))
    await screen.findByRole('list', { name: 'Activity entries' })
    expect(screen.getByRole('combobox', { name: 'Family' })).toHaveValue('arm')
    expect(summaries()).toHaveLength(50)
    expect(summaries()[0]).toBe('stop application app-59')
    await user.click(screen.getByRole('button', { name: 'Load more' }))
    await waitFor(() => expect(summaries()).toHaveLength(60))
    expect(summaries().at(-1)).toBe('stop application app-0')
    expect(screen.getByText('60 entries: the end of the list.')).toBeInTheDocument()
  },
)

test(
  'an entry opens to its outcome, the resource link and the request as curl',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Monitor')
    demo.backend.audit.record(
      entry({
        outcome: 'failure',
        status: 500,
        message: 'Injected failure',
        environment: scope.envId,
      }),
    )
    const { user } = renderApp(paths.activity(scope.envId))
    await screen.findByRole('list', { name: 'Activity entries' })
    await user.click(screen.getByText('stop application orders-api on prd-mule-07'))
    expect(
      await screen.findByRole('link', { name: 'Open application orders-api' }),
    ).toHaveAttribute('href', paths.application(scope.envId, '1'))
    const curl = screen.getByLabelText('The recorded request as a curl command').textContent ?? ''
    expect(curl).toContain("curl -X PATCH 'http://localhost:3000/hybrid/api/v1/applications/1'")
    expect(curl).toContain('Bearer $TOKEN')
    expect(curl).toContain(`--data '{"desiredStatus":"STOPPED"}'`)
    expect(screen.getByText(/HTTP 500/)).toHaveTextContent('HTTP 500: Injected failure')
  },
)

test(
  'a resource page shows its own recent activity, fresh after a change and after a failure',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Operator')
    const app = demo.backend.db.applications
      .all()
      .find((a) => a.envId === scope.envId && a.desiredStatus === 'STARTED')!
    const { user } = renderApp(paths.application(scope.envId, app.id))
    const panel = await screen.findByRole('region', { name: 'Recent activity' })
    expect(
      await within(panel).findByText('No change made through the console is recorded for it yet.'),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Stop…' }))
    const confirm = await screen.findByRole('dialog', { name: `Stop ${app.name}?` })
    await user.click(within(confirm).getByRole('button', { name: 'Stop' }))
    expect(
      await within(panel).findByText(new RegExp(`^stop application ${app.name} on `)),
    ).toBeInTheDocument()
    expect(within(panel).getByText('Succeeded')).toBeInTheDocument()
    expect(within(panel).getByText('otto.neumann')).toBeInTheDocument()

    demo.backend.faults.set({ failMatching: `PATCH /hybrid/api/v1/applications/${app.id}` })
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Start' })).not.toHaveAttribute(
          'aria-disabled',
          'true',
        ),
      { timeout: 10_000 },
    )
    await user.click(screen.getByRole('button', { name: 'Start' }))
    expect(await within(panel).findByText('Failed')).toBeInTheDocument()
    expect(
      within(panel).getByText(new RegExp(`^start application ${app.name} on `)),
    ).toBeInTheDocument()
    expect(within(panel).getByRole('link', { name: 'All activity' })).toHaveAttribute(
      'href',
      paths.activity(scope.envId, new URLSearchParams({ q: app.name }).toString()),
    )
  },
)

test('in German the filters, the entries and the count at the end read in German', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Monitor')
  for (let i = 0; i < 3; i++)
    demo.backend.audit.record(entry({ time: T0 + i, summary: `stop application app-${i}` }))
  const { user } = renderApp(paths.activity(scope.envId))
  const list = await screen.findByRole('list', { name: 'Aktivitätseinträge' })
  expect(screen.getByRole('search', { name: 'Aktivität filtern' })).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Ergebnis' })).toHaveTextContent('Erfolgreich')
  expect(screen.getByRole('combobox', { name: 'Aktion' })).toHaveTextContent(
    'Artefakt aktualisieren',
  )
  expect(screen.getByText('3 Einträge: das Ende der Liste.')).toBeInTheDocument()
  await user.click(within(list).getAllByText(/^stop application app-/)[0]!)
  expect(
    await within(list).findByRole('link', { name: 'Anwendung orders-api öffnen' }),
  ).toBeInTheDocument()
  expect(within(list).getAllByText(/^von\b/).length).toBeGreaterThan(0)
})

test('in Arabic the count at the end takes the plural form of its number', async () => {
  await setLanguage('ar', { remember: false })
  const { scope } = await signInAs('Monitor')
  for (let i = 0; i < 2; i++)
    demo.backend.audit.record(entry({ time: T0 + i, summary: `stop application app-${i}` }))
  renderApp(paths.activity(scope.envId))
  await screen.findByRole('list', { name: 'إدخالات النشاط' })
  expect(screen.getByText('إدخالان: نهاية القائمة.')).toBeInTheDocument()
})
