import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { expect, test } from 'vitest'
import { Modal } from './modal.tsx'

function Page({ keepOpener = true }: { keepOpener?: boolean }) {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(false)
  return (
    <main id="main" tabIndex={-1}>
      <h1>Servers</h1>
      {!(done && !keepOpener) && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      <Modal
        open={open}
        onOpenChange={setOpen}
        title="A dialog"
        footer={
          <>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="button"
              onClick={() => {
                setDone(true)
                setOpen(false)
              }}
            >
              Delete
            </button>
          </>
        }
      />
    </main>
  )
}

test('focus goes back to the control that opened the dialog, on Escape and on Cancel', async () => {
  const user = userEvent.setup()
  render(<Page />)
  const opener = screen.getByRole('button', { name: 'Open' })
  await user.click(opener)
  expect(await screen.findByRole('dialog', { name: 'A dialog' })).toBeInTheDocument()
  await user.keyboard('{Escape}')
  await expect.poll(() => document.activeElement).toBe(opener)

  await user.click(opener)
  await user.click(await screen.findByRole('button', { name: 'Cancel' }))
  await expect.poll(() => document.activeElement).toBe(opener)
})

test('when the opener is gone after the action, focus lands on the page heading', async () => {
  const user = userEvent.setup()
  render(<Page keepOpener={false} />)
  await user.click(screen.getByRole('button', { name: 'Open' }))
  await user.click(await screen.findByRole('button', { name: 'Delete' }))
  await expect
    .poll(() => document.activeElement)
    .toBe(screen.getByRole('heading', { name: 'Servers' }))
})
