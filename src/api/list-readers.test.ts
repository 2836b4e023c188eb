import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { DemoBackend } from '../demo/backend.ts'
import { memoryStorage } from '../demo/storage.ts'
import { readerFor, UNREAD } from '../lib/fast-parse.ts'
import { ClientAppSummarySchema, TierSchema } from './app-store/client-app-schemas.ts'
import { DeviceSchema, TransactionSchema } from './device-admin/device-schemas.ts'
import { EnvironmentSchema } from './runtime-manager/account-schemas.ts'
import { ApplicationSchema } from './runtime-manager/application-schemas.ts'
import { ServerSchema } from './runtime-manager/server-schemas.ts'
import { ClusterSchema, ServerGroupSchema } from './runtime-manager/target-schemas.ts'

const LIST_RECORDS = {
  ApplicationSchema,
  ServerSchema,
  ServerGroupSchema,
  ClusterSchema,
  EnvironmentSchema,
  DeviceSchema,
  TransactionSchema,
  ClientAppSummarySchema,
  TierSchema,
}

test('every list record schema is read without zod for the records that are fine (ADR 031)', () => {
  // A kind the reader does not know would send 10,000 applications back through zod.
  const unread = Object.entries(LIST_RECORDS).filter(([, schema]) => readerFor(schema) === null)
  expect(unread.map(([name]) => name)).toEqual([])
})

test('the demo fleet reads the same through the reader as through zod', () => {
  const { db } = new DemoBackend({ fleet: 'small', storage: memoryStorage() })
  const samples: Array<[z.ZodMiniType, readonly unknown[]]> = [
    [ApplicationSchema, db.applicationListViews(db.applications.all())],
    [ApplicationSchema, db.applications.all().map((row) => db.applicationView(row))],
    [ServerSchema, db.servers.all().map((row) => db.serverView(row))],
    [ServerGroupSchema, db.groups.all().map((row) => db.groupView(row))],
    [ClusterSchema, db.clusters.all().map((row) => db.clusterView(row))],
  ]
  for (const [schema, records] of samples) {
    expect(records.length).toBeGreaterThan(0)
    const read = readerFor(schema)
    for (const record of records) {
      // Through JSON, as an answer arrives.
      const value: unknown = JSON.parse(JSON.stringify(record))
      const got = read?.(value) ?? UNREAD
      expect(got).not.toBe(UNREAD)
      expect(got).toStrictEqual(z.parse(schema, value))
    }
  }
})
