import { textContent } from '../../test/text-content.ts'
import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import {
  changeApplicationStatus,
  changeDeviceStatusRequest,
  listDevices,
  removeDeviceRequest,
} from '../../api/device-admin/devices.ts'
import { request } from '../../lib/request.ts'
import { paths } from '../../lib/paths.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { locationOf, renderApp } from '../../test/render-app.tsx'
import { linkNamesIn } from '../../test/table-links.ts'
import { decodeListParams } from '../../lib/list-params.ts'
import { expectUrlState } from '../../test/list-url-state.ts'
import { DEVICE_LIST_PARAMS, orderByOf } from './device-list-model.ts'

const demo = setupTestBackend()

test('the list state round-trips through the URL and maps to the API orderBy', () => {
  const params = expectUrlState(DEVICE_LIST_PARAMS, {
    read: 'q=lena&sort=-lastAccessed&page=abc',
    as: { q: 'lena', sort: { id: 'lastAccessed', desc: true }, page: 'abc' },
    writes: 'q=lena&sort=-lastAccessed&page=abc',
  })
  expect(orderByOf(params.sort)).toBe('-lastAccessed')
  expect(
    orderByOf(decodeListParams(DEVICE_LIST_PARAMS, new URLSearchParams('sort=colour')).sort),
  ).toBe('friendlyName')
})

test('search and order come from the URL and are done by the server', async () => {
  const { scope } = await signInAs('Monitor')
  renderApp(paths.devices(scope.envId, 'mfp', 'q=lena.fischer&sort=-lastAccessed'))
  expect(
    await screen.findByText(textContent('3 matching devices in runtime mfp')),
  ).toBeInTheDocument()
  expect(linkNamesIn('Devices')).toEqual(["Lena's iPhone 15", "Lena's iPad Air", "Lena's Pixel 6"])
  expect(screen.getByRole('searchbox', { name: 'Search devices' })).toHaveValue('lena.fischer')
})

test('paging follows the server bookmarks and keeps the page in the URL', async () => {
  const { scope } = await signInAs('Monitor')
  const { router, user } = renderApp(paths.devices(scope.envId, 'mfp'))
  expect(await screen.findByText('1–100 of 320')).toBeInTheDocument()
  const first = linkNamesIn('Devices')[0]
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('101–200 of 320')).toBeInTheDocument()
  expect(locationOf(router)).toMatch(/page=/)
  expect(linkNamesIn('Devices')[0]).not.toBe(first)
  // A new search starts from its first page.
  await user.type(screen.getByRole('searchbox', { name: 'Search devices' }), 'max')
  await waitFor(() => expect(locationOf(router)).not.toMatch(/page=/))
  expect(locationOf(router)).toMatch(/q=max/)
})

test('an unknown runtime shows the server’s 404 and the request that failed', async () => {
  const { scope } = await signInAs('Monitor')
  renderApp(paths.devices(scope.envId, 'nope'))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent("The runtime 'nope' was not found.")
  expect(alert).toHaveTextContent(
    'HTTP 404 · GET /mfpadmin/management-apis/2.0/runtimes/nope/devices',
  )
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
})

test('bulk for one user: one result per device, the failure with its details', async () => {
  const { scope } = await signInAs('Operator')
  const { user } = renderApp(paths.devices(scope.envId, 'mfp'))
  await user.click(await screen.findByRole('button', { name: 'Change an app for a user…' }))
  const dialog = screen.getByRole('dialog', {
    name: 'Change an application on every device of a user',
  })
  await user.type(within(dialog).getByLabelText('User id'), 'lena.fischer')
  await user.click(within(dialog).getByRole('button', { name: 'Find devices' }))
  expect(
    await within(dialog).findByText(textContent(/^3 devices of lena.fischer/)),
  ).toBeInTheDocument()
  // Waiting for each answer keeps the test off the clock; queued work is covered in e2e.
  await user.click(within(dialog).getByRole('radio', { name: 'Wait for the result' }))
  await user.click(within(dialog).getByRole('button', { name: 'Disable AcmeBank on 3 devices' }))
  const results = await screen.findByRole('dialog', { name: 'Disable AcmeBank: results' })
  expect(within(results).getByRole('status')).toHaveTextContent(
    'Disable AcmeBank: 2 of 3 succeeded, 1 failed.',
  )
  const items = within(within(results).getByRole('list')).getAllByRole('listitem')
  expect(items[0]).toHaveTextContent("Lena's Pixel 6")
  expect(items[0]).toHaveTextContent('AcmeBank 1.9.0 (Android) is no longer deployed')
})

