import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'
import { textContent } from '../../test/text-content.ts'

// The client application pages in German and Arabic (the other tests read them in English).
const demo = setupTestBackend()

test('the client application list in German: title, columns, page line and status words', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Monitor')
  renderApp(paths.clientApps(scope.envId, 'page=2'))
  const table = await screen.findByRole('table', { name: 'Client-Anwendungen' })
  expect(screen.getByRole('heading', { level: 1, name: 'Client-Anwendungen' })).toBeInTheDocument()
  expect(within(table).getByRole('columnheader', { name: /Drosselungsstufe/ })).toBeInTheDocument()
  expect(within(table).getByRole('columnheader', { name: /Eigentümer/ })).toBeInTheDocument()
  expect(screen.getByText('Seite 2 · Anwendungen 26–50')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Nächste Seite' })).toBeInTheDocument()
  expect(within(table).getAllByText('Genehmigt').length).toBeGreaterThan(0)
})

test('deleting an application with keys in German counts its key sets in a plural', async () => {
  await setLanguage('de', { remember: false })
  const row = demo.backend.store.all().find((r) => r.keys.length === 2)
  if (!row) throw new Error('no application with two key sets in the seed')
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.clientApp(scope.envId, row.applicationId))
  expect(await screen.findByRole('heading', { name: 'Schlüssel' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Löschen…' }))
  const dialog = await screen.findByRole('dialog', { name: `${row.name} löschen?` })
  expect(
    within(dialog).getByText(/^Die Anwendung und ihre 2 Schlüsselsätze werden entfernt\./),
  ).toBeInTheDocument()
})

test('a client application page in Arabic: its status word and details', async () => {
  await setLanguage('ar', { remember: false })
  const row = demo.backend.store.all().find((r) => r.status === 'APPROVED')
  if (!row) throw new Error('no approved application in the seed')
  const { scope } = await signInAs('Monitor')
  renderApp(paths.clientApp(scope.envId, row.applicationId))
  expect(await screen.findByRole('heading', { name: 'التفاصيل' })).toBeInTheDocument()
  expect(screen.getByText(textContent('معتمد'))).toBeInTheDocument()
  expect(screen.getByRole('group', { name: 'الإجراءات' })).toBeInTheDocument()
})

test('the create dialog’s reasons read in German: the store’s rules are shown translated', async () => {
  const { scope } = await signInAs('Administrator')
  await setLanguage('de', { remember: false })
  const { user } = renderApp(paths.clientApps(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Anwendung erstellen' }))
  const dialog = await screen.findByRole('dialog', { name: 'Client-Anwendung erstellen' })
  await user.type(within(dialog).getByLabelText('Callback-URL (optional)'), 'ftp://nope')
  await user.click(within(dialog).getByRole('button', { name: 'Erstellen' }))
  expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
    'Geben Sie einen Namen ein.',
  )
  expect(within(dialog).getByLabelText('Drosselungsstufe')).toHaveAccessibleDescription(
    'Wählen Sie eine Drosselungsstufe.',
  )
  expect(within(dialog).getByLabelText('Callback-URL (optional)')).toHaveAccessibleDescription(
    'Geben Sie eine absolute URL mit http:// oder https:// ein oder lassen Sie das Feld leer.',
  )
})
