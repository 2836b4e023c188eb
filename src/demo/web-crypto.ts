import { sha1 as sha1InScript } from '@noble/hashes/legacy.js'

/*
 * Web Crypto's digest and randomUUID exist only in a secure context (https, localhost).
 * A demo opened over plain http from another machine (a LAN address, `npm start -- --host`)
 * has neither, and every list the demo hashes for its ETag failed there. The same values
 * are made in script when the browser withholds them; `getRandomValues` is available in
 * every context.
 */

/** The SHA-1 digest of `bytes`: the browser's when it offers one, else the same in script. */
export async function sha1(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const subtle: SubtleCrypto | undefined = globalThis.crypto.subtle
  if (subtle === undefined) return sha1InScript(bytes)
  return new Uint8Array(await subtle.digest('SHA-1', bytes))
}

/** Bytes as lowercase hexadecimal, two digits each. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A random (version 4) UUID, as `crypto.randomUUID()` makes it. */
export function randomUuid(): string {
  const native: (() => string) | undefined = globalThis.crypto.randomUUID
  if (native !== undefined) return globalThis.crypto.randomUUID()
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = toHex(bytes)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