test('selecting all shown adds to the selection and keeps devices picked on other pages', async () => {
  const { scope } = await signInAs('Monitor')
  const { user } = renderApp(paths.devices(scope.envId, 'mfp'))
  expect(await screen.findByText('1–100 of 320')).toBeInTheDocument()
  // Device names repeat in a fleet: rows are told apart by position.
  const rowBox = (i: number) =>
    within(screen.getByRole('table', { name: 'Devices' })).getAllByRole('checkbox')[i + 1]!
  const first = linkNamesIn('Devices')[0]
  await user.click(rowBox(0))
  const bar = screen.getByRole('region', { name: 'Selection' })
  expect(bar).toHaveTextContent('1 selected in all')
  expect(bar).toHaveTextContent('1 on this page')

  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('101–200 of 320')).toBeInTheDocument()
  expect(bar).toHaveTextContent('0 on this page, 1 on other pages')
  await user.click(screen.getByRole('checkbox', { name: 'Select all 100 shown' }))
  expect(bar).toHaveTextContent('101 selected in all')
  expect(bar).toHaveTextContent('100 on this page, 1 on other pages')
  // Unselecting this page's devices leaves the one from page 1.
  await user.click(screen.getByRole('checkbox', { name: 'Unselect all 100 shown' }))
  expect(bar).toHaveTextContent('1 selected in all')
  await user.click(rowBox(0))
  expect(bar).toHaveTextContent('2 selected in all')

  await user.click(screen.getByRole('button', { name: 'Previous page' }))
  expect(await screen.findByText('1–100 of 320')).toBeInTheDocument()
  expect(linkNamesIn('Devices')[0]).toBe(first)
  expect(rowBox(0)).toBeChecked()
  expect(rowBox(1)).not.toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Select all 100 shown' })).toHaveProperty(
    'indeterminate',
    true,
  )
  await user.click(within(bar).getByRole('button', { name: 'Clear selection' }))
  expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument()
  expect(rowBox(0)).not.toBeChecked()
})

test('the transactions panel names each device, with its id, and shows the id of an unknown one', async () => {
  const { scope } = await signInAs('Administrator')
  const search = (query: string) =>
    listDevices('mfp', { query, orderBy: 'friendlyName', bookmark: '', pageSize: 100 })
  const iphone = (await search('lena.fischer')).items.find(
    (d) => d.deviceDisplayName === "Lena's iPhone 15",
  )
  const galaxy = (await search('max.weber')).items.find(
    (d) => d.deviceDisplayName === "Max's Galaxy S23",
  )
  if (!iphone || !galaxy) throw new Error('The pinned demo devices are missing.')
  await changeApplicationStatus('mfp', iphone.id, 'AcmeBank', 'DISABLED', 'wait')
  // A removed device is no longer listed anywhere: its transaction can only show the id.
  await request(removeDeviceRequest('mfp', galaxy.id))

  renderApp(paths.devices(scope.envId, 'mfp', 'q=lena.fischer'))
  const panel = await screen.findByRole('table', { name: 'Recent transactions' })
  // Newest first: the first row naming each device is the change made above.
  const rowOf = (id: string) =>
    within(panel)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes(id))
  const change = rowOf(iphone.id)
  expect(change).toHaveTextContent('AcmeBank → Disabled on this device')
  // The API's own words stay at hand, in the cell's tooltip.
  expect(within(change!).getAllByRole('cell')[2]).toHaveAttribute(
    'title',
    expect.stringContaining('AcmeBank → Disabled on this device (DISABLED)'),
  )
  expect(within(change!).getAllByRole('cell')[3]).toHaveTextContent(`Lena's iPhone 15${iphone.id}`)
  const removal = rowOf(galaxy.id)
  expect(removal).toHaveTextContent('Remove device')
  expect(within(removal!).getAllByRole('cell')[3]).toHaveTextContent(new RegExp(`^${galaxy.id}$`))
  expect(removal).not.toHaveTextContent("Max's Galaxy S23")
})

test("a device's own status change reads in plain words, the API's word only in its tooltip", async () => {
  const { scope } = await signInAs('Administrator')
  const [device] = (
    await listDevices('mfp', {
      query: 'lena.fischer',
      orderBy: 'friendlyName',
      bookmark: '',
      pageSize: 100,
    })
  ).items
  if (!device) throw new Error('The pinned demo device is missing.')
  await request(changeDeviceStatusRequest('mfp', device.id, 'LOST'))

  renderApp(paths.devices(scope.envId, 'mfp', 'q=lena.fischer'))
  const panel = await screen.findByRole('table', { name: 'Recent transactions' })
  const row = within(panel)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(device.id))
  const target = within(row!).getAllByRole('cell')[2]
  expect(target).toHaveTextContent(/^→ Lost$/)
  expect(target).toHaveAttribute('title', expect.stringContaining('→ Lost (LOST)'))
})

test('a service that does not list its runtimes (404) opens the default runtime quietly, and another can be named', async () => {
  const { scope } = await signInAs('Monitor')
  demo.server.use(
    http.get('*/mfpadmin/management-apis/2.0/runtimes', () =>
      HttpResponse.json({ errorMsg: 'Not Found' }, { status: 404 }),
    ),
  )
  const { router, user } = renderApp(paths.devices(scope.envId))
  expect(await screen.findByText('1–100 of 320')).toBeInTheDocument()
  expect(locationOf(router)).toMatch(/\/devices\/mfp/)
  expect(screen.queryByRole('alert')).toBeNull()
  const runtime = screen.getByLabelText('Runtime (context root)')
  await user.clear(runtime)
  await user.type(runtime, 'mfp-staging')
  await user.click(screen.getByRole('button', { name: 'Open' }))
  await waitFor(() => expect(locationOf(router)).toMatch(/\/devices\/mfp-staging/))
  expect(screen.queryByRole('alert')).toBeNull()
})
