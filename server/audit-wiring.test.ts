// @vitest-environment node
/**
 * The audit trail as the production server wires it (`buildServer(config, { audit })`, as
 * `main.ts` does), against the fake upstream: what the proxy records, who may read it,
 * `/readyz`, a store that cannot write, and shutdown.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { AuditPageSchema } from '../src/api/console/audit-schemas.ts'
import { buildServer } from './app.ts'
import { AuditStore } from './audit/store.ts'
import { readConfig } from './config.ts'
import {
  CREDENTIALS,
  makeDist,
  SAME_ORIGIN,
  signIn,
  startFakeUpstream,
  type FakeUpstream,
} from './test-support.ts'

let upstream: FakeUpstream
let dist: string
const cleanups: Array<() => unknown> = []

beforeAll(async () => {
  upstream = await startFakeUpstream()
  dist = makeDist()
})
afterAll(() => upstream.close())
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  upstream.seen.length = 0
  upstream.reject.clear()
})

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-wiring-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'audit.sqlite')
}

/** The server as `main.ts` builds it in live mode: a file store handed to `buildServer`. */
async function serverWithAudit(file = tempFile()) {
  const audit = new AuditStore({ file, noTimer: true })
  const config = readConfig({ API_URL: upstream.url, DIST_DIR: dist, LOG_LEVEL: 'silent' })
  const app = await buildServer(config, { logger: false, audit })
  let closed = false
  cleanups.push(() => (closed ? undefined : app.close()))
  return {
    app,
    audit,
    file,
    close: async () => {
      closed = true
      await app.close()
    },
  }
}

const stopChange = (cookie: string, name = 'orders-api') => ({
  method: 'PATCH' as const,
  url: '/hybrid/api/v1/applications/42',
  headers: {
    ...SAME_ORIGIN,
    cookie,
    'content-type': 'application/json',
    'x-anypnt-org-id': 'org-1',
    'x-anypnt-env-id': 'env-prd',
    'x-console-change': new URLSearchParams({ action: 'stop', name }).toString(),
  },
  payload: JSON.stringify({ desiredStatus: 'STOPPED' }),
})

/** The entries once the store's queue (written on a later turn of the event loop) is out. */
async function written(audit: AuditStore, count: number) {
  await expect
    .poll(() => audit.list({}).items.length, { timeout: 8000, interval: 10 })
    .toBeGreaterThanOrEqual(count)
  return audit.list({}).items
}

test('a proxied change is recorded with the operator of its family, organization and environment', async () => {
  const { app, audit } = await serverWithAudit()
  let cookie = await signIn(app, 'arm')
  cookie = await signIn(app, 'mfp', cookie)
  cookie = await signIn(app, 'store', cookie)

  const stop = await app.inject(stopChange(cookie))
  expect(stop.statusCode).toBe(200)
  const device = await app.inject({
    method: 'PUT',
    url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices/dev-1/applications/AcmeBank?async=false',
    headers: { ...SAME_ORIGIN, cookie, 'content-type': 'application/json' },
    payload: JSON.stringify({ status: 'DISABLED' }),
  })
  expect(device.statusCode).toBe(200)
  const edit = await app.inject({
    method: 'PUT',
    url: '/api/am/store/v0.10/applications/app-7',
    headers: {
      ...SAME_ORIGIN,
      cookie,
      'content-type': 'application/json',
      'x-console-change': new URLSearchParams({ name: 'Partner Portal' }).toString(),
    },
    payload: JSON.stringify({ name: 'Partner Portal', throttlingTier: 'Gold' }),
  })
  expect(edit.statusCode).toBe(200)
  // Reads are not changes; sign-ins are not proxied at all.
  await app.inject({ url: '/hybrid/api/v1/applications', headers: { cookie } })

  const items = await written(audit, 3)
  expect(items).toHaveLength(3)
  const [storeEntry, mfpEntry, armEntry] = items
  expect(armEntry).toMatchObject({
    operator: 'ada.lovelace',
    organization: 'org-1',
    environment: 'env-prd',
    family: 'arm',
    action: 'stop',
    resourceKind: 'application',
    resourceId: '42',
    resourceName: 'orders-api',
    outcome: 'success',
    status: 200,
    requestId: stop.headers['x-request-id'],
  })
  expect(armEntry?.request).toMatchObject({
    method: 'PATCH',
    path: '/hybrid/api/v1/applications/42',
  })
  expect(mfpEntry).toMatchObject({ operator: CREDENTIALS.mfp.username, family: 'mfp' })
  expect(storeEntry).toMatchObject({
    operator: CREDENTIALS.store.username,
    family: 'store',
    resourceName: 'Partner Portal',
  })
  // No credential of any family in what was recorded.
  const text = JSON.stringify(items)
  for (const secret of [
    CREDENTIALS.arm.clientSecret,
    CREDENTIALS.mfp.password,
    CREDENTIALS.store.password,
    'arm-token-',
    'store-token-',
    'store-client-secret',
    cookie.split('=')[1] ?? 'no cookie',
  ])
    expect(text).not.toContain(secret)
})

