import { textContent } from '../../test/text-content.ts'
import { openNotFoundPage } from '../../test/not-found.ts'
import { isolateText } from '../../lib/isolate-text.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { expectConsoleError } from '../../test/console-errors.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

function approvedWithoutKeys() {
  const row = demo.backend.store
    .all()
    .find((r) => r.status === 'APPROVED' && r.keys.length === 0 && r.description)
  if (!row) throw new Error('no approved application without keys in the seed')
  return row
}

type Change = { description?: string; throttlingTier?: string }

/** Someone else saves the application behind the page's back (another tab, a colleague). */
function theyChange(id: string, change: Change) {
  demo.backend.store.update(id, (r) => ({ ...r, ...change, updatedTime: r.updatedTime + 1000 }))
}

/** Opens the page of an approved application without keys, signed in as `role`. */
async function openApp(role: 'Administrator' | 'Operator' = 'Administrator') {
  const row = approvedWithoutKeys()
  const { scope } = await signInAs(role)
  return { row, ...renderApp(paths.clientApp(scope.envId, row.applicationId)) }
}

async function openEditor() {
  const view = await openApp()
  await view.user.click(await screen.findByRole('button', { name: 'Edit' }))
  const editor = await screen.findByRole('region', { name: 'Edit application' })
  // The tiers are loaded before the form is used.
  await within(editor).findByRole('option', { name: new RegExp(`^${isolateText('Bronze')}`) })
  /** Replaces the text of the field labelled `label` and returns the field. */
  async function retype(label: string, text: string) {
    const field = within(editor).getByLabelText(label)
    await view.user.clear(field)
    await view.user.type(field, text)
    return field
  }
  const save = () => view.user.click(within(editor).getByRole('button', { name: 'Save changes' }))
  return { ...view, editor, retype, save }
}

/** Edits `label` to `text`, lets someone else save `theirs` meanwhile, then saves mine. */
async function saveOverTheirChange(label: string, text: string, theirs: Change) {
  const view = await openEditor()
  await view.retype(label, text)
  theyChange(view.row.applicationId, theirs)
  await view.save()
  return view
}

/** The If-Match header of every PUT the page sends from now on (listeners removed by the caller). */
function recordIfMatch() {
  const ifMatch: Array<string | null> = []
  demo.server.events.on('request:start', ({ request }) => {
    if (request.method === 'PUT') ifMatch.push(request.headers.get('If-Match'))
  })
  return ifMatch
}

test(
  'a save after someone else’s change shows both versions; “apply mine again” keeps their other change',
  { timeout: 20_000 },
  async () => {
    const { row, user } = await saveOverTheirChange('Description (optional)', 'My description', {
      description: 'Their description',
      throttlingTier: 'Bronze',
    })

    const alert = await screen.findByRole('alert', {
      name: /Someone else changed this application/,
    })
    expect(alert).toHaveTextContent('overwrites their value in 1 field')
    const table = screen.getByRole('table', { name: 'Their version and your edits' })
    const descriptionRow = within(table).getByRole('row', { name: /^Description/ })
    expect(descriptionRow).toHaveTextContent('both changed')
    expect(descriptionRow).toHaveTextContent(row.description ?? '')
    expect(descriptionRow).toHaveTextContent('Their description')
    expect(descriptionRow).toHaveTextContent('My description')
    expect(within(table).getByRole('row', { name: /^Throttling tier/ })).toHaveTextContent(
      `${row.throttlingTier}Bronze (changed)${row.throttlingTier}Bronze`,
    )
    // Nothing was written by the refused save.
    expect(demo.backend.store.get(row.applicationId)?.description).toBe('Their description')

    await user.click(screen.getByRole('button', { name: 'Apply mine again' }))
    await waitFor(() =>
      expect(screen.queryByRole('table', { name: 'Their version and your edits' })).toBeNull(),
    )
    await waitFor(() =>
      expect(demo.backend.store.get(row.applicationId)).toMatchObject({
        description: 'My description',
        throttlingTier: 'Bronze',
      }),
    )
    const details = screen.getByRole('region', { name: 'Details' })
    await waitFor(() => expect(details).toHaveTextContent('My description'))
    expect(details).toHaveTextContent('Bronze')
  },
)

test('“keep theirs” discards my edits and shows their version', { timeout: 20_000 }, async () => {
  const { row, user, editor, save } = await openEditor()
  await user.selectOptions(within(editor).getByLabelText('Throttling tier'), 'Silver')
  theyChange(row.applicationId, { description: 'Their description' })
  await save()
  await user.click(await screen.findByRole('button', { name: 'Keep theirs' }))
  expect(screen.queryByRole('region', { name: 'Edit application' })).toBeNull()
  const details = screen.getByRole('region', { name: 'Details' })
  await waitFor(() => expect(details).toHaveTextContent('Their description'))
  expect(demo.backend.store.get(row.applicationId)).toMatchObject({
    description: 'Their description',
    throttlingTier: row.throttlingTier,
  })
})

test(
  '“edit mine further” returns to the form with my edits on their version, then saves',
  { timeout: 20_000 },
  async () => {
    const { row, user } = await saveOverTheirChange(
      'Callback URL (optional)',
      'https://mine.example.com/cb',
      { description: 'Their description' },
    )
    await user.click(await screen.findByRole('button', { name: 'Edit mine further' }))
    const again = screen.getByRole('region', { name: 'Edit application' })
    expect(within(again).getByLabelText('Callback URL (optional)')).toHaveValue(
      'https://mine.example.com/cb',
    )
    expect(within(again).getByLabelText('Description (optional)')).toHaveValue('Their description')
    await user.click(within(again).getByRole('button', { name: 'Save changes' }))
    await waitFor(() =>
      expect(demo.backend.store.get(row.applicationId)).toMatchObject({
        description: 'Their description',
        callbackUrl: 'https://mine.example.com/cb',
      }),
    )
  },
)

