import { textContent } from '../../test/text-content.ts'
import { openNotFoundPage } from '../../test/not-found.ts'
import { screen, within } from '@testing-library/react'
import { confirmByTyping } from '../../test/confirm.ts'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'
import { expectConsoleError } from '../../test/console-errors.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { serverNameProblem, setupCommand } from './register-server-dialog.tsx'

const demo = setupTestBackend()

function findServer(name: string) {
  const row = demo.backend.db.servers.all().find((s) => s.name === name)
  if (!row) throw new Error(`no server ${name}`)
  return row
}

test('shows a clustered server’s fields, runtime, membership and applications', async () => {
  const { scope } = await signInAs('Operator')
  const s = findServer('prd-mule-ap-south-01')
  renderApp(paths.server(scope.envId, s.id))
  expect(await screen.findByRole('heading', { name: /prd-mule-ap-south-01/ })).toBeInTheDocument()
  const overview = screen.getByRole('region', { name: 'Overview' })
  expect(within(overview).getByText(String(s.id))).toBeInTheDocument()
  expect(within(overview).getByText(s.agentVersion ?? '')).toBeInTheDocument()
  expect(
    within(screen.getByRole('region', { name: 'Group or cluster' })).getByText('Clustering IP'),
  ).toBeInTheDocument()
  const apps = screen.getByRole('region', { name: 'Applications on this server' })
  expect(await within(apps).findByRole('table')).toBeInTheDocument()
  expect(within(apps).getAllByText(textContent(/^Cluster /)).length).toBeGreaterThan(0)
})

test('unregister is refused in advance for a clustered server, naming the cluster', async () => {
  const { scope } = await signInAs('Administrator')
  const s = findServer('prd-mule-ap-south-01')
  renderApp(paths.server(scope.envId, s.id))
  const button = await screen.findByRole('button', { name: 'Unregister…' })
  expect(button).toHaveAttribute('aria-disabled', 'true')
  expect(button).toHaveAccessibleDescription(/Remove it from cluster '.+' first/)
})

test('unregister confirms with curl, then returns to the list without the server', async () => {
  const { scope } = await signInAs('Administrator')
  const s = findServer('prd-gw-ap-south-01')
  const { user, router } = renderApp(paths.server(scope.envId, s.id))
  await user.click(await screen.findByRole('button', { name: 'Unregister…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Unregister prd-gw-ap-south-01?' })
  expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
    `/hybrid/api/v1/servers/${s.id}`,
  )
  await confirmByTyping(user, dialog, 'prd-gw-ap-south-01', 'Unregister')
  await screen.findByRole('table', { name: 'Servers' })
  expect(locationOf(router)).toBe(paths.servers(scope.envId))
  expect(screen.queryByRole('link', { name: 'prd-gw-ap-south-01' })).toBeNull()
  expect(demo.backend.db.servers.get(s.id)).toBeUndefined()
})

test('a failed unregister stays in the dialog with the API message, and the server stays', async () => {
  const { scope } = await signInAs('Administrator')
  const s = findServer('prd-gw-ap-south-01')
  const { user } = renderApp(paths.server(scope.envId, s.id))
  await user.click(await screen.findByRole('button', { name: 'Unregister…' }))
  const dialog = await screen.findByRole('dialog')
  demo.backend.faults.set({ failureRate: 1 })
  await confirmByTyping(user, dialog, 'prd-gw-ap-south-01', 'Unregister')
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    /Injected failure.*HTTP 500 · DELETE/,
  )
  expect(demo.backend.db.servers.get(s.id)).toBeDefined()
})

test('an unknown server id says not found and links back', async () => {
  const { scope } = await signInAs('Administrator')
  expectConsoleError(/Server 424242 was not found/)
  expect(
    await openNotFoundPage(
      paths.server(scope.envId, 424242),
      'Server not found',
      'Back to servers',
    ),
  ).toHaveAttribute('href', paths.servers(scope.envId))
})

test('server names for the setup command are validated', () => {
  expect(serverNameProblem('')).toMatch(/Enter the name/)
  expect(serverNameProblem('has space')).toMatch(/letters, digits/)
  expect(serverNameProblem('-leading-dash')).toMatch(/starting with a letter or digit/)
  expect(serverNameProblem('a'.repeat(61))).toMatch(/at most 60/)
  expect(serverNameProblem('prd-mule-eu-west-07')).toBeNull()
  expect(setupCommand('TOKEN', 'web-1')).toBe(`./amc_setup -H 'TOKEN' 'web-1'`)
})
