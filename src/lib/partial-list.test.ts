import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import { parseEach, partialArray } from './partial-list.ts'

const Item = z.object({ id: z.number(), name: z.string(), status: z.enum(['RUNNING', 'STOPPED']) })

test('good records are kept in order; each bad one is reported with its index, id and issues', () => {
  const list = parseEach(Item, [
    { id: 1, name: 'a', status: 'RUNNING' },
    { id: 2, name: 'b', status: 'EXPLODED' },
    { id: 3, name: 'c', status: 'STOPPED' },
    { name: false, status: 'RUNNING' },
    null,
  ])
  expect(list.items.map((i) => i.id)).toEqual([1, 3])
  expect(list.rejected).toHaveLength(3)
  expect(list.rejected[0]).toMatchObject({ index: 1, id: '2', issues: [{ path: 'status' }] })
  expect(list.rejected[0]?.issues[0]?.problem).toEqual({
    code: 'value',
    values: '"RUNNING", "STOPPED"',
    found: { kind: 'text', text: '"EXPLODED"' },
  })
  expect(list.rejected[1]).toMatchObject({ index: 3 })
  expect(list.rejected[1]?.issues.map((i) => i.path).sort()).toEqual(['id', 'name'])
  expect(list.rejected[1]).not.toHaveProperty('id')
  expect(list.rejected[2]).toMatchObject({ index: 4, issues: [{ path: '' }] })
})

test('the id is taken from the first of the given keys a record has', () => {
  const list = parseEach(Item, [{ applicationId: 'app-9', name: 'x' }], ['id', 'applicationId'])
  expect(list.rejected[0]?.id).toBe('app-9')
})

test('as a schema: an array is parsed record by record; anything but an array still fails', () => {
  const schema = z.object({ data: partialArray(Item) })
  expect(
    z.parse(schema, { data: [{ id: 1, name: 'a', status: 'RUNNING' }, { id: 2 }] }),
  ).toMatchObject({ data: { items: [{ id: 1 }], rejected: [{ index: 1, id: '2' }] } })
  expect(z.safeParse(schema, { data: { id: 1 } }).success).toBe(false)
  expect(z.safeParse(schema, {}).success).toBe(false)
})
