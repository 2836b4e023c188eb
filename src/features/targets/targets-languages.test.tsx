import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

test('a server group’s page and its add dialog read in German, counts in their plural forms', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const group = db.groups.all().find((g) => g.envId === scope.envId)
  const lone = db.servers
    .all()
    .find((s) => s.envId === scope.envId && s.status === 'RUNNING' && !db.membershipOf(s.id))
  if (!group || !lone) throw new Error('no seeded group or lone server')
  await setLanguage('de', { remember: false })
  const { user } = renderApp(paths.serverGroup(scope.envId, group.id))
  expect(await screen.findByText(/^Servergruppe · \d+ Server · erstellt /)).toBeInTheDocument()
  // The page's way back to its list, and the navigation, both in German.
  expect(
    within(screen.getByRole('main')).getByRole('link', { name: 'Servergruppen' }),
  ).toBeInTheDocument()
  expect(
    within(screen.getByRole('navigation', { name: 'Bereiche' })).getByRole('link', {
      name: 'Servergruppen',
    }),
  ).toHaveAttribute('aria-current', 'page')
  expect(screen.getByRole('table', { name: `Server von ${group.name}` })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Gruppe löschen…' })).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'Server hinzufügen…' }))
  const dialog = await screen.findByRole('dialog', { name: `Server zu ${group.name} hinzufügen` })
  expect(within(dialog).getByRole('button', { name: 'Zur Gruppe hinzufügen' })).toBeDisabled()
  await user.type(await within(dialog).findByRole('searchbox'), lone.name)
  await user.click(within(dialog).getByRole('checkbox', { name: new RegExp(lone.name) }))
  expect(within(dialog).getByText('1 ausgewählt')).toBeInTheDocument()
  await waitFor(() =>
    expect(
      within(dialog).getByRole('button', { name: '1 Server zur Gruppe hinzufügen' }),
    ).toBeEnabled(),
  )
}, 30_000)

test('the server groups list reads in Arabic: its facets and roll-up words', async () => {
  const { scope } = await signInAs('Administrator')
  await setLanguage('ar', { remember: false })
  renderApp(paths.serverGroups(scope.envId))
  const table = await screen.findByRole('table', { name: 'مجموعات الخوادم' })
  expect(document.documentElement.dir).toBe('rtl')
  expect(screen.getByRole('button', { name: /الكل قيد التشغيل/ })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: /لا شيء قيد التشغيل/ })).toBeInTheDocument()
  expect(
    within(table).getByRole('columnheader', { name: /الأعضاء قيد التشغيل/ }),
  ).toBeInTheDocument()
  expect(within(table).getAllByText(/ من .+ قيد التشغيل$/).length).toBeGreaterThan(0)
})
