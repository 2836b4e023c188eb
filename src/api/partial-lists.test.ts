import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import { ClientAppListSchema, TierListSchema } from './app-store/client-app-schemas.ts'
import { DevicePageSchema, TransactionPageSchema } from './device-admin/device-schemas.ts'
import { EnvironmentListSchema } from './runtime-manager/account-schemas.ts'

const page = { nextPageBookmark: '', prevPageBookmark: '', totalListSize: 2, productVersion: '8.0' }

test('device and transaction pages keep their envelope and carry the unreadable items beside the rest', () => {
  const devices = z.parse(DevicePageSchema, {
    ...page,
    items: [
      { id: 'd1', deviceDisplayName: 'ok', lastAccessed: '2026-01-01', status: 'ACTIVE' },
      { id: 'd2', deviceDisplayName: 'bad', lastAccessed: '2026-01-01', status: 7 },
    ],
  })
  expect(devices.items.map((d) => d.id)).toEqual(['d1'])
  expect(devices.rejected).toMatchObject([{ index: 1, id: 'd2', issues: [{ path: 'status' }] }])
  expect(devices.totalListSize).toBe(2)
  const transactions = z.parse(TransactionPageSchema, { ...page, items: [{ id: 'x' }] })
  expect(transactions.items).toEqual([])
  expect(transactions.rejected).toHaveLength(1)
  expect(z.safeParse(DevicePageSchema, { ...page, items: 'nope' }).success).toBe(false)
})

test('client applications, tiers and environments are parsed record by record too', () => {
  const apps = z.parse(ClientAppListSchema, {
    count: 2,
    list: [
      { applicationId: 'a1', name: 'web', throttlingTier: 'Gold', status: 'APPROVED' },
      { applicationId: 'a2', name: 'broken', status: 'APPROVED' },
    ],
  })
  expect(apps.list.map((a) => a.applicationId)).toEqual(['a1'])
  expect(apps.rejected).toMatchObject([
    { index: 1, id: 'a2', issues: [{ path: 'throttlingTier' }] },
  ])
  const tiers = z.parse(TierListSchema, { list: [{ name: 'Gold' }, { name: '' }] })
  expect(tiers.list.items.map((t) => t.name)).toEqual(['Gold'])
  expect(tiers.list.rejected).toHaveLength(1)
  const envs = z.parse(EnvironmentListSchema, { data: [{ id: 'e1', name: 'Prod' }, { id: 'e2' }] })
  expect(envs.data.items.map((e) => e.id)).toEqual(['e1'])
  expect(envs.data.rejected).toMatchObject([{ index: 1, id: 'e2', issues: [{ path: 'name' }] }])
})
