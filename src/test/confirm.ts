import { within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { expect } from 'vitest'

/**
 * Confirms an irreversible action (ADR 028): the confirm button stays disabled until the
 * operator has typed `text` (the name of what goes, or "delete 3" for several), then it is
 * clicked.
 */
export async function confirmByTyping(
  user: UserEvent,
  dialog: HTMLElement,
  text: string,
  button: string,
): Promise<void> {
  const confirm = within(dialog).getByRole('button', { name: button })
  expect(confirm).toBeDisabled()
  await user.type(within(dialog).getByLabelText(/^Type .* to confirm$/), text)
  await user.click(confirm)
}
