// @vitest-environment node
import { afterEach, expect, test } from 'vitest'
import { setupTestBackend } from '../test/demo-server.ts'
import { hybridHeadersFor, TEST_ORIGIN } from './test-support.ts'
import { randomUuid, sha1 } from './web-crypto.ts'

const demo = setupTestBackend()

/** What a page served over plain http from another host sees: no digest, no randomUUID. */
function withoutSecureContext() {
  Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true })
  Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true })
}

afterEach(() => {
  // The own properties hid the prototype's; deleting them shows the real ones again.
  Reflect.deleteProperty(globalThis.crypto, 'subtle')
  Reflect.deleteProperty(globalThis.crypto, 'randomUUID')
})

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))

test('without a secure context the digest is the same SHA-1, at every block boundary', async () => {
  const lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 1_000_003]
  const inputs = lengths.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff))
  const native = await Promise.all(inputs.map((bytes) => sha1(bytes)))
  withoutSecureContext()
  for (const [i, bytes] of inputs.entries()) {
    expect(hex(await sha1(bytes))).toBe(hex(native[i] ?? new Uint8Array()))
  }
  // FIPS 180 examples, so the comparison does not rest on the browser's digest alone.
  expect(hex(await sha1(ascii('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
  expect(hex(await sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
    '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
  )
})

test('without a secure context ids are still random version 4 UUIDs', () => {
  withoutSecureContext()
  const ids = Array.from({ length: 200 }, () => randomUuid())
  for (const id of ids) {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  }
  expect(new Set(ids).size).toBe(ids.length)
})

test('a demo opened over plain http answers its lists with the same ETag and revalidates them', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const servers = (extra: Record<string, string> = {}) =>
    fetch(`${TEST_ORIGIN}/hybrid/api/v1/servers`, { headers: { ...headers, ...extra } })
  const secure = await servers()
  const etag = secure.headers.get('ETag')
  expect(etag).toBeTruthy()

  withoutSecureContext()
  const plain = await servers()
  expect(plain.status).toBe(200)
  expect(plain.headers.get('ETag')).toBe(etag)
  expect(await plain.json()).toEqual(await secure.json())
  expect((await servers({ 'If-None-Match': etag ?? '' })).status).toBe(304)
})
