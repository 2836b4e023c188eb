import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { decodeListParams } from '../../lib/list-params.ts'
import { expectUrlStates } from '../../test/list-url-state.ts'
import { recordMaker } from '../../test/record-maker.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import {
  expiryWarnings,
  filterServers,
  filterServersExceptStatus,
  SERVER_LIST_PARAMS,
  sortServers,
  statusCounts,
} from './server-list-model.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 10, 23)

const server = recordMaker<Server>((id, name) => ({
  id,
  name,
  status: 'RUNNING',
  serverType: 'MULE',
  muleVersion: '4.6.4',
  agentVersion: '2.6.2',
}))

const fleet: Server[] = [
  server(1, 'prd-mule-eu-10', { addresses: [{ ip: '10.10.1.5' }] }),
  server(2, 'prd-mule-eu-2', { status: 'DISCONNECTED', agentVersion: '2.5.4' }),
  server(3, 'prd-gw-us-1', { serverType: 'GATEWAY', gatewayVersion: '4.4.0', muleVersion: null }),
  server(4, 'sbx-mule-ap-1', { serverGroupId: 50, serverGroupName: 'payments-group' }),
  server(5, 'prd-mule-ap-3', {
    status: 'CREATED',
    clusterId: 60,
    clusterName: 'orders-cluster',
    agentVersion: null,
  }),
]

test('list params round-trip through the URL and defaults stay out of it', () => {
  expectUrlStates(SERVER_LIST_PARAMS, [
    ['q=eu', { q: 'eu' }, 'q=eu'],
    ['status=RUNNING,CREATED', { status: ['RUNNING', 'CREATED'] }, 'status=RUNNING%2CCREATED'],
    ['type=MULE', { type: 'MULE' }, 'type=MULE'],
    ['sort=-agent', { sort: { id: 'agent', desc: true } }, 'sort=-agent'],
  ])
})

test('unknown sort keys and types in the URL fall back to safe defaults', () => {
  expectUrlStates(SERVER_LIST_PARAMS, [
    ['sort=-password&type=TOASTER', { sort: { id: 'name', desc: false }, type: '' }, ''],
  ])
})

test('the text filter matches name, address, version and group or cluster name, ignoring case', () => {
  const find = (q: string) =>
    filterServers(fleet, { ...decodeListParams(SERVER_LIST_PARAMS, new URLSearchParams()), q }).map(
      (s) => s.id,
    )
  expect(find('EU')).toEqual([1, 2])
  expect(find('10.10.1.5')).toEqual([1])
  expect(find('payments')).toEqual([4])
  expect(find('orders-cluster')).toEqual([5])
  expect(find('4.4.0')).toEqual([3])
})

test('status facets combine with the text filter; counts ignore the status facet itself', () => {
  const params = {
    ...decodeListParams(SERVER_LIST_PARAMS, new URLSearchParams()),
    q: 'prd',
    status: ['RUNNING'],
  }
  expect(filterServers(fleet, params).map((s) => s.id)).toEqual([1, 3])
  const counts = statusCounts(filterServersExceptStatus(fleet, params))
  expect(Object.fromEntries(counts)).toEqual({ RUNNING: 2, DISCONNECTED: 1, CREATED: 1 })
})

test('sorting is natural (eu-2 before eu-10), reversible, and ties fall back to the name', () => {
  expect(sortServers(fleet, { id: 'name', desc: false }).map((s) => s.name)).toEqual([
    'prd-gw-us-1',
    'prd-mule-ap-3',
    'prd-mule-eu-2',
    'prd-mule-eu-10',
    'sbx-mule-ap-1',
  ])
  expect(sortServers(fleet, { id: 'name', desc: true }).map((s) => s.id)[0]).toBe(4)
  const byStatus = sortServers(fleet, { id: 'status', desc: false }).map((s) => s.name)
  expect(byStatus).toEqual([
    'prd-mule-ap-3',
    'prd-mule-eu-2',
    'prd-gw-us-1',
    'prd-mule-eu-10',
    'sbx-mule-ap-1',
  ])
})

test('sorting by expiry puts the nearest expiry first and servers without dates last', () => {
  const servers = [
    server(1, 'a', { certificateExpirationDate: NOW + 90 * DAY }),
    server(2, 'b'),
    server(3, 'c', {
      licenseExpirationDate: NOW + 5 * DAY,
      certificateExpirationDate: NOW + 200 * DAY,
    }),
  ]
  expect(sortServers(servers, { id: 'expiry', desc: false }).map((s) => s.id)).toEqual([3, 1, 2])
})

test('expiry warnings flag expired and soon-expiring certificates and licences only', () => {
  const soon = server(1, 'a', {
    certificateExpirationDate: NOW + 12 * DAY + 1000,
    licenseExpirationDate: NOW + 400 * DAY,
  })
  expect(expiryWarnings(soon, NOW).map((w) => w.text)).toEqual(['Certificate expires in 12 d'])
  const expired = server(2, 'b', {
    licenseExpirationDate: NOW - 3 * DAY,
    certificateExpirationDate: String(NOW + 31 * DAY),
  })
  expect(expiryWarnings(expired, NOW).map((w) => w.text)).toEqual(['Licence expired 3 d ago'])
  expect(expiryWarnings(server(3, 'c'), NOW)).toEqual([])
})

test('expiry warnings are worded in the chosen language, with its plural forms', async () => {
  const inDays = (days: number) =>
    server(1, 'a', { certificateExpirationDate: NOW + days * DAY + 1000 })
  const since = (days: number) => server(2, 'b', { licenseExpirationDate: NOW - days * DAY })
  await setLanguage('de', { remember: false })
  expect(expiryWarnings(inDays(12), NOW).map((w) => w.text)).toEqual([
    'Zertifikat läuft in 12 Tagen ab',
  ])
  expect(expiryWarnings(since(1), NOW).map((w) => w.text)).toEqual(['Lizenz vor 1 Tag abgelaufen'])
  await setLanguage('ar', { remember: false })
  // Arabic has a dual: two days is one word, without a number.
  expect(expiryWarnings(inDays(2), NOW).map((w) => w.text)).toEqual([
    'تنتهي صلاحية الشهادة خلال يومين',
  ])
})

test('only a server registered moments ago counts as waiting for its agent (fast polling)', async () => {
  const { isServerTransitional } = await import('../../api/runtime-manager/servers.ts')
  expect(
    isServerTransitional(server(1, 'new', { status: 'CREATED', timeCreated: NOW - 60_000 }), NOW),
  ).toBe(true)
  expect(
    isServerTransitional(
      server(2, 'stale', { status: 'CREATED', timeCreated: NOW - 3 * DAY }),
      NOW,
    ),
  ).toBe(false)
  expect(
    isServerTransitional(server(3, 'up', { status: 'RUNNING', timeCreated: NOW - 60_000 }), NOW),
  ).toBe(false)
})
