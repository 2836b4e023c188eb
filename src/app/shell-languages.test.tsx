import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { currentLanguage, setLanguage } from '../lib/i18n.ts'
import { paths } from '../lib/paths.ts'
import { setupTestBackend, signInAs } from '../test/demo-server.ts'
import { renderApp } from '../test/render-app.tsx'

setupTestBackend()

test('in German the shell, the cheat sheet and the palette speak German, and the palette switches back to English', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.servers(scope.envId))
  const nav = await screen.findByRole('navigation', { name: 'Bereiche' })
  expect(within(nav).getByRole('link', { name: 'Client-Anwendungen' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toBeInTheDocument()
  await screen.findByRole('combobox', { name: 'Umgebung' })

  // The cheat sheet: its title, one sentence per area, and the German name of the Ctrl key.
  await user.keyboard('?')
  const sheet = await screen.findByRole('dialog', { name: 'Tastenkürzel' })
  expect(within(sheet).getByText('Zu den Anwendungen')).toBeInTheDocument()
  expect(within(sheet).getByText('Strg K')).toBeInTheDocument()
  expect(within(sheet).getAllByText('dann').length).toBeGreaterThan(0)
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

  // The palette offers each language by its own name, and runs the switch.
  await user.click(screen.getByRole('button', { name: 'Suchen oder Befehl ausführen' }))
  const input = await screen.findByRole('combobox', { name: 'Suchen oder Befehl ausführen' })
  expect(input).toHaveAttribute('placeholder', 'Namen, Bereich oder Befehl eingeben…')
  await user.type(input, 'english')
  const english = await screen.findByRole('option', { name: 'Sprache: English' })
  expect(within(english).getByText('English')).toHaveAttribute('lang', 'en')
  await user.keyboard('{Enter}')
  expect(
    await screen.findByRole('navigation', { name: 'Sections' }, { timeout: 5000 }),
  ).toBeInTheDocument()
  expect(currentLanguage()).toBe('en')
  expect(document.documentElement.lang).toBe('en')
})

test('in Arabic the page and its menus are right to left, and the navigation, account menu and palette speak Arabic', async () => {
  await setLanguage('ar', { remember: false })
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.servers(scope.envId))
  const nav = await screen.findByRole('navigation', { name: 'الأقسام' })
  expect(document.documentElement.dir).toBe('rtl')
  expect(document.documentElement.lang).toBe('ar')
  expect(within(nav).getByRole('link', { name: 'التطبيقات' })).toBeInTheDocument()
  await screen.findByRole('combobox', { name: 'البيئة' })
  // Radix's menus take the page's direction (they would say "ltr" by themselves).
  await user.click(screen.getByRole('button', { name: /^الحساب:/ }))
  const menu = await screen.findByRole('menu')
  expect(menu).toHaveAttribute('dir', 'rtl')
  expect(within(menu).getByRole('menuitemradio', { name: /السمة الداكنة/ })).toBeInTheDocument()
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
  await user.keyboard('{Control>}k{/Control}')
  const input = await screen.findByRole('combobox', { name: 'ابحث أو نفّذ أمرًا' })
  await user.type(input, 'Deutsch')
  expect(await screen.findByRole('option', { name: 'اللغة: Deutsch' })).toBeInTheDocument()
})