test('a failed change is recorded as a failure with the API message; a refused one (not signed in) is not recorded', async () => {
  const { app, audit } = await serverWithAudit()
  const cookie = await signIn(app, 'arm')
  // The store family is not signed in: refused by the proxy, nothing changed, nothing recorded.
  const refused = await app.inject({
    method: 'DELETE',
    url: '/api/am/store/v0.10/applications/app-7',
    headers: { ...SAME_ORIGIN, cookie },
  })
  expect(refused.statusCode).toBe(401)
  upstream.reject.add('/hybrid/api/v1/applications/42')
  const failed = await app.inject(stopChange(cookie))
  expect(failed.statusCode).toBe(401)
  const [entry, ...rest] = await written(audit, 1)
  expect(rest).toEqual([])
  expect(entry).toMatchObject({
    operator: 'ada.lovelace',
    action: 'stop',
    outcome: 'failure',
    status: 401,
    message: 'rejected by the fake upstream',
  })
})

test('/console-api/audit: 401 without a session, the entries (and CSV, resource history) with one', async () => {
  const { app, audit } = await serverWithAudit()
  for (const url of [
    '/console-api/audit',
    '/console-api/audit/export.csv',
    '/console-api/audit/resource/application/42',
  ]) {
    const anonymous = await app.inject({ url })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json()).toEqual({ message: expect.stringMatching(/sign in/i) })
    // An unknown or forged session cookie is no session either.
    const forged = await app.inject({ url, headers: { cookie: 'console_session=forged' } })
    expect(forged.statusCode).toBe(401)
  }
  const cookie = await signIn(app, 'arm')
  await app.inject(stopChange(cookie))
  await written(audit, 1)

  const list = await app.inject({ url: '/console-api/audit', headers: { cookie } })
  expect(list.statusCode).toBe(200)
  expect(list.headers['cache-control']).toBe('no-store')
  const page = AuditPageSchema.parse(list.json())
  expect(page.items).toHaveLength(1)
  expect(page.items[0]).toMatchObject({ operator: 'ada.lovelace', resourceName: 'orders-api' })
  const filtered = await app.inject({
    url: '/console-api/audit?operator=someone-else',
    headers: { cookie },
  })
  expect(AuditPageSchema.parse(filtered.json()).items).toEqual([])

  const csv = await app.inject({ url: '/console-api/audit/export.csv', headers: { cookie } })
  expect(csv.statusCode).toBe(200)
  expect(csv.headers['content-type']).toContain('text/csv')
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(',ada.lovelace,')
  expect(lines[1]).toContain('stop application orders-api')

  const history = await app.inject({
    url: '/console-api/audit/resource/application/42',
    headers: { cookie },
  })
  expect(history.json().items).toHaveLength(1)
  // Security headers on the audit answers too.
  expect(list.headers['content-security-policy']).toContain("default-src 'self'")

  // Signing out of every family ends the access.
  await app.inject({
    method: 'DELETE',
    url: '/console-api/session',
    headers: { ...SAME_ORIGIN, cookie },
  })
  expect((await app.inject({ url: '/console-api/audit', headers: { cookie } })).statusCode).toBe(
    401,
  )
})

test('/console-api/audit shows each session its own families, and of arm its own organization', async () => {
  const { app, audit } = await serverWithAudit()
  const armCookie = await signIn(app, 'arm') // the fake upstream's arm user is of org-1
  await app.inject(stopChange(armCookie))
  await written(audit, 1)
  // An entry of another organization, as another console user's change would leave it.
  const [own] = audit.list({}).items
  if (!own) throw new Error('no entry')
  const { id: _id, ...rest } = own
  audit.record({ ...rest, organization: 'org-2', requestId: 'req-org-2' })
  audit.flush()
  const mfpCookie = await signIn(app, 'mfp')
  const read = async (cookie: string) => {
    const list = await app.inject({ url: '/console-api/audit', headers: { cookie } })
    const csv = await app.inject({ url: '/console-api/audit/export.csv', headers: { cookie } })
    const history = await app.inject({
      url: '/console-api/audit/resource/application/42',
      headers: { cookie },
    })
    return {
      list: AuditPageSchema.parse(list.json()).items.map((e) => e.organization),
      csvRows:
        csv.body
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split('\r\n').length - 1,
      history: history.json().items.length,
    }
  }
  expect(await read(mfpCookie)).toEqual({ list: [], csvRows: 0, history: 0 })
  expect(await read(armCookie)).toEqual({ list: ['org-1'], csvRows: 1, history: 1 })
})

test('/readyz carries the audit health', async () => {
  const { app } = await serverWithAudit()
  const ready = await app.inject({ url: '/readyz' })
  expect(ready.statusCode).toBe(200)
  expect(ready.json()).toMatchObject({
    ok: true,
    audit: { ok: true, failedWrites: 0, queued: 0, lastError: null },
  })
})

