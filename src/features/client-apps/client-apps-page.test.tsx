import { confirmByTyping } from '../../test/confirm.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'
import { linkNamesIn } from '../../test/table-links.ts'

const demo = setupTestBackend()

test(
  'pages of 25 from the URL, with Next/Previous moving the page in the URL',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Monitor')
    const all = demo.backend.store.all().map((r) => r.name)
    const { user, router } = renderApp(paths.clientApps(scope.envId, 'page=2'))
    await screen.findByRole('table', { name: 'Client applications' })
    expect(linkNamesIn('Client applications')).toEqual(all.slice(25, 50))
    expect(screen.getByText('Page 2 · applications 26–50')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(linkNamesIn('Client applications')).toEqual(all.slice(50, 75)))
    expect(locationOf(router)).toBe(paths.clientApps(scope.envId, 'page=3'))
    await user.click(screen.getByRole('button', { name: 'Previous page' }))
    await waitFor(() => expect(linkNamesIn('Client applications')).toEqual(all.slice(25, 50)))
    expect(locationOf(router)).toBe(paths.clientApps(scope.envId, 'page=2'))
  },
)

test('the last page says so and has no next page', { timeout: 20_000 }, async () => {
  const { scope } = await signInAs('Monitor')
  const total = demo.backend.store.all().length
  const last = Math.ceil(total / 25)
  renderApp(paths.clientApps(scope.envId, `page=${last}`))
  expect(
    await screen.findByText(
      `Page ${last} · applications ${(last - 1) * 25 + 1}–${total} (last page)`,
    ),
  ).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
})

test('status and tier are shown per row', { timeout: 20_000 }, async () => {
  const { scope } = await signInAs('Monitor')
  const first = demo.backend.store.all()[0]!
  renderApp(paths.clientApps(scope.envId))
  await screen.findByRole('table', { name: 'Client applications' })
  const row = screen.getByRole('row', { name: new RegExp(`^Select ${first.name} ${first.name}`) })
  expect(row).toHaveTextContent(first.throttlingTier)
  expect(row).toHaveTextContent(/Approved|Created|On hold|Rejected/)
})

test(
  'the name lookup is exact, kept in the URL, and says when nothing has that name',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Monitor')
    const wanted = demo.backend.store.all()[60]!.name
    const { user, router } = renderApp(paths.clientApps(scope.envId, 'page=2'))
    const box = await screen.findByRole('searchbox', { name: 'Exact application name' })
    await user.type(box, wanted)
    await user.click(screen.getByRole('button', { name: 'Look up' }))
    await waitFor(() => expect(linkNamesIn('Client applications')).toEqual([wanted]))
    expect(locationOf(router)).toBe(
      paths.clientApps(scope.envId, `name=${encodeURIComponent(wanted)}`),
    )
    const partial = wanted.slice(0, 5)
    await user.clear(screen.getByRole('searchbox', { name: 'Exact application name' }))
    await user.type(screen.getByRole('searchbox', { name: 'Exact application name' }), partial)
    await user.click(screen.getByRole('button', { name: 'Look up' }))
    expect(
      await screen.findByRole('heading', { name: `No application is named “${partial}”` }),
    ).toBeInTheDocument()
  },
)

