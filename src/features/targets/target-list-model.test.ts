import { expect, test } from 'vitest'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import type { Cluster, ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { decodeListParams, encodeListParams } from '../../lib/list-params.ts'
import { CLUSTER } from './cluster-kind.tsx'
import { GROUP } from './group-kind.tsx'
import {
  filterTargets,
  filterTargetsExceptStatus,
  sortTargets,
  targetListParams,
  type TargetListParams,
  type TargetListRules,
} from './target-list-model.ts'

const groups: ServerGroup[] = [
  {
    id: 1,
    name: 'web',
    servers: [
      { id: 11, name: 'web-1', status: 'RUNNING', addresses: [{ ip: '10.0.0.11' }] },
      { id: 12, name: 'web-2', status: 'DISCONNECTED' },
    ],
    timeCreated: 2,
  },
  { id: 2, name: 'api', servers: [{ id: 21, name: 'api-1', status: 'RUNNING' }], timeCreated: 1 },
]

const clusters: Cluster[] = [
  {
    id: 3,
    name: 'orders',
    multicastEnabled: true,
    primaryNodeId: 32,
    servers: [
      { id: 31, name: 'orders-a', status: 'RUNNING' },
      { id: 32, name: 'orders-b', status: 'RUNNING', serverIp: '10.1.0.32' },
    ],
  },
  {
    id: 4,
    name: 'billing',
    multicastEnabled: false,
    servers: [{ id: 41, name: 'billing-a', status: 'DISCONNECTED' }],
  },
]

const search = (text: string) => new URLSearchParams(text)
const read = <T extends TargetRecord>(rules: TargetListRules<T>, url: URLSearchParams) => {
  const { schema, names } = targetListParams(rules)
  return decodeListParams(schema, url, names)
}
const write = <T extends TargetRecord>(rules: TargetListRules<T>, params: TargetListParams) => {
  const { schema, names } = targetListParams(rules)
  return encodeListParams(schema, params, undefined, names)
}

test('the URL state of either kind: unknown sort keys fall back to name; a group has no mode', () => {
  expect(read(GROUP.list.rules, search('sort=-mode&mode=unicast'))).toEqual({
    q: '',
    status: [],
    filter: '',
    sort: { id: 'name', desc: false },
  })
  const params = read(
    CLUSTER.list.rules,
    search('q=a&status=RUNNING,DISCONNECTED&mode=unicast&sort=-primary'),
  )
  expect(params).toEqual({
    q: 'a',
    status: ['RUNNING', 'DISCONNECTED'],
    filter: 'unicast',
    sort: { id: 'primary', desc: true },
  })
  expect(write(CLUSTER.list.rules, params).toString()).toBe(
    'q=a&status=RUNNING%2CDISCONNECTED&mode=unicast&sort=-primary',
  )
  expect(read(CLUSTER.list.rules, search('mode=broadcast')).filter).toBe('')
  expect(write(GROUP.list.rules, { ...params, sort: { id: 'name', desc: false } }).toString()).toBe(
    'q=a&status=RUNNING%2CDISCONNECTED',
  )
})

test('the text filter finds a group by member address and a cluster by clustering IP', () => {
  const base = read(GROUP.list.rules, search(''))
  expect(
    filterTargets(GROUP.list.rules, groups, { ...base, q: '10.0.0.11' }).map((g) => g.id),
  ).toEqual([1])
  expect(
    filterTargets(CLUSTER.list.rules, clusters, { ...base, q: '10.1.0.32' }).map((c) => c.id),
  ).toEqual([3])
})

test('the mode filter narrows clusters before the status facets count them', () => {
  const params = read(CLUSTER.list.rules, search('mode=multicast&status=DISCONNECTED'))
  expect(filterTargetsExceptStatus(CLUSTER.list.rules, clusters, params).map((c) => c.id)).toEqual([
    3,
  ])
  expect(filterTargets(CLUSTER.list.rules, clusters, params)).toEqual([])
})

test('sorting: the shared columns for both kinds, the primary node for clusters', () => {
  const byStatus = sortTargets(GROUP.list.rules, groups, { id: 'status', desc: false })
  expect(byStatus.map((g) => g.name)).toEqual(['web', 'api'])
  expect(
    sortTargets(GROUP.list.rules, groups, { id: 'created', desc: false }).map((g) => g.id),
  ).toEqual([2, 1])
  expect(
    sortTargets(CLUSTER.list.rules, clusters, { id: 'primary', desc: true }).map((c) => c.id),
  ).toEqual([3, 4])
  expect(
    sortTargets(CLUSTER.list.rules, clusters, { id: 'mode', desc: false }).map((c) => c.id),
  ).toEqual([3, 4])
})