test('a store that cannot write: the proxied answer is neither failed nor delayed, and /readyz counts it', async () => {
  const { app, audit } = await serverWithAudit()
  const cookie = await signIn(app, 'arm')
  // A read-only store (as a file made read-only, or a full disk, would be).
  audit.db.exec('PRAGMA query_only = ON')
  const started = performance.now()
  const answers = await Promise.all([1, 2, 3].map(() => app.inject(stopChange(cookie))))
  const took = performance.now() - started
  expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200])
  expect(answers[0]?.json()).toMatchObject({ family: 'arm' })
  expect(took).toBeLessThan(1500)
  await expect.poll(() => audit.health().failedWrites).toBe(3)

  const ready = await app.inject({ url: '/readyz' })
  // The console stays ready (operators need it in an incident); monitoring reads the count.
  expect(ready.statusCode).toBe(200)
  expect(ready.json().audit).toMatchObject({
    ok: false,
    failedWrites: 3,
    queued: 0,
    lastError: expect.stringMatching(/readonly|read-only|query_only/i),
  })

  // Writable again: the next change is written and the health recovers (the count stays).
  audit.db.exec('PRAGMA query_only = OFF')
  await app.inject(stopChange(cookie, 'billing-api'))
  await written(audit, 1)
  expect((await app.inject({ url: '/readyz' })).json().audit).toMatchObject({
    ok: true,
    failedWrites: 3,
  })
})

test('a closed store: proxied changes still answer, and the lost entries are counted in /readyz', async () => {
  const { app, audit } = await serverWithAudit()
  const cookie = await signIn(app, 'arm')
  audit.db.close()
  const answer = await app.inject(stopChange(cookie))
  expect(answer.statusCode).toBe(200)
  await expect.poll(() => audit.health().failedWrites).toBe(1)
  const ready = await app.inject({ url: '/readyz' })
  expect(ready.statusCode).toBe(200)
  expect(ready.json().audit).toMatchObject({ ok: false, failedWrites: 1 })
})

test('a file locked by another connection holds up nothing, and the entries are written once it is free', async () => {
  const { app, audit, file } = await serverWithAudit()
  const cookie = await signIn(app, 'arm')
  // Another process (a backup, an operator's sqlite3 shell) holds the write lock.
  const other = new DatabaseSync(file)
  other.exec('BEGIN IMMEDIATE')
  try {
    const first = await app.inject(stopChange(cookie))
    expect(first.statusCode).toBe(200)
    // The write is tried and finds the lock; meanwhile the server answers at once (a write
    // that waited for the lock would block the event loop for the busy timeout, 2 s).
    const started = performance.now()
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
    }
    expect(performance.now() - started).toBeLessThan(1500)
    expect(audit.health()).toMatchObject({ ok: true, failedWrites: 0, queued: 1 })
    await app.inject(stopChange(cookie, 'billing-api'))
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
  // Nothing lost, nothing counted as failed: both are written once the lock is gone.
  const items = await written(audit, 2)
  expect(items.map((e) => e.resourceName)).toEqual(['billing-api', 'orders-api'])
  expect(audit.health()).toMatchObject({ ok: true, failedWrites: 0, queued: 0 })
})

/** A request over real HTTP (a listening server, as in a drain). */
function send(
  port: number,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

test('closing the app writes the queued entries, including changes still in flight when the close began', async () => {
  const { app, audit, file, close } = await serverWithAudit()
  const cookie = await signIn(app, 'arm')
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const change = stopChange(cookie)
  const headers = {
    ...change.headers,
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
  }
  // One change answered just before the close: queued, not yet written.
  await send(port, { method: 'PATCH', path: change.url, headers, body: change.payload })
  // One change still waiting for its (slow) upstream when the close begins.
  const slow = send(port, {
    method: 'POST',
    path: '/hybrid/api/v1/slow?ms=300',
    headers: {
      ...headers,
      'x-console-change': new URLSearchParams({ action: 'start', name: 'slow-api' }).toString(),
    },
    body: '{}',
  })
  await expect
    .poll(() => upstream.seen.some((r) => r.url.startsWith('/hybrid/api/v1/slow')))
    .toBe(true)
  await close()
  expect((await slow).status).toBe(200)
  expect(audit.health().queued).toBe(0)

  // Read back from the file by another connection, as the next start would.
  const db = new DatabaseSync(file, { readOnly: true })
  const rows = db.prepare('SELECT operator, summary, outcome FROM audit ORDER BY id').all()
  db.close()
  expect(rows).toEqual([
    expect.objectContaining({
      operator: 'ada.lovelace',
      summary: expect.stringContaining('orders-api'),
    }),
    expect.objectContaining({ operator: 'ada.lovelace', outcome: 'success' }),
  ])
})
