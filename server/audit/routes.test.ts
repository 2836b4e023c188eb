// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterEach, expect, test } from 'vitest'
import { AuditPageSchema } from '../../src/api/console/audit-schemas.ts'
import { auditRecorder } from './recorder.ts'
import { auditRoutes } from './routes.ts'
import { AuditStore, type AuditScope } from './store.ts'
import { sampleEntry } from './test-entries.ts'

const cleanups: Array<() => void | Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const T0 = Date.UTC(2026, 11, 1, 12)

async function setup(
  signedIn = true,
  scope: AuditScope = { families: signedIn ? ['arm', 'mfp', 'store'] : [], orgId: 'org-1' },
) {
  const dir = mkdtempSync(join(tmpdir(), 'audit-routes-'))
  const store = new AuditStore({ file: join(dir, 'audit.sqlite'), noTimer: true })
  const app = Fastify()
  await app.register(auditRoutes, { store, scopeFor: () => scope })
  await app.ready()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => store.close())
  cleanups.push(() => app.close())
  return { app, store }
}

test('401 JSON when no family is signed in', async () => {
  const { app } = await setup(false)
  for (const url of [
    '/console-api/audit',
    '/console-api/audit/export.csv',
    '/console-api/audit/resource/application/1',
  ]) {
    const res = await app.inject({ url })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: expect.stringMatching(/sign in/i) })
  }
})

test('lists newest first with an opaque cursor, and applies the filters', async () => {
  const { app, store } = await setup()
  for (let i = 0; i < 7; i++)
    store.record(
      sampleEntry({ time: T0 + i * 60_000, operator: i % 2 ? 'ana' : 'ben', requestId: `r${i}` }),
    )
  store.flush()
  const first = AuditPageSchema.parse(
    (await app.inject({ url: '/console-api/audit?limit=3' })).json(),
  )
  expect(first.items.map((e) => e.requestId)).toEqual(['r6', 'r5', 'r4'])
  expect(first.nextCursor).toEqual(expect.any(String))
  const second = AuditPageSchema.parse(
    (await app.inject({ url: `/console-api/audit?limit=3&cursor=${first.nextCursor}` })).json(),
  )
  expect(second.items.map((e) => e.requestId)).toEqual(['r3', 'r2', 'r1'])

  const ana = await app.inject({
    url: '/console-api/audit?operator=ana&family=arm&outcome=success&q=',
  })
  expect(ana.json().items.map((e: { requestId: string }) => e.requestId)).toEqual([
    'r5',
    'r3',
    'r1',
  ])
  // A date-only `to` covers that whole day.
  const day = await app.inject({ url: '/console-api/audit?from=2026-12-01&to=2026-12-01' })
  expect(day.json().items).toHaveLength(7)
  const before = await app.inject({ url: '/console-api/audit?to=2026-11-30' })
  expect(before.json().items).toHaveLength(0)
})

test('400 JSON for a bad query', async () => {
  const { app } = await setup()
  for (const query of [
    'limit=0',
    'limit=500',
    'limit=ten',
    'family=aws',
    'action=explode',
    'from=yesterday',
    'from=2026-12-02&to=2026-12-01',
    'cursor=bm90LWEtY3Vyc29y',
  ]) {
    const res = await app.inject({ url: `/console-api/audit?${query}` })
    expect({ query, status: res.statusCode }).toEqual({ query, status: 400 })
    expect(res.json()).toEqual({ message: expect.stringMatching(/^Invalid query/) })
  }
  expect((await app.inject({ url: '/console-api/audit/resource/planet/1' })).statusCode).toBe(400)
})

test('the last ten entries of one resource', async () => {
  const { app, store } = await setup()
  for (let i = 0; i < 12; i++) store.record(sampleEntry({ time: T0 + i, requestId: `r${i}` }))
  store.record(sampleEntry({ resourceId: '43', requestId: 'other' }))
  store.flush()
  const res = await app.inject({ url: '/console-api/audit/resource/application/42' })
  expect(res.statusCode).toBe(200)
  const items: Array<{ requestId: string }> = res.json().items
  expect(items).toHaveLength(10)
  expect(items[0]?.requestId).toBe('r11')
})

