import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { TX_DURATION_MS } from '../../demo/device-admin/device-store.ts'
import { setLanguage } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { renderApp } from '../../test/render-app.tsx'
import { textContent } from '../../test/text-content.ts'

// The device pages in German and Arabic (the other tests read them in English): the
// console's own words from the catalogs, and MobileFirst's errors in the same language.
const demo = setupTestBackend()

/** A seeded device of the `mfp` runtime, found by its name (as the list would link it). */
function seededDevice(name: string, user: string): { id: string; path: (envId: string) => string } {
  const runtime = demo.backend.devices.runtime('mfp')
  const index = runtime
    ?.search('friendlyName', false, user)
    .find((i) => runtime.view(i).deviceDisplayName === name)
  if (!runtime || index === undefined) throw new Error(`no device ${name}`)
  const id = runtime.view(index).id
  return { id, path: (envId) => paths.device(envId, 'mfp', id, user) }
}

test('the device list in German: headings, search, a plural count and the status words', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Monitor')
  renderApp(paths.devices(scope.envId, 'mfp', 'q=lena.fischer'))
  expect(
    await screen.findByText(textContent('3 passende Geräte in Runtime mfp')),
  ).toBeInTheDocument()
  expect(screen.getByRole('heading', { level: 1, name: 'Geräte' })).toBeInTheDocument()
  expect(screen.getByRole('searchbox', { name: 'Geräte durchsuchen' })).toHaveValue('lena.fischer')
  const table = screen.getByRole('table', { name: 'Geräte' })
  expect(within(table).getByRole('columnheader', { name: /Letzter Zugriff/ })).toBeInTheDocument()
  expect(within(table).getAllByText('Aktiv').length).toBeGreaterThan(0)
  expect(await screen.findByRole('heading', { name: 'Letzte Transaktionen' })).toBeInTheDocument()
})

test('a device page in Arabic: its status, facts and actions in Arabic words', async () => {
  await setLanguage('ar', { remember: false })
  const { scope } = await signInAs('Administrator')
  renderApp(seededDevice("Max's Galaxy S23", 'max.weber').path(scope.envId))
  expect(await screen.findByRole('group', { name: 'إجراءات الجهاز' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'تمييز كمفقود…' })).toBeInTheDocument()
  expect(screen.getByRole('table', { name: 'التطبيقات على هذا الجهاز' })).toBeInTheDocument()
  // The status word in the header badge, with the API's value kept for its tooltip.
  expect(screen.getAllByText('نشط').length).toBeGreaterThan(0)
  expect(document.documentElement).toHaveAttribute('dir', 'rtl')
})

test('with the console in German, MobileFirst answers a device that no longer exists in German', async () => {
  await setLanguage('de', { remember: false })
  const { scope } = await signInAs('Administrator')
  const device = seededDevice("Max's Galaxy S23", 'max.weber')
  const { user } = renderApp(device.path(scope.envId))
  await user.click(await screen.findByRole('button', { name: 'Als verloren markieren…' }))
  const dialog = await screen.findByRole('dialog', { name: /^Als verloren markieren: / })
  // Meanwhile someone else removes the device: the change is asked for an id the server no longer has.
  const runtime = demo.backend.devices.runtime('mfp')
  runtime?.removeDevice({ userName: 'ada.lovelace', deviceId: device.id, async: false })
  demo.backend.db.advanceClock(TX_DURATION_MS)
  await waitFor(() => expect(runtime?.indexOf(device.id)).toBeUndefined())
  await user.click(within(dialog).getByRole('button', { name: 'Als verloren markieren' }))
  expect(
    await within(dialog).findByText(
      new RegExp(`Das Gerät '${device.id}' wurde in der Laufzeit 'mfp' nicht gefunden`),
    ),
  ).toBeInTheDocument()
})