test(
  'create: a taken name marks the name field and keeps the form; then 201 opens the new application',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Administrator')
    const taken = demo.backend.store.all()[3]!.name
    const { user, router } = renderApp(paths.clientApps(scope.envId))
    await user.click(await screen.findByRole('button', { name: 'Create application' }))
    const dialog = await screen.findByRole('dialog', { name: 'Create a client application' })
    await within(dialog).findByRole('option', { name: new RegExp(`^${isolateText('Gold')}`) })
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription('Enter a name.')

    await user.type(within(dialog).getByLabelText('Name'), taken)
    await user.selectOptions(within(dialog).getByLabelText('Throttling tier'), 'Gold')
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'Kept on 409')
    await user.type(within(dialog).getByLabelText('Callback URL (optional)'), 'ftp://nope')
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(within(dialog).getByLabelText('Callback URL (optional)')).toHaveAccessibleDescription(
      'Enter an absolute http:// or https:// URL, or leave it empty.',
    )
    await user.clear(within(dialog).getByLabelText('Callback URL (optional)'))
    await user.type(
      within(dialog).getByLabelText('Callback URL (optional)'),
      'https://kept.example.com/cb',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))

    const name = within(dialog).getByLabelText('Name')
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription(
      `An application named '${taken}' already exists. Choose another name.`,
    )
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'HTTP 409 · POST /api/am/store/v0.10/applications',
    )
    expect(within(dialog).getByLabelText('Description (optional)')).toHaveValue('Kept on 409')
    expect(within(dialog).getByLabelText('Throttling tier')).toHaveValue('Gold')

    await user.type(name, ' two')
    expect(name).not.toHaveAttribute('aria-invalid')
    await user.click(within(dialog).getByRole('button', { name: 'Create' }))
    expect(await screen.findByRole('heading', { name: new RegExp(`${taken} two`) })).toBeVisible()
    const created = demo.backend.store.findByName(`${taken} two`)!
    expect(locationOf(router)).toBe(paths.clientApp(scope.envId, created.applicationId))
    expect(created).toMatchObject({
      description: 'Kept on 409',
      callbackUrl: 'https://kept.example.com/cb',
      throttlingTier: 'Gold',
    })
  },
)

test(
  'the Monitor cannot create: the button names the missing scope',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Monitor')
    renderApp(paths.clientApps(scope.envId))
    const create = await screen.findByRole('button', { name: 'Create application' })
    expect(create).toHaveAttribute('aria-disabled', 'true')
    expect(create).toHaveAccessibleDescription(/Requires the 'apim:subscribe' scope/)
  },
)

test(
  'delete several on a page: confirmed with each request, all deleted in one toast (no results dialog), the page true to the store',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Administrator')
    const [a, b] = demo.backend.store.all()
    const { user } = renderApp(paths.clientApps(scope.envId))
    await screen.findByRole('table', { name: 'Client applications' })
    await user.click(screen.getByRole('checkbox', { name: `Select ${a!.name}` }))
    await user.click(screen.getByRole('checkbox', { name: `Select ${b!.name}` }))
    const selection = screen.getByRole('region', { name: 'Selection' })
    expect(selection).toHaveTextContent('2 selected')
    await user.click(within(selection).getByRole('button', { name: 'Delete…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 client applications?' })
    expect(dialog).toHaveTextContent(
      `curl -X DELETE 'http://localhost:3000/api/am/store/v0.10/applications/${a!.applicationId}'`,
    )
    expect(dialog).toHaveTextContent('The first of 2 requests like it')
    expect(dialog).toHaveTextContent(`${a!.name}, ${b!.name}`)
    // Another operator deletes one first: it is gone either way, so it counts as deleted.
    demo.backend.store.delete(b!.applicationId)
    await confirmByTyping(user, dialog, 'delete 2', 'Delete 2')
    // Both count as deleted: one success message, the dialog closes without results.
    expect(await screen.findByText('Deleted 2 client applications')).toBeInTheDocument()
    await waitFor(() => expect(dialog).not.toBeInTheDocument())
    expect(screen.queryByRole('list', { name: 'Result per item' })).toBeNull()
    expect(demo.backend.store.all().map((r) => r.applicationId)).not.toContain(a!.applicationId)
    await waitFor(() => expect(linkNamesIn('Client applications')).not.toContain(a!.name))
    expect(linkNamesIn('Client applications')).not.toContain(b!.name)
    expect(screen.queryByRole('region', { name: 'Selection' })).toBeNull()
  },
)

test(
  'without the subscribe scope, Delete is disabled and names the scope; a selection stays on its page',
  { timeout: 20_000 },
  async () => {
    const { scope } = await signInAs('Operator')
    const first = demo.backend.store.all()[0]!
    const { user } = renderApp(paths.clientApps(scope.envId))
    await screen.findByRole('table', { name: 'Client applications' })
    await user.click(screen.getByRole('checkbox', { name: `Select ${first.name}` }))
    const selection = screen.getByRole('region', { name: 'Selection' })
    expect(within(selection).getByRole('button', { name: 'Delete…' })).toHaveAccessibleDescription(
      /scope/,
    )
    await user.click(screen.getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(linkNamesIn('Client applications')).not.toContain(first.name))
    expect(screen.queryByRole('region', { name: 'Selection' })).toBeNull()
  },
)
