import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

test('the servers list and a server’s page read in German', async () => {
  const { scope } = await signInAs('Administrator')
  await setLanguage('de', { remember: false })
  const { user } = renderApp(paths.servers(scope.envId))
  const table = await screen.findByRole('table', { name: 'Server' })
  expect(screen.getByRole('searchbox', { name: 'Server filtern' })).toBeInTheDocument()
  expect(within(table).getByRole('columnheader', { name: /Gruppe \/ Cluster/ })).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Servertyp' })).toHaveTextContent('Alle Typen')
  expect(screen.getByRole('button', { name: 'Server registrieren' })).toBeInTheDocument()

  // A server with applications of its own: the unregister dialog counts them in German.
  const db = demo.backend.db
  const server = db.servers
    .all()
    .find(
      (s) =>
        s.envId === scope.envId &&
        !db.membershipOf(s.id) &&
        db.applications.all().filter((a) => a.targetId === s.id).length > 1,
    )
  if (!server) throw new Error('no lone server with several applications')
  const own = db.applications.all().filter((a) => a.targetId === server.id).length
  await user.click(within(table).getByRole('link', { name: server.name }))
  expect(await screen.findByRole('heading', { name: 'Übersicht' })).toBeInTheDocument()
  expect(screen.getByRole('heading', { name: 'Anwendungen auf diesem Server' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Registrierung aufheben…' }))
  const dialog = await screen.findByRole('dialog', {
    name: `Registrierung von ${server.name} aufheben?`,
  })
  expect(
    await within(dialog).findByText(
      new RegExp(`^${own} Anwendungen, die nur auf diesem Server bereitgestellt sind`),
    ),
  ).toBeInTheDocument()
}, 30_000)
