import { textContent } from '../../test/text-content.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { isTransactionFinished } from '../../api/device-admin/transaction-state.ts'
import { listTransactions, transactionQueries } from '../../api/device-admin/transactions.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { openBulkForUser, openBulkForUserDialog } from '../../test/bulk-for-user.ts'
import { renderApp } from '../../test/render-app.tsx'
import { recentTransactions } from './transactions-panel.tsx'

const demo = setupTestBackend()

const recent = () =>
  listTransactions('mfp', { orderBy: '-created', pageSize: 50, bookmark: '', errorsOnly: false })

test('a queued bulk change that partly failed keeps its results open and raises no toast, not one per transaction', async () => {
  const { scope } = await signInAs('Operator')
  const { user, queryClient } = renderApp(paths.devices(scope.envId, 'mfp'))
  await screen.findByRole('table', { name: 'Recent transactions' })
  const before = new Set((await recent()).items.map((tx) => tx.id))

  const dialog = await openBulkForUser(user, 'lena.fischer', 3)
  expect(
    within(dialog).getByRole('radio', { name: 'Queue and follow the transaction' }),
  ).toBeChecked()
  await user.click(within(dialog).getByRole('button', { name: 'Disable AcmeBank on 3 devices' }))

  // The three changes are queued. The panel reads them while they are open, so it follows
  // each one too: both it and the bulk change see every end.
  let queued: number[] = []
  await waitFor(async () => {
    queued = (await recent()).items.filter((tx) => !before.has(tx.id)).map((tx) => tx.id)
    expect(queued).toHaveLength(3)
  })
  await queryClient.invalidateQueries({ queryKey: transactionQueries.lists('mfp') })
  await waitFor(() =>
    expect(screen.getAllByText('Pending', { ignore: 'option' }).length).toBeGreaterThan(0),
  )
  demo.backend.db.advanceClock(10_000)

  const results = await screen.findByRole('dialog', { name: 'Disable AcmeBank: results' })
  expect(within(results).getByRole('status')).toHaveTextContent(
    'Disable AcmeBank: 2 of 3 succeeded, 1 failed.',
  )
  expect(within(within(results).getByRole('list')).getAllByRole('listitem')).toHaveLength(3)
  // The panel's list saw the three open and has read them again since: its check for
  // ended transactions has run (as have the followers of its open rows, before that).
  await waitFor(() => {
    const seen = queryClient.getQueryData(recentTransactions('mfp').queryKey)?.items ?? []
    for (const id of queued) {
      const tx = seen.find((t) => t.id === id)
      expect(tx && isTransactionFinished(tx.status)).toBe(true)
    }
  })
  // One message per action: the results say it; no toast repeats it, none per transaction
  // (a toast would be on screen by now: it is raised where the results are set).
  expect(
    screen.queryAllByText(textContent(/^(Disabled|Couldn't disable|Sent disable for) AcmeBank/)),
  ).toHaveLength(0)
  expect(screen.queryByText(/\(transaction \d+\)/)).not.toBeInTheDocument()
  expect(screen.getByRole('dialog', { name: 'Disable AcmeBank: results' })).toBeInTheDocument()
}, 20_000)

test('confirming by user before finding their devices marks the User id field and focuses it', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.devices(scope.envId, 'mfp'))
  const dialog = await openBulkForUserDialog(user)
  await user.click(within(dialog).getByRole('button', { name: 'Disable application' }))

  const userId = within(dialog).getByLabelText('User id')
  expect(userId).toHaveAttribute('aria-invalid', 'true')
  expect(userId).toHaveAccessibleDescription('Enter a user id and find their devices first.')
  expect(userId).toHaveFocus()

  await user.type(userId, 'lena.fischer')
  await user.click(within(dialog).getByRole('button', { name: 'Find devices' }))
  expect(userId).not.toHaveAttribute('aria-invalid')
  expect(
    await within(dialog).findByText(textContent(/^3 devices of lena.fischer/)),
  ).toBeInTheDocument()
})
