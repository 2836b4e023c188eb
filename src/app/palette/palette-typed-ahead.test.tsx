import { fireEvent, screen, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

// A file of its own: the palette's code must not have been loaded by an earlier test.
setupTestBackend()

test('a command typed and entered before the palette has opened runs once it has (nothing typed is lost)', async () => {
  const { scope } = await signInAs('Operator')
  renderApp(paths.servers(scope.envId))
  await screen.findByRole('table', { name: 'Servers' })
  // One burst, in the same task: the palette's code is still loading when the text and
  // Enter arrive.
  fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
  expect(screen.queryByRole('combobox', { name: 'Search or run a command' })).toBeNull()
  for (const key of 'theme dark') fireEvent.keyDown(document.body, { key })
  fireEvent.keyDown(document.body, { key: 'Enter' })
  await waitFor(() => expect(document.documentElement).toHaveAttribute('data-theme', 'dark'))
  expect(screen.queryByRole('combobox', { name: 'Search or run a command' })).toBeNull()
})
