import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

// The sign-in in German and Arabic (the other tests read it in English): its words load at
// boot with the shell's, so the page is translated before any route has loaded its own.
setupTestBackend()

test('the sign-in page in German: heading, fields, the button and the explanation', async () => {
  await setLanguage('de', { remember: false })
  renderApp(paths.servers('env-x'))
  expect(await screen.findByRole('heading', { name: 'Bei Runtime Console anmelden' })).toBeVisible()
  expect(screen.getByLabelText('Client-ID')).toBeInTheDocument()
  expect(screen.getByLabelText('Client-Secret')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Anmelden' })).toBeInTheDocument()
  expect(
    screen.getByText(/^Verwenden Sie die Client-ID und das Secret einer verbundenen App/),
  ).toBeVisible()
})

test('the sign-in page in Arabic reads right to left', async () => {
  await setLanguage('ar', { remember: false })
  renderApp(paths.servers('env-x'))
  expect(
    await screen.findByRole('heading', { name: 'تسجيل الدخول إلى Runtime Console' }),
  ).toBeVisible()
  expect(screen.getByLabelText('سر العميل')).toBeInTheDocument()
  expect(document.documentElement).toHaveAttribute('dir', 'rtl')
})
