import { isolateText } from '../../lib/isolate-text.ts'
import { expect, test } from 'vitest'
import { decodeListParams } from '../../lib/list-params.ts'
import { expectUrlStates } from '../../test/list-url-state.ts'
import { recordMaker } from '../../test/record-maker.ts'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import {
  sortKey,
  APPLICATION_LIST_PARAMS,
  createNarrowingFilter,
  facetCounts,
  filterExceptStatus,
  prepareTextSearch,
  filterRows,
  sortRows,
  targetsOf,
  toRows,
} from './application-list-model.ts'

const app = recordMaker<Application>((id, name, extra) => ({
  id,
  name,
  desiredStatus: 'STARTED',
  lastReportedStatus: 'STARTED',
  artifact: { name, fileName: `${name}-1.0.0.jar`, fileSize: id * 1000 },
  target: { id: 500, name: 'prd-mule-eu-01', type: 'SERVER', status: 'RUNNING' },
  serverArtifacts: [
    {
      id: id * 10,
      serverId: 500,
      lastReportedStatus: extra.lastReportedStatus ?? 'STARTED',
      desiredStatus: extra.desiredStatus ?? 'STARTED',
    },
  ],
  timeUpdated: id,
}))

const apps = [
  app(1, 'orders-api'),
  app(2, 'billing-sync', { desiredStatus: 'STOPPED', lastReportedStatus: 'STOPPED' }),
  app(3, 'orders-events', {
    lastReportedStatus: 'DEPLOYMENT_FAILED',
    target: {
      id: 600,
      name: 'payments-group',
      type: 'SERVER_GROUP',
      servers: [{ id: 501, name: 'a', status: 'RUNNING' }],
    },
    serverArtifacts: [{ id: 31, serverId: 501, lastReportedStatus: 'DEPLOYMENT_FAILED' }],
  }),
  app(4, 'catalog-api', { desiredStatus: 'UPDATED', lastReportedStatus: 'UNDEPLOYED' }),
]
const rows = toRows(apps)
const none = decodeListParams(APPLICATION_LIST_PARAMS, new URLSearchParams())

test('list params round-trip through the URL and reject what they do not know', () => {
  expectUrlStates(APPLICATION_LIST_PARAMS, [
    ['q=orders', { q: 'orders' }, 'q=orders'],
    ['status=failed,bogus,moving', { status: ['failed', 'moving'] }, 'status=failed%2Cmoving'],
    ['target=600', { target: 600 }, 'target=600'],
    ['sort=-size', { sort: { id: 'size', desc: true } }, 'sort=-size'],
  ])
  expectUrlStates(APPLICATION_LIST_PARAMS, [['target=abc&sort=secret', { target: null }, '']])
})

test('status facets group phases: deploying counts as in progress, a failure as failed', () => {
  expect(facetCounts(rows)).toEqual({ started: 1, partial: 0, moving: 1, stopped: 1, failed: 1 })
  expect(filterRows(rows, { ...none, status: ['failed', 'moving'] }).map((r) => r.app.id)).toEqual([
    3, 4,
  ])
})

test('the text filter searches name, target and artifact; the target filter includes group members', () => {
  expect(filterRows(rows, { ...none, q: 'ORDERS' }).map((r) => r.app.id)).toEqual([1, 3])
  expect(filterRows(rows, { ...none, q: 'payments-group' }).map((r) => r.app.id)).toEqual([3])
  expect(filterExceptStatus(rows, { ...none, target: 501 }).map((r) => r.app.id)).toEqual([3])
  expect(filterExceptStatus(rows, { ...none, target: 600 }).map((r) => r.app.id)).toEqual([3])
})

test('sorting by status puts failures first; by size numerically; both directions', () => {
  expect(sortRows(rows, { id: 'status', desc: false }).map((r) => r.app.id)).toEqual([3, 4, 1, 2])
  expect(sortRows(rows, { id: 'size', desc: true }).map((r) => r.app.id)).toEqual([4, 3, 2, 1])
  expect(sortRows(rows, { id: 'name', desc: false }).map((r) => r.app.name)).toEqual([
    'billing-sync',
    'catalog-api',
    'orders-api',
    'orders-events',
  ])
})

test('sorting by a text column orders numerically and case-insensitively, ties by name, rows untouched', () => {
  const before = JSON.stringify(rows)
  // Three on one server: the tie falls to the name; the group sorts first ("payments" < "prd").
  expect(sortRows(rows, { id: 'target', desc: false }).map((r) => r.app.id)).toEqual([3, 2, 4, 1])
  expect(sortRows(rows, { id: 'target', desc: true }).map((r) => r.app.id)).toEqual([2, 4, 1, 3])
  expect(sortRows(rows, { id: 'artifact', desc: false }).map((r) => r.app.id)).toEqual([2, 4, 1, 3])
  const versions = toRows([
    app(7, 'a', { artifact: { name: 'a', fileName: 'Svc-10.jar' } }),
    app(8, 'b', { artifact: { name: 'b', fileName: 'svc-9.jar' } }),
  ])
  expect(sortRows(versions, { id: 'artifact', desc: false }).map((r) => r.app.id)).toEqual([8, 7])
  expect(JSON.stringify(rows)).toBe(before)
})

