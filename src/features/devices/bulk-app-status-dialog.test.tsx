import { textContent } from '../../test/text-content.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { isTransactionFinished } from '../../api/device-admin/transaction-state.ts'
import { listTransactions, transactionQueries } from '../../api/device-admin/transactions.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'
import { recentTransactions } from './transactions-panel.tsx'

const demo = setupTestBackend()

const recent = () =>
  listTransactions('mfp', { orderBy: '-created', pageSize: 50, bookmark: '', errorsOnly: false })

test('a queued bulk change raises one summary toast, not one per transaction', async () => {
  const { scope } = await signInAs('Operator')
  const { user, queryClient } = renderApp(paths.devices(scope.envId, 'mfp'))
  await screen.findByRole('table', { name: 'Recent transactions' })
  const before = new Set((await recent()).items.map((tx) => tx.id))

  await user.click(screen.getByRole('button', { name: 'Change an app for a user…' }))
  const dialog = screen.getByRole('dialog', {
    name: 'Change an application on every device of a user',
  })
  await user.type(within(dialog).getByLabelText('User id'), 'lena.fischer')
  await user.click(within(dialog).getByRole('button', { name: 'Find devices' }))
  expect(
    await within(dialog).findByText(textContent(/^3 devices of lena.fischer/)),
  ).toBeInTheDocument()
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
  expect(
    await screen.findByText('Disable AcmeBank: 3 queued, 2 succeeded, 1 failed'),
  ).toBeInTheDocument()
  expect(screen.queryByText(/\(transaction \d+\)/)).not.toBeInTheDocument()
}, 20_000)

test('confirming by user before finding their devices marks the User id field and focuses it', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.devices(scope.envId, 'mfp'))
  await user.click(await screen.findByRole('button', { name: 'Change an app for a user…' }))
  const dialog = screen.getByRole('dialog', {
    name: 'Change an application on every device of a user',
  })
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
