import { textContent } from '../../test/text-content.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { confirmByTyping } from '../../test/confirm.ts'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'
import { linkNamesIn } from '../../test/table-links.ts'
import type { FaultEffect } from '../../demo/faults.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'

const demo = setupTestBackend()

test('lists the environment’s servers with their status', async () => {
  const { scope } = await signInAs('Administrator')
  renderApp(paths.servers(scope.envId))
  const table = await screen.findByRole('table', { name: 'Servers' })
  expect(await screen.findByText(textContent('24 registered in Production'))).toBeInTheDocument()
  expect(within(table).getAllByRole('link').length).toBeGreaterThan(5)
  expect(within(table).getAllByText('Running').length).toBeGreaterThan(0)
})

test('typing a filter narrows the rows and writes the URL', async () => {
  const { scope } = await signInAs('Administrator')
  const { user, router } = renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  await user.type(screen.getByRole('searchbox', { name: 'Filter servers' }), 'prd-gw')
  await waitFor(() => expect(locationOf(router)).toContain('q=prd-gw'))
  const links = within(screen.getByRole('table', { name: 'Servers' })).getAllByRole('link')
  expect(links.length).toBeGreaterThan(0)
  for (const link of links) expect(link).toHaveTextContent(/^prd-gw/)
})

test('the status facet and sort come from the URL', async () => {
  const { scope } = await signInAs('Administrator')
  renderApp(paths.servers(scope.envId, 'status=DISCONNECTED&sort=-name'))
  const table = await screen.findByRole('table', { name: 'Servers' })
  expect(screen.getByRole('button', { name: /Disconnected/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  const names = linkNamesIn('Servers')
  expect(names.length).toBeGreaterThan(0)
  expect([...names].sort().reverse()).toEqual(names)
  expect(within(table).queryByText('Running')).toBeNull()
})

test('Monitor sees Register disabled with the missing scope as its description', async () => {
  const { scope } = await signInAs('Monitor')
  const { user } = renderApp(paths.servers(scope.envId))
  const register = await screen.findByRole('button', { name: 'Register server' })
  expect(register).toHaveAttribute('aria-disabled', 'true')
  expect(register).toHaveAccessibleDescription(/Requires the 'Manage Servers' scope/)
  await user.click(register)
  expect(screen.queryByRole('dialog')).toBeNull()
})

test('a failed load shows the API message and request, and Retry loads the list', async () => {
  const { scope } = await signInAs('Administrator')
  let calls = 0
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () => {
      calls++
      return calls === 1
        ? HttpResponse.json({ message: 'Runtime Manager is down for maintenance' }, { status: 503 })
        : undefined
    }),
  )
  const { user } = renderApp(paths.servers(scope.envId))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Runtime Manager is down for maintenance')
  expect(alert).toHaveTextContent('HTTP 503 · GET /hybrid/api/v1/servers')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await screen.findByRole('table', { name: 'Servers' })).toBeInTheDocument()
})

test('a list answer of the wrong shape is an error on the page, not a crash', async () => {
  const { scope } = await signInAs('Administrator')
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () => HttpResponse.json({ data: { id: 'seven' } })),
  )
  renderApp(paths.servers(scope.envId))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent(/not in the expected format at "\u2068data\u2069"/)
})

test('one malformed server among good ones: the good ones are listed, a banner details the bad one', async () => {
  const { scope } = await signInAs('Administrator')
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () =>
      HttpResponse.json({
        data: [
          { id: 1, name: 'good-one', status: 'RUNNING' },
          { id: 2, name: 'broken-one', status: 42 },
          { name: 'no-id', status: 'RUNNING' },
          { id: 4, name: 'good-two', status: 'DISCONNECTED' },
        ],
      }),
    ),
  )
  const { user } = renderApp(paths.servers(scope.envId))
  const table = await screen.findByRole('table', { name: 'Servers' })
  expect(within(table).getByText('good-one')).toBeInTheDocument()
  expect(within(table).getByText('good-two')).toBeInTheDocument()
  expect(within(table).queryByText('broken-one')).toBeNull()
  const banner = screen.getByRole('status', { name: /could not be read/ })
  expect(banner).toHaveTextContent('2 servers could not be read and are not shown.')
  await user.click(screen.getByText('What was wrong'))
  expect(banner).toHaveTextContent('Record 2 (id 2): status: expected string, found 42')
  expect(banner).toHaveTextContent('Record 3 (id no-id): id: missing (expected number)')
})

