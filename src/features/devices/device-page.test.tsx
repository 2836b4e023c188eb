import { textContent } from '../../test/text-content.ts'
import { openNotFoundPage } from '../../test/not-found.ts'
import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { afterEach, expect, test } from 'vitest'
import { TX_DURATION_MS } from '../../demo/device-admin/device-store.ts'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { expectConsoleError } from '../../test/console-errors.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'

const demo = setupTestBackend()

afterEach(() => {
  document.documentElement.lang = 'en'
})

/** The path of a seeded device's page, found by its name (as the list would link it). */
function devicePath(envId: string, name: string, user: string): string {
  const runtime = demo.backend.devices.runtime('mfp')
  const index = runtime
    ?.search('friendlyName', false, user)
    .find((i) => runtime.view(i).deviceDisplayName === name)
  if (!runtime || index === undefined) throw new Error(`no device ${name}`)
  return paths.device(envId, 'mfp', runtime.view(index).id, user)
}

/**
 * Disabling an application on a device cuts its user off: the switch asks first (ADR 028),
 * naming the environment; enabling does not.
 */
async function disableThroughConfirmation(user: UserEvent, appName: string) {
  await user.click(await screen.findByRole('switch', { name: appName }))
  const dialog = await screen.findByRole('dialog', { name: new RegExp(`^Disable ${appName} on `) })
  expect(within(dialog).getByText(/^Environment:/)).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Disable' }))
}

test('the page shows each application with platform and version read from its appId', async () => {
  const { scope } = await signInAs('Monitor')
  renderApp(devicePath(scope.envId, "Max's Galaxy S23", 'max.weber'))
  const table = await screen.findByRole('table', { name: 'Applications on this device' })
  const bank = within(table).getByRole('row', { name: /AcmeBank/ })
  expect(bank).toHaveTextContent('Android')
  expect(bank).toHaveTextContent('2.1.0')
  expect(bank).toHaveTextContent('com.acme.bank')
  expect(within(table).getByRole('switch', { name: 'AcmeWallet' })).not.toBeChecked()
})

test('a queued enable is followed: pending first, the switch turns on only at SUCCESS', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(devicePath(scope.envId, "Max's Galaxy S23", 'max.weber'))
  const wallet = await screen.findByRole('switch', { name: 'AcmeWallet' })
  await user.click(screen.getByRole('radio', { name: 'Queue and follow the transaction' }))
  await user.click(wallet)
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  const apps = screen.getByRole('table', { name: 'Applications on this device' })
  const row = within(apps).getByRole('row', { name: /AcmeWallet/ })
  expect(
    await within(row).findByText(textContent(/^Enabling · transaction \d+$/)),
  ).toBeInTheDocument()
  expect(within(row).getByText('Pending')).toBeInTheDocument()
  expect(screen.getByRole('switch', { name: 'AcmeWallet' })).not.toBeChecked()

  demo.backend.db.advanceClock(TX_DURATION_MS)
  await waitFor(() => expect(screen.getByRole('switch', { name: 'AcmeWallet' })).toBeChecked())
  const panel = screen.getByRole('table', { name: 'Transactions of this device' })
  const tx = within(panel).getByRole('row', { name: /AcmeWallet → Enabled on this device/ })
  expect(within(tx).getByText('Succeeded')).toBeInTheDocument()
})

test('a synchronous FAILURE is shown with its details, never as a success', async () => {
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(devicePath(scope.envId, "Lena's Pixel 6", 'lena.fischer'))
  await disableThroughConfirmation(user, 'AcmeBank')
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent(/Disabling AcmeBank failed: transaction \d+ failed/)
  expect(within(alert).getByTitle('FAILURE')).toHaveTextContent('failed')
  expect(alert).toHaveTextContent('AcmeBank 1.9.0 (Android) is no longer deployed')
  expect(screen.getByRole('switch', { name: 'AcmeBank' })).toBeChecked()
  expect(screen.queryByText(/AcmeBank disabled on/)).not.toBeInTheDocument()
  const panel = await screen.findByRole('table', { name: 'Transactions of this device' })
  expect(
    within(
      within(panel).getByRole('row', { name: /AcmeBank → Disabled on this device/ }),
    ).getByText('Failed'),
  ).toBeInTheDocument()
})

test('locale carries the console language: the server answers in it', async () => {
  document.documentElement.lang = 'de'
  const { scope } = await signInAs('Administrator')
  const { user } = renderApp(devicePath(scope.envId, "Lena's Pixel 6", 'lena.fischer'))
  await disableThroughConfirmation(user, 'AcmeBank')
  expect(await screen.findByRole('alert')).toHaveTextContent(
    "AcmeBank 1.9.0 (Android) ist in der Laufzeit 'mfp' nicht mehr implementiert",
  )
})

test('Monitor sees the switches disabled with the reason, and a click sends nothing', async () => {
  const { scope } = await signInAs('Monitor')
  const { user } = renderApp(devicePath(scope.envId, "Lena's iPhone 15", 'lena.fischer'))
  const bank = await screen.findByRole('switch', { name: 'AcmeBank' })
  expect(bank).toHaveAttribute('aria-disabled', 'true')
  expect(bank).toHaveAccessibleDescription(/mfpmonitor may only read/)
  await user.click(bank)
  expect(bank).toBeChecked()
  const runtime = demo.backend.devices.runtime('mfp')
  expect(runtime?.transactions.some((tx) => tx.userName === 'mona.berg')).toBe(false)
})

test.each([
  {
    language: 'en' as const,
    heading: 'Device not found',
    back: 'Back to the devices of mfp',
    sentence: 'There is no device no-such-device in runtime mfp. It may have been removed.',
    isolated: ['no-such-device', 'mfp'],
    // The error's own message, as logged: plain text, the API's words isolated.
    logged: 'There is no device \u2068no-such-device\u2069 in runtime \u2068mfp\u2069',
  },
  {
    language: 'de' as const,
    heading: 'Gerät nicht gefunden',
    back: 'Zurück zu den Geräten von mfp',
    sentence: 'In der Runtime mfp gibt es kein Gerät no-such-device. Es wurde vielleicht entfernt.',
    isolated: ['mfp', 'no-such-device'],
    logged: 'In der Runtime \u2068mfp\u2069 gibt es kein Gerät \u2068no-such-device\u2069',
  },
])(
  'an unknown device says so in the language shown ($language), its id and runtime isolated, and links back to the list',
  async ({ language, heading, back, sentence, isolated, logged }) => {
    const { scope } = await signInAs('Monitor')
    expectConsoleError(new RegExp(logged))
    await setLanguage(language, { remember: false })
    try {
      const path = paths.device(scope.envId, 'mfp', 'no-such-device', 'nobody')
      expect(await openNotFoundPage(path, heading, back)).toBeInTheDocument()
      const shown = screen.getByText(textContent(sentence))
      expect([...shown.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(isolated)
    } finally {
      await setLanguage('en', { remember: false })
    }
  },
)