test(
  'a server that sends no ETag: the edit saves without If-Match and says it overwrites',
  { timeout: 20_000 },
  async () => {
    const row = approvedWithoutKeys()
    const detailPath = `*/api/am/store/v0.10/applications/${row.applicationId}`
    demo.server.use(http.get(detailPath, () => HttpResponse.json(demo.backend.store.view(row))))
    const ifMatch = recordIfMatch()
    const { editor, retype, save } = await openEditor()
    expect(editor).toHaveTextContent('This server sends no version tag (ETag)')
    await retype('Description (optional)', 'Saved without a tag')
    await save()
    await waitFor(() =>
      expect(demo.backend.store.get(row.applicationId)?.description).toBe('Saved without a tag'),
    )
    expect(ifMatch).toEqual([null])
    demo.server.events.removeAllListeners()
  },
)

test('a save that sends the ETag it was loaded with', { timeout: 20_000 }, async () => {
  const row = approvedWithoutKeys()
  const etag = demo.backend.store.etag(row)
  const ifMatch = recordIfMatch()
  const { user, editor, save } = await openEditor()
  await user.type(within(editor).getByLabelText('Name'), ' 2')
  await save()
  expect(await screen.findByRole('heading', { name: new RegExp(`${row.name} 2`) })).toBeVisible()
  expect(ifMatch).toEqual([etag])
  demo.server.events.removeAllListeners()
})

test(
  'invalid input is refused before sending, with the reason beside the field',
  { timeout: 20_000 },
  async () => {
    const { retype, save } = await openEditor()
    const url = await retype('Callback URL (optional)', 'not a url')
    await save()
    expect(url).toHaveAttribute('aria-invalid', 'true')
    expect(url).toHaveAccessibleDescription(
      'Enter an absolute http:// or https:// URL, or leave it empty.',
    )
  },
)

test(
  'generated keys are shown once, then gone from the query cache and from storage',
  { timeout: 20_000 },
  async () => {
    const { row, user, queryClient } = await openApp()
    await user.click(await screen.findByRole('button', { name: 'Generate sandbox keys…' }))
    const dialog = await screen.findByRole('dialog', {
      name: `Generate sandbox keys for ${row.name}`,
    })
    const validity = within(dialog).getByLabelText('Access token validity (seconds)')
    await user.clear(validity)
    await user.type(validity, '7200')
    expect(within(dialog).getByText(/valid for 2 h/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Generate keys' }))
    const shown = await screen.findByRole('dialog', { name: `New sandbox keys for ${row.name}` })
    expect(within(shown).getByRole('alert')).toHaveTextContent('shown only once')
    const secret = within(shown).getByLabelText('Consumer secret').textContent ?? ''
    const consumerKey = within(shown).getByLabelText('Consumer key').textContent ?? ''
    expect(secret).toMatch(/^\w{28}$/)
    expect(within(shown).getByRole('button', { name: 'Copy consumer secret' })).toBeInTheDocument()
    expect(within(shown).getByRole('button', { name: 'Copy consumer key' })).toBeInTheDocument()

    await user.click(within(shown).getByRole('button', { name: 'I have copied them: close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const keys = await screen.findByRole('table', { name: 'Keys' })
    expect(keys).toHaveTextContent(consumerKey)
    expect(keys).toHaveTextContent('Active')
    expect(keys).toHaveTextContent('2 h')
    expect(screen.getByRole('button', { name: 'Generate sandbox keys…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    const everything = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.data),
      Object.entries(localStorage),
      Object.entries(sessionStorage),
    ])
    expect(everything).toContain(consumerKey)
    expect(everything).not.toContain(secret)
  },
)

test(
  'delete is confirmed with the curl; a 404 (already gone) is said plainly',
  { timeout: 20_000 },
  async () => {
    const { row, user } = await openApp()
    await user.click(await screen.findByRole('button', { name: 'Delete…' }))
    const dialog = await screen.findByRole('dialog', { name: `Delete ${row.name}?` })
    expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
      `curl -X DELETE`,
    )
    await user.type(within(dialog).getByLabelText(/Type .* to confirm/), row.name)
    demo.backend.store.delete(row.applicationId)
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(
      await screen.findByText(
        textContent(
          `${row.name} was already deleted (the store answered 404): nothing more to do.`,
        ),
      ),
    ).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'Client applications' })).toBeInTheDocument()
  },
)

test(
  'the Operator sees the application but every change is disabled with the scope named',
  { timeout: 20_000 },
  async () => {
    await openApp('Operator')
    const edit = await screen.findByRole('button', { name: 'Edit' })
    expect(edit).toHaveAttribute('aria-disabled', 'true')
    expect(edit).toHaveAccessibleDescription(/Requires the 'apim:subscribe' scope/)
    expect(screen.getByRole('button', { name: 'Generate production keys…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
  },
)

test('an unknown application says not found with a way back', { timeout: 20_000 }, async () => {
  const { scope } = await signInAs('Administrator')
  expectConsoleError(/Application no-such-app was not found/)
  expect(
    await openNotFoundPage(
      paths.clientApp(scope.envId, 'no-such-app'),
      'Client application not found',
      'Back to client applications',
    ),
  ).toHaveAttribute('href', paths.clientApps(scope.envId))
})
