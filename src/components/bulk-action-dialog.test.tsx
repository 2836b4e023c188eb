import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Toaster } from 'sonner'
import { expect, test, vi } from 'vitest'
import { formatNumber } from '../lib/format.ts'
import { setLanguage } from '../lib/i18n.ts'
import { BulkActionDialog, type BulkMessages } from './bulk-action-dialog.tsx'

// A feature's whole sentences (the server groups' bulk delete): the dialog splices none.
const DELETE_GROUPS: BulkMessages = {
  confirmTitle: 'targets.group.bulkDeleteTitle',
  confirmLabel: 'targets.delete.bulkConfirm',
  typeToConfirm: 'targets.delete.typed',
  resultsTitle: 'targets.group.bulkDeleteResults',
  summary: { all: 'targets.delete.summaryAll', some: 'targets.delete.summarySome' },
  succeeded: 'targets.group.bulkDeleted',
}

function renderDialog(names: readonly string[], run: (name: string) => Promise<unknown>) {
  const onDone = vi.fn<(succeeded: ReadonlySet<string>) => void>()
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Toaster />
      <BulkActionDialog
        items={names}
        describe={(name) => ({ id: name, label: name })}
        requestFor={(name) => ({ method: 'DELETE', path: `/groups/${name}` })}
        run={run}
        refresh={() => Promise.resolve()}
        messages={DELETE_GROUPS}
        open
        onOpenChange={() => undefined}
        onDone={onDone}
      >
        <p>Each group is deleted.</p>
      </BulkActionDialog>
    </QueryClientProvider>,
  )
  return { onDone }
}

test('the caller’s sentences: title, button, phrase to type, and the toast when all succeeded', async () => {
  renderDialog(['eu-web', 'us-web', 'ap-web'], () => Promise.resolve())
  const dialog = screen.getByRole('dialog', { name: 'Delete 3 server groups?' })
  expect(within(dialog).getByText('delete 3')).toBeInTheDocument()
  await userEvent.type(within(dialog).getByLabelText('Type delete 3 to confirm'), 'delete 3')
  await userEvent.click(within(dialog).getByRole('button', { name: 'Delete 3' }))
  expect(await screen.findByText('Deleted 3 server groups')).toBeInTheDocument()
})

test('in German the bulk dialog’s title, button and results are whole sentences', async () => {
  await setLanguage('de', { remember: false })
  renderDialog(['eu-web', 'us-web'], (name) =>
    name === 'us-web' ? Promise.reject(new Error('Belegt.')) : Promise.resolve(),
  )
  const dialog = screen.getByRole('dialog', {
    name: `${formatNumber(2)} Servergruppen löschen?`,
  })
  const typed = '2 löschen'
  await userEvent.type(
    within(dialog).getByLabelText(`Geben Sie zur Bestätigung ${typed} ein`),
    typed,
  )
  await userEvent.click(within(dialog).getByRole('button', { name: `${formatNumber(2)} löschen` }))
  const results = await screen.findByRole('dialog', { name: 'Servergruppen löschen: Ergebnisse' })
  expect(within(results).getByRole('status')).toHaveTextContent(
    `Löschen: ${formatNumber(1)} von ${formatNumber(2)} erfolgreich, ${formatNumber(1)} fehlgeschlagen.`,
  )
})

test('in Arabic the bulk dialog’s title takes the dual for two', async () => {
  await setLanguage('ar', { remember: false })
  renderDialog(['eu-web', 'us-web'], () => Promise.resolve())
  expect(screen.getByRole('dialog', { name: 'حذف مجموعتي خوادم؟' })).toBeInTheDocument()
})

test('in Arabic three server groups read in the plural of a few', async () => {
  await setLanguage('ar', { remember: false })
  renderDialog(['eu-web', 'us-web', 'ap-web'], () => Promise.resolve())
  expect(
    screen.getByRole('dialog', { name: `حذف ${formatNumber(3)} مجموعات خوادم؟` }),
  ).toBeInTheDocument()
})
