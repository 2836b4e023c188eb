import { screen, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect } from 'vitest'
import { textContent } from './text-content.ts'

/** On the devices page: opens "Change an app for a user…" and returns its dialog. */
export async function openBulkForUserDialog(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Change an app for a user…' }))
  return screen.getByRole('dialog', { name: 'Change an application on every device of a user' })
}

/**
 * On the devices page: opens "Change an app for a user…", finds the devices of `userId`
 * and waits until the dialog counts `deviceCount` of them. Returns the dialog.
 */
export async function openBulkForUser(user: UserEvent, userId: string, deviceCount: number) {
  const dialog = await openBulkForUserDialog(user)
  await user.type(within(dialog).getByLabelText('User id'), userId)
  await user.click(within(dialog).getByRole('button', { name: 'Find devices' }))
  expect(
    await within(dialog).findByText(
      textContent(new RegExp(`^${deviceCount} devices of ${userId}`)),
    ),
  ).toBeInTheDocument()
  return dialog
}
