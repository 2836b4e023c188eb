// @vitest-environment node
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, expect, test } from 'vitest'
import { auditCsvRow } from '../../src/api/console/audit-schemas.ts'
import { AuditStore, MIGRATIONS, openAuditStore } from './store.ts'
import { sampleEntry } from './test-entries.ts'

const dirs: string[] = []
const stores: AuditStore[] = []

function tempFile(name = 'audit.sqlite'): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-store-'))
  dirs.push(dir)
  return join(dir, 'nested', name)
}

function open(options: ConstructorParameters<typeof AuditStore>[0] = {}): AuditStore {
  const store = new AuditStore({ file: tempFile(), noTimer: true, ...options })
  stores.push(store)
  return store
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const T0 = Date.UTC(2026, 11, 1, 12)

test('creates the folder, uses WAL and applies every migration once', () => {
  const file = tempFile()
  const store = new AuditStore({ file, noTimer: true })
  expect(existsSync(file)).toBe(true)
  expect(store.schemaVersion()).toBe(MIGRATIONS.length)
  expect(store.db.prepare('PRAGMA journal_mode').get()?.journal_mode).toBe('wal')
  store.record(sampleEntry())
  store.close()

  const again = new AuditStore({ file, noTimer: true })
  stores.push(again)
  expect(again.schemaVersion()).toBe(MIGRATIONS.length)
  expect(again.list({}).items).toHaveLength(1)
})

test('upgrades a database written at an older schema version', () => {
  const file = tempFile()
  new AuditStore({ file, noTimer: true }).close()
  // Pretend a later migration is new: the stored version is behind the list.
  const raw = new DatabaseSync(file)
  raw.exec('PRAGMA user_version = 0; DROP TABLE audit;')
  raw.close()
  const store = new AuditStore({ file, noTimer: true })
  stores.push(store)
  expect(store.schemaVersion()).toBe(MIGRATIONS.length)
  expect(store.list({}).items).toEqual([])
})

test('queues writes: nothing is written during the call, all of it on the next turn', async () => {
  const store = open()
  store.record(sampleEntry())
  store.record(sampleEntry({ requestId: 'req-2' }))
  expect(store.db.prepare('SELECT count(*) AS n FROM audit').get()?.n).toBe(0)
  await new Promise((resolve) => setImmediate(resolve))
  expect(store.db.prepare('SELECT count(*) AS n FROM audit').get()?.n).toBe(2)
})

test('pages newest first by keyset, ties broken by id, with no entry twice', () => {
  const store = open()
  for (let i = 0; i < 120; i++)
    store.record(sampleEntry({ time: T0 + Math.floor(i / 3) * 1000, requestId: `r${i}` }))
  store.flush()
  const seen: string[] = []
  let cursor: string | undefined
  const sizes: number[] = []
  do {
    const page = store.list({}, cursor, 50)
    sizes.push(page.items.length)
    seen.push(...page.items.map((e) => e.requestId))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  expect(sizes).toEqual([50, 50, 20])
  expect(new Set(seen).size).toBe(120)
  expect(seen[0]).toBe('r119')
  expect(seen.at(-1)).toBe('r0')
  expect(() => store.list({}, 'not-a-cursor')).toThrow(RangeError)
})

test('filters by operator, family, action, outcome, time range and resource name', () => {
  const store = open()
  store.record(sampleEntry({ time: T0, operator: 'ana', requestId: 'a' }))
  store.record(
    sampleEntry({
      time: T0 + 1000,
      operator: 'ben',
      family: 'mfp',
      action: 'disable',
      resourceKind: 'device',
      resourceName: "Lena's iPhone 15",
      outcome: 'failure',
      requestId: 'b',
    }),
  )
  store.record(
    sampleEntry({
      time: T0 + 2000,
      operator: 'ana',
      action: 'start',
      resourceName: 'billing_100%',
      requestId: 'c',
    }),
  )
  store.flush()
  const ids = (filters: Parameters<AuditStore['list']>[0]) =>
    store.list(filters).items.map((e) => e.requestId)
  expect(ids({ operator: 'ana' })).toEqual(['c', 'a'])
  expect(ids({ family: 'mfp' })).toEqual(['b'])
  expect(ids({ action: 'start' })).toEqual(['c'])
  expect(ids({ outcome: 'failure' })).toEqual(['b'])
  expect(ids({ from: T0 + 500, to: T0 + 1500 })).toEqual(['b'])
  expect(ids({ q: 'iphone' })).toEqual(['b'])
  // LIKE wildcards in the search are taken literally.
  expect(ids({ q: '100%' })).toEqual(['c'])
  expect(ids({ q: '_' })).toEqual(['c'])
  expect(ids({ operator: 'ana', action: 'stop' })).toEqual(['a'])
  expect(store.forResource('application', '42').map((e) => e.requestId)).toEqual(['c', 'a'])
  expect([...store.iterate({ operator: 'ana' })].map((e) => e.requestId)).toEqual(['c', 'a'])
})

test('retention deletes entries older than the period, at start and when applied', () => {
  const file = tempFile()
  let now = T0
  const first = new AuditStore({ file, noTimer: true, now: () => now })
  first.record(sampleEntry({ time: T0 - 91 * 86_400_000, requestId: 'old' }))
  first.record(sampleEntry({ time: T0 - 89 * 86_400_000, requestId: 'recent' }))
  first.flush()
  first.close()

  const store = new AuditStore({ file, noTimer: true, now: () => now, retentionDays: 90 })
  stores.push(store)
  expect(store.list({}).items.map((e) => e.requestId)).toEqual(['recent'])
  now = T0 + 2 * 86_400_000
  expect(store.applyRetention()).toBe(1)
  expect(store.list({}).items).toEqual([])
})

test('a failed write is logged, counted and reported by health(); later writes recover', () => {
  const errors: string[] = []
  const store = open({ log: { error: (_details, message) => errors.push(message) } })
  expect(store.health()).toEqual({ ok: true, failedWrites: 0, queued: 0, lastError: null })
  store.db.exec('ALTER TABLE audit RENAME TO audit_gone')
  store.record(sampleEntry())
  store.record(sampleEntry())
  expect(() => store.flush()).not.toThrow()
  expect(store.health()).toMatchObject({ ok: false, failedWrites: 2 })
  expect(store.health().lastError).toMatch(/audit/)
  expect(errors).toHaveLength(1)

  store.db.exec('ALTER TABLE audit_gone RENAME TO audit')
  store.record(sampleEntry())
  store.flush()
  expect(store.health()).toMatchObject({ ok: true, failedWrites: 2 })
})

test('a settled transaction completes its pending entry once', () => {
  const store = open()
  store.record(
    sampleEntry({
      family: 'mfp',
      runtime: 'mfp',
      transactionId: '7',
      transactionStatus: 'PENDING',
      outcome: 'pending',
    }),
  )
  store.flush()
  store.settleTransaction({
    runtime: 'mfp',
    transactionId: '7',
    transactionStatus: 'FAILURE',
    outcome: 'failure',
    message: 'retired version',
  })
  store.flush()
  // A later read of the same transaction changes nothing.
  store.settleTransaction({
    runtime: 'mfp',
    transactionId: '7',
    transactionStatus: 'SUCCESS',
    outcome: 'success',
    message: null,
  })
  store.flush()
  expect(store.list({}).items[0]).toMatchObject({
    outcome: 'failure',
    transactionStatus: 'FAILURE',
    message: 'retired version',
  })
})

test('openAuditStore reads AUDIT_DB and AUDIT_RETENTION_DAYS', () => {
  const file = tempFile('env.sqlite')
  const store = openAuditStore({ AUDIT_DB: file, AUDIT_RETENTION_DAYS: '30' })
  stores.push(store)
  expect(existsSync(file)).toBe(true)
  expect(() => openAuditStore({ AUDIT_DB: tempFile(), AUDIT_RETENTION_DAYS: 'soon' })).toThrow(
    /AUDIT_RETENTION_DAYS/,
  )
})

test('CSV lines computed by SQLite are exactly the shared auditCsvRow, awkward values included', () => {
  const store = open()
  const awkward = [
    'plain',
    'a, b',
    'say "hi"',
    'two\nlines',
    'carriage\rreturn',
    '=SUM(A1)',
    '+cmd',
    '-1',
    '@here',
    '\tindented',
    '=HYPERLINK("http://evil", "x")',
    'עברית, and English',
    '',
  ]
  awkward.forEach((text, i) =>
    store.record(
      sampleEntry({
        time: T0 + i * 1001 + 7,
        resourceName: text,
        summary: `${text} summary`,
        message: i % 2 ? text : null,
        details: i % 3 ? null : text,
        organization: null,
        request: { method: 'PATCH', path: `/x/${i}?a=1,2`, headers: [], body: null },
      }),
    ),
  )
  store.flush()
  const fromSql = [...store.csvLines({})]
  const fromJs = store.list({}, undefined, 200).items.map(auditCsvRow)
  expect(fromSql).toEqual(fromJs)
  expect(fromSql).toHaveLength(awkward.length)
})
