import { expect, test } from 'vitest'
import { utf8 } from './responses.ts'

test('utf8 gives the same bytes as TextEncoder, for ASCII and for any other text', () => {
  const encoder = new TextEncoder()
  for (const text of [
    '',
    '{"data":[{"id":1,"name":"orders-api"}]}',
    '{"name":"Zürich café"}',
    '{"name":"مراقب"}',
    '{"name":"emoji 🚀 at the end 🚀"}',
    'é',
    `${'a'.repeat(1000)}ß`,
  ]) {
    expect([...utf8(text)]).toEqual([...encoder.encode(text)])
  }
})
