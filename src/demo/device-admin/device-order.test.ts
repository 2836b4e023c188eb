import { expect, test } from 'vitest'
import { createRng } from '../rng.ts'
import { orderDevices, rankValues } from './device-order.ts'

/** Ids that share their first 8 digits in runs, so whole ids must decide. */
function idsWithSharedHeads(count: number): string[] {
  const rng = createRng(7)
  const heads = ['00000000', 'ffffffff', '7fffffff', '80000000', '0000000a']
  return Array.from({ length: count }, (_, i) => {
    const id = rng.uuid()
    return i % 3 === 0 ? `${heads[i % heads.length]}${id.slice(8)}` : id
  })
}

const headOf = (ids: readonly string[]) =>
  Uint32Array.from(ids, (id) => parseInt(id.slice(0, 8), 16))

test('the id order is the ids sorted as strings, also where first digits are shared', () => {
  const ids = idsWithSharedHeads(2_000)
  const expected = ids.map((id, i) => ({ id, i })).sort((a, b) => (a.id < b.id ? -1 : 1))
  const order = orderDevices(headOf(ids), (i) => ids[i] ?? '')
  expect(Array.from(order)).toEqual(expected.map((e) => e.i))
})

test('an order by rank keeps equal ranks in id order, as a sort by (value, id) would', () => {
  const ids = idsWithSharedHeads(3_000)
  const rng = createRng(11)
  const values = ids.map(() => rng.pick(['b', 'a', 'c', 'a ', 'B']))
  const expected = ids
    .map((id, i) => ({ id, i, v: values[i] ?? '' }))
    .sort((x, y) => (x.v < y.v ? -1 : x.v > y.v ? 1 : x.id < y.id ? -1 : 1))
  const asked: number[] = []
  const order = orderDevices(
    headOf(ids),
    (i) => {
      asked.push(i)
      return ids[i] ?? ''
    },
    rankValues(values),
  )
  expect(Array.from(order)).toEqual(expected.map((e) => e.i))
  // Whole ids are read only for devices whose first digits (and values) are shared.
  expect(asked.length).toBeGreaterThan(0)
  for (const i of asked) expect(i % 3).toBe(0)
})

test('values rank in code unit order, numbers ascending, equal values sharing a rank', () => {
  expect(rankValues(['b', 'a', 'B', 'b'])).toEqual({
    rank: Int32Array.from([2, 1, 0, 2]),
    ranks: 3,
  })
  expect(rankValues([10, 9, 100, 9])).toEqual({ rank: Int32Array.from([1, 0, 2, 0]), ranks: 3 })
})
