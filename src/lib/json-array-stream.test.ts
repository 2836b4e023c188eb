import { expect, test } from 'vitest'
import { JsonArraySplitter, readJsonStreaming } from './json-array-stream.ts'
import { parseBodyText } from './request.ts'

/** Every way to cut `text` in two, and one character at a time. */
function cuts(text: string): string[][] {
  const ways: string[][] = [[text], [...text]]
  for (let i = 1; i < text.length; i++) ways.push([text.slice(0, i), text.slice(i)])
  return ways
}

function split(pieces: readonly string[], key = 'data') {
  const splitter = new JsonArraySplitter(key)
  const records = pieces.flatMap((piece) => splitter.push(piece))
  return { records, outside: splitter.outside() }
}

/** A body whose records hold what can fool a splitter: quotes, escapes, brackets in strings. */
const TRICKY = JSON.stringify({
  before: { data: ['not this one'], text: 'a ] } , [ {' },
  data: [
    { id: 1, name: 'plain' },
    { id: 2, name: 'quote " inside', path: 'C:\\dir\\', nested: [[1, { a: ']' }], []] },
    { id: 3, name: 'escaped \\" and \\\\" and \u2028 and é and 🙂' },
    'a string record, with a comma ] and a bracket',
    42,
    -1.5e3,
    true,
    null,
    [1, 2, [3]],
    {},
  ],
  after: 'tail "data" ] }',
})

test('each record comes out as its own JSON, wherever the pieces are cut', () => {
  const expected = JSON.parse(TRICKY).data
  for (const pieces of cuts(TRICKY)) {
    const { records, outside } = split(pieces)
    expect(records.map((r) => JSON.parse(r))).toEqual(expected)
    expect(outside).not.toBeNull()
  }
})

test('the text around the array parses to the rest of the object, with an empty array', () => {
  const { outside } = split([TRICKY])
  const whole = JSON.parse(TRICKY)
  expect(JSON.parse(outside ?? 'null')).toEqual({ ...whole, data: [] })
})

test('an empty list, and whitespace anywhere JSON allows it', () => {
  expect(split(['{"data":[]}'])).toEqual({ records: [], outside: '{"data":[]}' })
  const spaced = ' {\n "data" :\t[ \r\n{ "id" : 1 } ,\n 2 ] \n, "total": 2 } '
  for (const pieces of cuts(spaced)) {
    const { records, outside } = split(pieces)
    expect(records.map((r) => JSON.parse(r))).toEqual([{ id: 1 }, 2])
    expect(JSON.parse(outside ?? 'null')).toEqual({ data: [], total: 2 })
  }
})

test('what is not one array under the key is left to a plain parse', () => {
  // Not an object, no such key, a value of another type, two arrays under the key (the
  // last wins in JSON.parse), the key spelt with an escape, text that is not JSON.
  for (const text of [
    '[{"id":1}]',
    '{"items":[1]}',
    '{"data":{"a":[1]}}',
    '{"data":[1],"data":[2]}',
    '{"d\\u0061ta":[1]}',
    '{"data":[1,,2]}',
    '{"data":[,1]}',
    '{"data":[1,]}',
    '{"data":[1]',
    '{"data":[{"id":1}',
    'not json',
    '',
  ]) {
    expect({ text, outside: split([text]).outside }).toEqual({ text, outside: null })
  }
})

/** A response whose body arrives in the given pieces (bytes, so UTF-8 can be cut mid-character). */
function streamed(pieces: readonly Uint8Array[], failAfter?: Error): Response {
  let next = 0
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces[next++]
        if (piece) controller.enqueue(piece)
        else if (failAfter) controller.error(failAfter)
        else controller.close()
      },
    }),
  )
}

function bytesIn(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text)
  const pieces: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.slice(i, i + size))
  return pieces
}

test('reading a streamed body gives what JSON.parse of the whole text gives', async () => {
  for (const size of [1, 2, 3, 7, 64, 100_000]) {
    const seen: unknown[] = []
    const body = await readJsonStreaming(
      streamed(bytesIn(TRICKY, size)),
      { key: 'data', onRecord: (record) => seen.push(record) },
      parseBodyText,
    )
    expect(body).toEqual(JSON.parse(TRICKY))
    expect(Object.keys(body ?? {})).toEqual(['before', 'data', 'after'])
    // Each record was handed over as it was parsed: the very objects of the result.
    expect(seen).toEqual(JSON.parse(TRICKY).data)
    const data: unknown = Reflect.get(body ?? {}, 'data')
    expect(Array.isArray(data) && data.every((record, i) => record === seen[i])).toBe(true)
  }
})

test('a body the splitter does not recognise is read as a plain read reads it', async () => {
  const read = (text: string) =>
    readJsonStreaming(
      streamed(bytesIn(text, 3)),
      { key: 'data', onRecord: () => undefined },
      parseBodyText,
    )
  expect(await read('{"data":[1],"data":[2]}')).toEqual({ data: [2] })
  expect(await read('{"data":[1,,2]}')).toBe('{"data":[1,,2]}')
  // Records the splitter hands out are judged by JSON.parse.
  expect(await read('{"data":[1 2]}')).toBe('{"data":[1 2]}')
  expect(await read('{"data":[{"id":1}')).toBe('{"data":[{"id":1}')
  expect(await read('[1,2]')).toEqual([1, 2])
  expect(await read('')).toBeUndefined()
})

test('a failure in the middle of the body rejects the read', async () => {
  const broken = new TypeError('network error')
  const read = readJsonStreaming(
    streamed(bytesIn('{"data":[{"id":1},{"id":2}', 4), broken),
    { key: 'data', onRecord: () => undefined },
    parseBodyText,
  )
  await expect(read).rejects.toBe(broken)
})