test('targets for the filter are distinct and labelled by kind', () => {
  expect(targetsOf(rows)).toEqual([
    { id: 600, label: `Group: ${isolateText('payments-group')}` },
    { id: 500, label: `Server: ${isolateText('prd-mule-eu-01')}` },
  ])
})

test('name order ignores case and reads numbers as numbers, like a collator', () => {
  const names = ['orders-10', 'Orders-2', 'orders-1', 'ledger', 'orders-2a', 'ORDERS']
  const byKey = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
  expect(byKey).toEqual(['ledger', 'ORDERS', 'orders-1', 'Orders-2', 'orders-2a', 'orders-10'])
})

test('the narrowing filter answers as a fresh filter would, however the text changes', () => {
  const filter = createNarrowingFilter()
  const fresh = (q: string, target: number | null = null) =>
    filterExceptStatus(rows, { ...none, q, target }).map((r) => r.app.id)
  const typed = (q: string, target: number | null = null) =>
    filter(rows, { ...none, q, target }).map((r) => r.app.id)
  // Growing, shrinking (Backspace), replaced, the target changing under the same text,
  // and the rows themselves replaced by a refetch.
  const steps: Array<[string, number | null]> = [
    ['o', null],
    ['or', null],
    ['orders-e', null],
    ['orders-', null],
    ['sync', null],
    ['sync', 500],
    ['s', 500],
    ['', null],
    ['api', null],
  ]
  for (const [q, target] of steps) expect(typed(q, target)).toEqual(fresh(q, target))
  const refetched = toRows(apps.slice(0, 1))
  expect(filter(refetched, { ...none, q: 'api' }).map((r) => r.app.id)).toEqual([1])
})

test('a long list is searched through one index and answers as each row searched on its own', () => {
  // Long enough for the index (2,000 rows and more); names that end and begin alike, so a
  // text made of one row's end and the next row's start would match if rows ran together.
  const many = toRows(
    Array.from({ length: 2_400 }, (_, i) =>
      app(i + 1, i % 3 === 0 ? `orders-${i}` : `${i % 7}-ledger-sync-${i}`, {
        ...(i % 5 === 0 ? { desiredStatus: 'STOPPED', lastReportedStatus: 'STOPPED' } : {}),
      }),
    ),
  )
  prepareTextSearch(many)
  const eachRow = (q: string) =>
    many.filter((r) => r.haystack.includes(q.trim().toLowerCase())).map((r) => r.app.id)
  const searched = (q: string, target: number | null = null) =>
    filterExceptStatus(many, { ...none, q, target }).map((r) => r.app.id)
  for (const q of ['o', 'orders-1', 'ledger', 'LEDGER-SYNC-23', 'stopped', '.jar 2-', 'x', '9']) {
    expect(searched(q)).toEqual(eachRow(q))
  }
  // A row's text ends in its statuses and the next row's begins with its name: neither a
  // space nor a line break joins them into one match.
  expect(searched('started 0-')).toEqual([])
  expect(searched('started\n0-')).toEqual([])
  expect(searched('orders-3', 600)).toEqual([])
  // Narrowing from a long answer searches the index again; from a short one, that answer.
  const filter = createNarrowingFilter()
  for (const q of ['o', 'or', 'orders-', 'orders-12', 'orders-1']) {
    expect(filter(many, { ...none, q }).map((r) => r.app.id)).toEqual(eachRow(q))
  }
})

test('with nothing to filter the rows come back as they are, and their facet counts are reused', () => {
  expect(filterExceptStatus(rows, none)).toBe(rows)
  expect(facetCounts(rows)).toBe(facetCounts(rows))
})

test('sorting by target or by artifact orders those names, ties by application name', () => {
  const fresh = toRows(apps)
  expect(sortRows(fresh, { id: 'target', desc: false }).map((r) => r.app.id)).toEqual([3, 2, 4, 1])
  expect(sortRows(fresh, { id: 'artifact', desc: false }).map((r) => r.app.id)).toEqual([
    2, 4, 1, 3,
  ])
  expect(sortRows(fresh, { id: 'artifact', desc: true }).map((r) => r.app.id)).toEqual([3, 1, 4, 2])
})

test('a filter that keeps every row answers the rows themselves', () => {
  expect(filterExceptStatus(rows, { ...none, q: 'e' }).map((r) => r.app.id)).toEqual([1, 2, 3, 4])
  expect(filterExceptStatus(rows, { ...none, q: 'e' })).toBe(rows)
})
