/**
 * The proxy's path rules. Only the four prefixes (with their slash) are proxied, and only
 * paths that mean the same thing to every server on the way: nothing that a URL parser,
 * a reverse proxy or the upstream could normalise into another resource is forwarded.
 */
import { FAMILY_PREFIXES, familyOf, type Family } from './contract.ts'

export type PathCheck =
  { ok: true; family: Family; prefix: string; url: string } | { ok: false; message: string }

/** Percent-encodings of `.`, `/`, `\` and `%` itself (double encoding), any case. */
const ENCODED_DANGER = /%(2e|2f|5c|25)/i
/** Encoded control characters, including NUL, CR and LF. */
const ENCODED_CONTROL = /%[01][0-9a-f]|%7f/i

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return ENCODED_CONTROL.test(text)
}
/** A scheme at the start of a segment (`http:`, `https:`, `file:`, `javascript:`...). */
const SCHEME = /(^|\/)[a-z][a-z0-9+.-]*:/i

/** The family of a path when it starts with one of the proxied prefixes, else null. */
export { familyOf }

/** True when the path is under a proxied prefix or the console's own API. */
export function isApiPath(pathname: string): boolean {
  return familyOf(pathname) !== null || pathname.startsWith('/console-api/')
}

/**
 * Checks a raw request URL (path and query, exactly as received) for the proxy.
 * The query is passed on as is; the path must start with a prefix literally (no encoded
 * letters) and hold no traversal, encoded separator, backslash, scheme or empty segment.
 */
export function checkProxyPath(rawUrl: string): PathCheck {
  const queryAt = rawUrl.indexOf('?')
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt)
  const query = queryAt === -1 ? '' : rawUrl.slice(queryAt)
  const match = FAMILY_PREFIXES.find(([prefix]) => path.startsWith(prefix))
  if (!match)
    return {
      ok: false,
      message: 'Not a proxied path: use /accounts/, /hybrid/, /mfpadmin/ or /api/am/.',
    }
  const [prefix, family] = match
  if (path.includes('..')) return refuse('it contains ..')
  if (ENCODED_DANGER.test(path))
    return refuse('it contains an encoded dot, slash, backslash or percent sign')
  if (path.includes('\\')) return refuse('it contains a backslash')
  if (path.includes('//')) return refuse('it contains an empty segment (//)')
  if (hasControl(rawUrl)) return refuse('it contains a control character')
  if (SCHEME.test(path)) return refuse('it contains a scheme (such as http:)')
  if (query.includes('#')) return refuse('it contains a fragment')
  for (const segment of path.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      return refuse('it contains a malformed percent-encoding')
    }
    if (decoded === '.' || decoded.includes('/') || decoded.includes('\\'))
      return refuse('it contains a dot segment')
  }
  return { ok: true, family, prefix, url: rawUrl }
}

function refuse(why: string): PathCheck {
  return { ok: false, message: `Refused: the path is not proxied because ${why}.` }
}
