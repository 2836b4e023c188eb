import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import {
  choiceParam,
  dayParam,
  decodeListParams,
  encodeListParams,
  idParam,
  listParam,
  pageParam,
  sortParam,
  textParam,
} from './list-params.ts'

const schema = z.object({
  q: textParam(),
  status: listParam(['RUNNING', 'CREATED']),
  type: choiceParam(['MULE', 'GATEWAY']),
  target: idParam(),
  page: pageParam(),
  from: dayParam(),
  sort: sortParam(['name', 'status']),
})

const read = (search: string) => decodeListParams(schema, new URLSearchParams(search))

test('an empty URL reads as every default', () => {
  expect(read('')).toEqual({
    q: '',
    status: [],
    type: '',
    target: null,
    page: 1,
    from: '',
    sort: { id: 'name', desc: false },
  })
})

test('each field reads its parameter', () => {
  expect(
    read(
      'q=orders&status=CREATED,RUNNING&type=GATEWAY&target=12&page=3&from=2026-03-01&sort=-status',
    ),
  ).toEqual({
    q: 'orders',
    status: ['CREATED', 'RUNNING'],
    type: 'GATEWAY',
    target: 12,
    page: 3,
    from: '2026-03-01',
    sort: { id: 'status', desc: true },
  })
})

test('invalid values fall back to the defaults, an unknown list entry alone is dropped', () => {
  expect(
    read('status=RUNNING,NOPE&type=docker&target=twelve&page=-2&from=yesterday&sort=-size'),
  ).toEqual({
    q: '',
    status: ['RUNNING'],
    type: '',
    target: null,
    page: 1,
    from: '',
    sort: { id: 'name', desc: false },
  })
  expect(read('page=0').page).toBe(1)
  expect(read('page=1234567').page).toBe(1)
})

test('a list without values keeps any non-empty entry; text can be trimmed', () => {
  const free = z.object({ status: listParam(), q: textParam({ trim: true }) })
  expect(decodeListParams(free, new URLSearchParams('status=A,,B&q=%20x%20'))).toEqual({
    status: ['A', 'B'],
    q: 'x',
  })
})

test('writing leaves the defaults out and keeps parameters the list does not own', () => {
  const base = new URLSearchParams('tx=errors&q=old')
  const out = encodeListParams(
    schema,
    { ...read(''), q: 'new', status: ['RUNNING', 'CREATED'], sort: { id: 'name', desc: true } },
    base,
  )
  expect(out.toString()).toBe('tx=errors&q=new&status=RUNNING%2CCREATED&sort=-name')
  expect(base.toString()).toBe('tx=errors&q=old')
  expect(encodeListParams(schema, read('')).toString()).toBe('')
})

test('what is written reads back the same', () => {
  const values = read('q=a b&status=CREATED&type=MULE&target=7&page=2&from=2026-01-31&sort=status')
  expect(read(encodeListParams(schema, values).toString())).toEqual(values)
})

test('a field can live under another parameter name', () => {
  const kind = z.object({ filter: choiceParam(['multicast', 'unicast']) })
  const names = { filter: 'mode' }
  const values = decodeListParams(kind, new URLSearchParams('mode=unicast&filter=multicast'), names)
  expect(values).toEqual({ filter: 'unicast' })
  expect(encodeListParams(kind, { filter: 'multicast' }, undefined, names).toString()).toBe(
    'mode=multicast',
  )
})
