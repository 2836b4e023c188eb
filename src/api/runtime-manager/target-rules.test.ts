import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { recordMaker } from '../../test/record-maker.ts'
import type { Server } from './server-schemas.ts'
import { membershipOf } from './target-rules.ts'

const make = recordMaker<Server>((id, name) => ({ id, name, status: 'RUNNING' }))
const server = (fields: Partial<Server>) => make(1, 'prd-mule-1', fields)

test('membership reads the group fields first, then the cluster fields', () => {
  expect(membershipOf(server({ serverGroupId: 50, serverGroupName: 'payments-group' }))).toEqual({
    kind: 'group',
    id: 50,
    name: 'payments-group',
  })
  expect(membershipOf(server({ clusterId: 60, clusterName: 'orders-cluster' }))).toEqual({
    kind: 'cluster',
    id: 60,
    name: 'orders-cluster',
  })
  expect(membershipOf(server({}))).toBeNull()
})

test('a group or cluster the server names by its id alone is worded in the language shown', async () => {
  expect(membershipOf(server({ serverGroupId: 7 }))?.name).toBe('Group 7')
  await setLanguage('de', { remember: false })
  try {
    expect(membershipOf(server({ serverGroupId: 7 }))?.name).toBe('Gruppe 7')
    expect(membershipOf(server({ clusterId: 9 }))?.name).toBe('Cluster 9')
  } finally {
    await setLanguage('en', { remember: false })
  }
})
