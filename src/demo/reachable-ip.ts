/**
 * The demo backend's own rule (not the console's: the two may disagree, ADR 005) that a
 * clustering IP must be one the other nodes can reach. The WHATWG URL parser gives each
 * address its one canonical spelling, so `0:0::1`, `::ffff:127.0.0.1` and `127.1` are
 * recognised without a parser of our own.
 */
export function unreachableIpKind(ip: string): 'loopback' | 'unspecified' | null {
  let host: string
  try {
    host = new URL(`http://${ip.includes(':') ? `[${ip}]` : ip}/`).hostname
  } catch {
    return null
  }
  if (host === '[::1]') return 'loopback'
  if (host === '[::]') return 'unspecified'
  // IPv4-mapped IPv6 comes back as [::ffff:hhhh:hhhh].
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(host)
  if (mapped) {
    const hi = parseInt(mapped[1] ?? '0', 16)
    const lo = parseInt(mapped[2] ?? '0', 16)
    host = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  }
  if (/^127\./.test(host)) return 'loopback'
  if (host === '0.0.0.0') return 'unspecified'
  return null
}
