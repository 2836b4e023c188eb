import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { readerFor, UNREAD } from './fast-parse.ts'
import { parseEach } from './partial-list.ts'

/** Every kind the reader reads, nested the way the APIs' records nest them. */
const Member = z.object({ id: z.number(), name: z.string(), status: z.optional(z.string()) })
const Record_ = z.object({
  id: z.number(),
  name: z.string(),
  started: z.optional(z.boolean()),
  uptime: z.optional(z.nullable(z.number())),
  time: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  kind: z.enum(['SERVER', 'SERVER_GROUP']),
  version: z.literal(1),
  extra: z.unknown(),
  target: z.object({ id: z.number(), servers: z.optional(z.array(Member)) }),
  configuration: z.optional(z.nullable(z.record(z.string(), z.string()))),
})

const SAMPLE = {
  id: 7,
  name: 'orders-api',
  started: true,
  uptime: null,
  time: '2026-12-02T10:00:00Z',
  kind: 'SERVER_GROUP',
  version: 1,
  extra: { anything: [1, 'two'] },
  target: {
    id: 3,
    servers: [
      { id: 1, name: 'a' },
      { id: 2, name: 'b', status: 'RUNNING' },
    ],
  },
  configuration: { 'mule.env': 'prod' },
  unknownField: 'dropped, as zod drops it',
}

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  true,
  false,
  [],
  [1],
  {},
  { id: 1 },
  JSON.parse('{"__proto__": 1}'),
  Object.create(null),
  new Date(0),
]

type Path = ReadonlyArray<string | number>
const DELETE = Symbol('delete')

/** The value with the thing at `path` replaced (or deleted when `to` is DELETE). */
function replaced(value: unknown, path: Path, to: unknown): unknown {
  const [head, ...rest] = path
  if (head === undefined) return to
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, to) : v))
  const entries = Object.entries(typeof value === 'object' && value !== null ? value : {})
  const key = String(head)
  if (rest.length === 0 && to === DELETE)
    return Object.fromEntries(entries.filter(([k]) => k !== key))
  const changed = entries.map(([k, v]): [string, unknown] => [
    k,
    k === key ? replaced(v, rest, to) : v,
  ])
  if (!entries.some(([k]) => k === key)) changed.push([key, replaced(undefined, rest, to)])
  return Object.fromEntries(changed)
}

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))]
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))]
  return [at]
}

/** The sample, and each of its places given an odd value, deleted, or a field added. */
export function variants(sample: unknown): unknown[] {
  const out: unknown[] = [sample]
  for (const path of pathsOf(sample)) {
    for (const odd of ODD_VALUES) out.push(replaced(sample, path, odd))
    if (path.length > 0) out.push(replaced(sample, path, DELETE))
    out.push(replaced(sample, [...path, 'added'], 'x'))
  }
  return out
}

test('the reader answers as zod does, or leaves the value to zod: the sample and every mutation of it', () => {
  const read = readerFor(Record_)
  expect(read).not.toBeNull()
  let readCount = 0
  for (const value of variants(SAMPLE)) {
    const got = read?.(value) ?? UNREAD
    const parsed = z.safeParse(Record_, value)
    if (got === UNREAD) continue
    readCount++
    // Never an answer zod would not give, and the same answer.
    expect(parsed.success).toBe(true)
    expect(got).toStrictEqual(parsed.data)
  }
  // It is not a reader that leaves everything to zod: the sample and the many harmless
  // mutations (an optional field dropped, another string) are read.
  expect(read?.(SAMPLE)).toStrictEqual(z.parse(Record_, SAMPLE))
  expect(readCount).toBeGreaterThan(50)
})

test('an unknown field is dropped and an absent optional one stays absent, as zod does', () => {
  const read = readerFor(Member)
  const got = read?.({ id: 1, name: 'a', rogue: true })
  expect(got).toStrictEqual({ id: 1, name: 'a' })
  expect(got).not.toHaveProperty('status')
})

test('a schema with a check, a transform or a default is left to zod entirely', () => {
  expect(readerFor(z.string().check(z.maxLength(9)))).toBeNull()
  expect(readerFor(z.object({ n: z.pipe(z.string(), z.transform(Number)) }))).toBeNull()
  expect(readerFor(z.object({ n: z._default(z.number(), 1) }))).toBeNull()
  expect(readerFor(z.looseObject({ id: z.number() }))).toBeNull()
})

test('a kind built on a base kind is left to zod: formats, exclusive and discriminated unions, exact optionals', () => {
  // Each is an instance of a base kind for zod's instanceof, with a rule of its own.
  expect(readerFor(z.email())).toBeNull()
  expect(readerFor(z.iso.datetime())).toBeNull()
  expect(readerFor(z.int())).toBeNull()
  expect(readerFor(z.xor([z.string(), z.string()]))).toBeNull()
  expect(
    readerFor(z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() })])),
  ).toBeNull()
  expect(readerFor(z.object({ note: z.exactOptional(z.string()) }))).toBeNull()
  // And the records that hold one are read by zod, which refuses what it must.
  expect(parseEach(z.object({ mail: z.email() }), [{ mail: 'not an address' }]).items).toEqual([])
})

test('a list keeps its good records through the reader and words the bad ones through zod', () => {
  const { items, rejected } = parseEach(Member, [
    { id: 1, name: 'a' },
    { id: 'two', name: 'b' },
    { id: 3, name: 'c', extra: 1 },
  ])
  expect(items).toStrictEqual([
    { id: 1, name: 'a' },
    { id: 3, name: 'c' },
  ])
  expect(rejected).toStrictEqual([
    {
      index: 1,
      id: 'two',
      issues: [
        {
          path: 'id',
          problem: { code: 'type', expected: 'number', found: { kind: 'text', text: '"two"' } },
        },
      ],
    },
  ])
})

test('a string with a least length is read when it surely has it, and otherwise left to zod', () => {
  const id = readerFor(z.string().check(z.minLength(1)))
  expect(id?.('a')).toBe('a')
  expect(id?.('')).toBe(UNREAD)
  const code = readerFor(z.string().check(z.minLength(3)))
  expect(code?.('abcdef')).toBe('abcdef')
  // Three units may be fewer code points (an emoji is two): zod counts.
  expect(code?.('a😀')).toBe(UNREAD)
  expect(z.safeParse(z.string().check(z.minLength(3)), 'a😀').success).toBe(false)
})