test('bulk unregister shows one result per server and leaves the list true to the backend', async () => {
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(paths.servers(scope.envId, 'q=ap-south-01'))
  await screen.findByRole('table', { name: 'Servers' })
  await user.click(screen.getByRole('checkbox', { name: 'Select prd-gw-ap-south-01' }))
  await user.click(screen.getByRole('checkbox', { name: 'Select prd-mule-ap-south-01' }))
  await user.click(screen.getByRole('button', { name: 'Unregister selected…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Unregister 2 servers?' })
  expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
    'curl -X DELETE',
  )
  await confirmByTyping(user, dialog, 'unregister 2', 'Unregister 2')
  const results = await screen.findByRole('dialog', { name: 'Unregister servers: results' })
  expect(within(results).getByText('Unregister: 1 of 2 succeeded, 1 failed.')).toBeInTheDocument()
  const items = within(results).getAllByRole('listitem')
  expect(items[0]).toHaveTextContent(/Failed.*prd-mule-ap-south-01.*belongs to cluster/)
  expect(items[1]).toHaveTextContent(/Succeeded.*prd-gw-ap-south-01/)
  const remaining = demo.backend.db.servers.all().map((s) => s.name)
  expect(remaining).not.toContain('prd-gw-ap-south-01')
  expect(remaining).toContain('prd-mule-ap-south-01')
  await user.click(within(results).getAllByRole('button', { name: 'Close' })[0]!)
  expect(screen.queryByRole('checkbox', { name: 'Select prd-gw-ap-south-01' })).toBeNull()
})

test('an environment without servers offers registering one, which shows a token and command', async () => {
  const { orgId, envs } = await signInAs('Administrator')
  const qa = envs.find((e) => e.name === 'QA')!
  const { user } = renderApp(paths.servers(qa.id))
  await screen.findByRole('heading', { name: 'No servers in QA yet' })
  await user.click(screen.getByRole('button', { name: 'Register a server' }))
  const dialog = await screen.findByRole('dialog', { name: 'Register a server' })
  const token = await within(dialog).findByLabelText('Registration token')
  expect(token.textContent).toContain(`${orgId}---${qa.id}---`)
  await user.type(within(dialog).getByLabelText('Server name'), 'qa-mule-01')
  expect(within(dialog).getByLabelText('Setup command')).toHaveTextContent(
    `./amc_setup -H '${token.textContent}' 'qa-mule-01'`,
  )
})

/**
 * Unregisters prd-gw-ap-south-01 from the list as the Administrator while the gateway
 * answers its DELETE with `effect` once; returns the server and the results dialog.
 */
async function bulkUnregisterGatewayWith(effect: FaultEffect) {
  const { scope } = await signInAs('Administrator')
  const gw = demo.backend.db.servers.all().find((s) => s.name === 'prd-gw-ap-south-01')
  if (!gw) throw new Error('no prd-gw-ap-south-01')
  demo.backend.faults.set({
    rules: [{ matching: `DELETE /hybrid/api/v1/servers/${gw.id}`, effect, times: 1 }],
  })
  const { user } = renderApp(paths.servers(scope.envId, 'q=ap-south-01'))
  await screen.findByRole('table', { name: 'Servers' })
  await user.click(screen.getByRole('checkbox', { name: 'Select prd-gw-ap-south-01' }))
  await user.click(screen.getByRole('button', { name: 'Unregister selected…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Unregister 1 server?' })
  await confirmByTyping(user, dialog, 'prd-gw-ap-south-01', 'Unregister 1')
  return { gw, dialog }
}

test('bulk unregister: a server whose answer was lost but which is gone succeeded (read back): one toast, no dialog', async () => {
  const { gw, dialog } = await bulkUnregisterGatewayWith('lose-answer-502')
  // One success message per action: the toast, and the dialog closes without results.
  expect(await screen.findByText(textContent('Unregistered 1 server'))).toBeInTheDocument()
  await waitFor(() => expect(dialog).not.toBeInTheDocument())
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(demo.backend.db.servers.get(gw.id)).toBeUndefined()
})

test('bulk unregister: a lost answer over a server that is still there says Failed in the results, no toast, and the store agrees', async () => {
  // The gateway fails the call before the backend sees it: nothing is applied.
  const { gw } = await bulkUnregisterGatewayWith('fail-502')
  const results = await screen.findByRole('dialog', { name: 'Unregister servers: results' })
  expect(within(results).getByText('Unregister: 0 of 1 succeeded, 1 failed.')).toBeInTheDocument()
  expect(within(results).getByRole('listitem')).toHaveTextContent(
    /Failed.*prd-gw-ap-south-01.*HTTP 502/,
  )
  expect(screen.queryAllByText(textContent(/^(Unregistered|Couldn't unregister) /))).toHaveLength(0)
  expect(demo.backend.db.servers.get(gw.id)).toBeDefined()
})
