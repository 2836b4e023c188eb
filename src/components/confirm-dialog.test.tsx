import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test, vi } from 'vitest'
import { ConfirmDialog, type ConfirmRisk } from './confirm-dialog.tsx'
import { ConsoleContext, type ConsoleContextValue } from './console-context.tsx'

type Environment = ConsoleContextValue['environment']

const PRODUCTION: Environment = { id: 'env-p', name: 'Production', isProduction: true }
const SANDBOX: Environment = { id: 'env-s', name: 'Sandbox', isProduction: false }

function renderConfirm(risk: ConfirmRisk, environment: Environment) {
  const onConfirm = vi.fn<() => void>()
  render(
    <ConsoleContext
      value={{
        me: { user: { id: 'u', username: 'otto', organization: { id: 'o', name: 'Acme' } } },
        environments: [PRODUCTION, SANDBOX],
        environment,
        scope: { orgId: 'o', envId: environment.id },
      }}
    >
      <ConfirmDialog
        open
        onOpenChange={() => undefined}
        title="Stop orders-api?"
        confirmLabel="Stop"
        onConfirm={onConfirm}
        pending={false}
        requests={[
          {
            method: 'PATCH',
            path: '/hybrid/api/v1/applications/7',
            body: { desiredStatus: 'STOPPED' },
          },
        ]}
        {...risk}
      >
        <p>It stops on every server.</p>
      </ConfirmDialog>
    </ConsoleContext>,
  )
  return { onConfirm, dialog: screen.getByRole('dialog', { name: 'Stop orders-api?' }) }
}

test('an availability change is confirmed in one step, naming the environment, production marked', async () => {
  const { onConfirm, dialog } = renderConfirm({ risk: 'availability' }, PRODUCTION)
  const where = within(dialog).getByText(/^Environment:/)
  expect(where).toHaveTextContent(/^Environment: Production/)
  // The header's mark: "Prod" on screen, "Production environment" for a screen reader.
  expect(within(where).getByText('Production environment')).toBeInTheDocument()
  expect(within(dialog).queryByLabelText(/to confirm$/)).toBeNull()
  await userEvent.click(within(dialog).getByRole('button', { name: 'Stop' }))
  expect(onConfirm).toHaveBeenCalledOnce()
})

test('outside production the environment is named without the mark', () => {
  const { dialog } = renderConfirm({ risk: 'availability' }, SANDBOX)
  const where = within(dialog).getByText(/^Environment:/)
  expect(where).toHaveTextContent(/^Environment: Sandbox$/)
  expect(within(where).queryByText('Production environment')).toBeNull()
})

test('an irreversible change waits for the exact name to be typed', async () => {
  const { onConfirm, dialog } = renderConfirm(
    { risk: 'irreversible', typeToConfirm: 'orders-api' },
    PRODUCTION,
  )
  const confirm = within(dialog).getByRole('button', { name: 'Stop' })
  const typed = within(dialog).getByLabelText('Type orders-api to confirm')
  await userEvent.type(typed, 'orders-ap')
  expect(confirm).toBeDisabled()
  await userEvent.type(typed, 'i')
  expect(confirm).toBeEnabled()
  await userEvent.click(confirm)
  expect(onConfirm).toHaveBeenCalledOnce()
})

test('the request is there as curl but folded: the consequence leads', async () => {
  const { dialog } = renderConfirm({ risk: 'availability' }, SANDBOX)
  const fold = within(dialog).getByText('Show the request as curl').closest('details')
  expect(fold).not.toHaveAttribute('open')
  await userEvent.click(within(dialog).getByText('Show the request as curl'))
  expect(fold).toHaveAttribute('open')
  expect(within(dialog).getByLabelText('Request as a curl command')).toHaveTextContent(
    'curl -X PATCH',
  )
})