test('CSV export: quoted cells, formulas neutralised, the filtered rows only', async () => {
  const { app, store } = await setup()
  store.record(sampleEntry({ time: T0, resourceName: 'a, "quoted"\nname', requestId: 'r1' }))
  store.record(
    sampleEntry({
      time: T0 + 1,
      resourceName: '=HYPERLINK("http://evil")',
      summary: '+cmd',
      requestId: 'r2',
    }),
  )
  store.record(sampleEntry({ time: T0 + 2, operator: 'someone-else', requestId: 'r3' }))
  store.flush()
  const res = await app.inject({ url: '/console-api/audit/export.csv?operator=ops.lena' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
  expect(res.headers['content-disposition']).toMatch(
    /^attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"$/,
  )
  const text = res.body.replace(/^\uFEFF/, '')
  const lines = text.split('\r\n')
  expect(lines[0]).toMatch(/^time,operator,organization,environment,family,action,/)
  expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`)
  expect(text).toContain(`,'+cmd,`)
  expect(text).toContain('"a, ""quoted""\nname"')
  expect(text).not.toContain('someone-else')
  expect(text).not.toContain('r3')
})

test('CSV export streams: no content length, every row once, in order', async () => {
  const { app, store } = await setup()
  for (let i = 0; i < 5000; i++) store.record(sampleEntry({ time: T0 + i, requestId: `r${i}` }))
  store.flush()
  const res = await app.inject({ url: '/console-api/audit/export.csv' })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-length']).toBeUndefined()
  const rows = res.body.trimEnd().split('\r\n').slice(1)
  expect(rows).toHaveLength(5000)
  expect(rows[0]).toContain(',r4999')
  expect(rows.at(-1)).toContain(',r0')
})

test('each reader sees only its signed-in families, and of arm its own organization', async () => {
  const entries = [
    sampleEntry({ requestId: 'r-arm-org-1', organization: 'org-1', resourceId: '7' }),
    sampleEntry({ requestId: 'r-arm-org-2', organization: 'org-2', resourceId: '7' }),
    sampleEntry({ requestId: 'r-mfp', family: 'mfp', organization: null, resourceId: '7' }),
    sampleEntry({ requestId: 'r-store', family: 'store', organization: null, resourceId: '7' }),
  ]
  const seen = async (scope: AuditScope) => {
    const { app, store } = await setup(true, scope)
    for (const entry of entries) store.record(entry)
    store.flush()
    const ids = (items: Array<{ requestId: string }>) => items.map((e) => e.requestId).sort()
    const list = ids((await app.inject({ url: '/console-api/audit' })).json().items)
    const resource = ids(
      (await app.inject({ url: '/console-api/audit/resource/application/7' })).json().items,
    )
    const csv = (await app.inject({ url: '/console-api/audit/export.csv' })).body
    const inCsv = entries.filter((e) => csv.includes(e.requestId)).map((e) => e.requestId)
    expect(resource).toEqual(list)
    expect(inCsv.sort()).toEqual(list)
    return list
  }
  expect(await seen({ families: ['mfp'] })).toEqual(['r-mfp'])
  expect(await seen({ families: ['arm'], orgId: 'org-1' })).toEqual(['r-arm-org-1'])
  expect(await seen({ families: ['arm', 'store'], orgId: 'org-2' })).toEqual([
    'r-arm-org-2',
    'r-store',
  ])
  const none = await setup(true, { families: [] })
  expect((await none.app.inject({ url: '/console-api/audit' })).statusCode).toBe(401)
})

test('wired as main.ts will: the recorder observes a proxied change, the routes show it', async () => {
  const { app, store } = await setup()
  const observe = auditRecorder(store)
  observe({
    requestId: 'req-77',
    family: 'arm',
    method: 'DELETE',
    url: '/hybrid/api/v1/servers/9',
    requestHeaders: {
      'x-anypnt-env-id': 'env-prd',
      'x-console-change': 'action=unregister&name=prd-mule-09',
    },
    status: 204,
    responseText: undefined,
    startedAt: T0,
    durationMs: 40,
    identities: { arm: { username: 'lena.ops', orgId: 'org-1' } },
  })
  // Written after the answer, on a later turn.
  await new Promise((resolve) => setImmediate(resolve))
  const res = await app.inject({ url: '/console-api/audit/resource/server/9' })
  expect(res.json().items).toEqual([
    expect.objectContaining({
      summary: 'unregister server prd-mule-09',
      operator: 'lena.ops',
      outcome: 'success',
      requestId: 'req-77',
    }),
  ])
  expect(store.health()).toEqual({ ok: true, failedWrites: 0, queued: 0, lastError: null })
})
