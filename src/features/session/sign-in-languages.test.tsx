import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend } from '../../test/demo-server.ts'
import { renderApp, renderInProviders } from '../../test/render-app.tsx'
import { ClientCredentialsSignIn, FamilySignIn } from './sign-in-forms.tsx'

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

test("the demo identities' roles read in German on the card and its button", async () => {
  await setLanguage('de', { remember: false })
  renderInProviders(
    <ClientCredentialsSignIn
      presets={[
        { role: 'Monitor', clientId: 'monitor-app', clientSecret: 's', summary: 'Liest alles.' },
        { role: 'Auditor', clientId: 'auditor-app', clientSecret: 's', summary: 'Liest alles.' },
      ]}
    />,
  )
  expect(screen.getByText('Beobachter', { selector: 'strong' })).toBeVisible()
  expect(screen.getByRole('button', { name: 'Als Beobachter anmelden' })).toBeEnabled()
  // A role the console has no word for keeps the backend's name, isolated as its text.
  expect(screen.getByRole('button', { name: 'Als Auditor anmelden' })).toBeEnabled()
  expect(screen.getByText('Auditor', { selector: 'strong bdi' })).toBeVisible()
})

test('an empty sign-in says what is missing in German, and in Arabic for a user sign-in', async () => {
  await setLanguage('de', { remember: false })
  const { user, unmount } = renderInProviders(<ClientCredentialsSignIn />)
  await user.click(screen.getByRole('button', { name: 'Anmelden' }))
  expect(screen.getByLabelText('Client-ID')).toHaveAccessibleDescription(
    'Geben Sie die Client-ID der verbundenen App ein.',
  )
  expect(screen.getByLabelText('Client-Secret')).toHaveAccessibleDescription(
    'Geben Sie das Client-Secret ein.',
  )
  unmount()

  await setLanguage('ar', { remember: false })
  const family = renderInProviders(<FamilySignIn family="mfp" />)
  await family.user.click(screen.getByRole('button', { name: 'تسجيل الدخول' }))
  expect(screen.getByLabelText('اسم المستخدم')).toHaveAccessibleDescription('أدخل اسم المستخدم.')
  expect(screen.getByLabelText('كلمة المرور')).toHaveAccessibleDescription('أدخل كلمة المرور.')
  await setLanguage('en', { remember: false })
})
