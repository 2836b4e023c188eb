import { expect, test } from 'vitest'
import { GROUP_LIMIT, matchScore, normalize, rankGroups, rankItems } from './command-model.ts'

const name = (s: string) => s

test('matching ignores case, surrounding space and bidi isolates', () => {
  expect(normalize('  Orders-API ')).toBe('orders-api')
  expect(normalize('\u2068orders\u2069')).toBe('orders')
  expect(rankItems(['\u2068Orders-API\u2069'], name, 'ORDERS').items).toEqual([
    '\u2068Orders-API\u2069',
  ])
})

test('a whole name beats its start, which beats a word start, then anywhere, then letters in order', () => {
  const scores = [
    matchScore('orders', 'orders'),
    matchScore('orders-api', 'orders'),
    matchScore('eu-orders', 'orders'),
    matchScore('reorders', 'orders'),
    matchScore('o-r-d-e-r-s', 'orders'),
  ]
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  expect(new Set(scores).size).toBe(scores.length)
  expect(matchScore('billing', 'orders')).toBe(0)
})

test('every word of a query may match anywhere in the name', () => {
  expect(matchScore('stop orders-api', 'api stop')).toBeGreaterThan(0)
  expect(rankItems(['Stop orders-api', 'Start billing'], name, 'api stop').items).toEqual([
    'Stop orders-api',
  ])
})

test('ranking puts better matches first, then shorter names, then alphabetical', () => {
  const names = ['payments-orders', 'orders-api-eu', 'orders-api', 'orders', 'b-orders', 'a-orders']
  expect(rankItems(names, name, 'orders').items).toEqual([
    'orders',
    'orders-api',
    'orders-api-eu',
    'a-orders',
    'b-orders',
    'payments-orders',
  ])
})

test('an empty query keeps the items in their own order', () => {
  expect(rankItems(['b', 'a', 'c'], name, '  ')).toEqual({
    items: ['b', 'a', 'c'],
    total: 3,
    best: 1,
  })
})

test('at most the limit is shown, with the count of every match', () => {
  const names = Array.from({ length: 10_000 }, (_, i) => `app-${String(i).padStart(5, '0')}`)
  const ranked = rankItems(names, name, 'app-0')
  expect(ranked.items).toHaveLength(GROUP_LIMIT)
  expect(ranked.total).toBe(10_000)
  expect(ranked.items[0]).toBe('app-00000')
  expect(rankItems(names, name, 'app-09999')).toEqual({
    items: ['app-09999'],
    total: 1,
    best: 1000,
  })
  expect(rankItems(names, name, 'x', 5)).toEqual({ items: [], total: 0, best: 0 })
})

test('10,000 names are ranked reading each name once a keystroke, matches only sorted', () => {
  // How fast is the bench's to say; this checks the work done: one pass, no sort of all.
  const names = Array.from({ length: 10_000 }, (_, i) => `service-${i}-orders-api`)
  let reads = 0
  const counted = (item: string) => {
    reads++
    return item
  }
  for (const query of ['s', 'se', 'ser', 'orders', '42']) {
    reads = 0
    const ranked = rankItems(names, counted, query)
    expect(reads).toBe(10_000)
    expect(ranked.items.length).toBeLessThanOrEqual(GROUP_LIMIT)
  }
  expect(rankItems(names, counted, '42').items[0]).toBe('service-42-orders-api')
})

test('groups drop when empty, and the one with the best match comes first', () => {
  const groups = [
    { id: 'page', heading: 'On this page', items: ['Stop orders-api', 'Delete orders-api'] },
    { id: 'areas', heading: 'Go to', items: ['Go to Servers', 'Go to Applications'] },
    { id: 'apps', heading: 'Applications', items: ['orders-api', 'billing'] },
  ]
  expect(rankGroups(groups, name, 'orders')).toEqual([
    { id: 'apps', heading: 'Applications', items: ['orders-api'], total: 1, best: 900 },
    {
      id: 'page',
      heading: 'On this page',
      items: ['Stop orders-api', 'Delete orders-api'],
      total: 2,
      best: 800,
    },
  ])
  expect(rankGroups(groups, name, 'stop orders')[0]).toMatchObject({
    id: 'page',
    items: ['Stop orders-api'],
  })
  // Equally good groups, and every group for an empty query, keep their order.
  expect(rankGroups(groups, name, '').map((g) => g.id)).toEqual(['page', 'areas', 'apps'])
  expect(rankGroups(groups, name, 'orders', 1)[1]).toMatchObject({
    items: ['Stop orders-api'],
    total: 2,
  })
})
