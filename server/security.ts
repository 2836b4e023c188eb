/**
 * Headers on every answer (HTML, assets, API, errors) and the CSRF rule for every
 * state-changing request. See docs/decisions/013-production-server.md.
 */
import type { FastifyRequest } from 'fastify'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
]

/**
 * The Content-Security-Policy, the same in both modes: the demo's msw intercepts in the
 * page (ADR 030) and starts no service worker.
 */
const CSP_HEADER = CSP.join('; ')

export function securityHeaders(tls: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': CSP_HEADER,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
  }
  if (tls) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains'
  return headers
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Why a request must be refused as a possible cross-site request forgery, or null.
 * A state-changing request must carry `X-Console-Request: 1` (a header a cross-site form
 * cannot set, and a cross-site script cannot set without a CORS preflight we never allow)
 * and come from our own origin: an `Origin` whose host is ours, or `Sec-Fetch-Site: same-origin`.
 */
export function csrfProblem(request: FastifyRequest): string | null {
  if (SAFE_METHODS.has(request.method)) return null
  if (request.headers['x-console-request'] !== '1')
    return 'Refused: a state-changing request needs the header X-Console-Request: 1.'
  const origin = request.headers.origin
  const host = request.headers.host
  if (origin !== undefined && origin !== 'null') {
    // Compare as URLs, so that a default port (`:80`, `:443`) matches its absence.
    let same = false
    try {
      const from = new URL(origin)
      same = Boolean(host) && new URL(`${from.protocol}//${host}`).host === from.host
    } catch {
      same = false
    }
    return same ? null : 'Refused: the request comes from another origin.'
  }
  const site = request.headers['sec-fetch-site']
  if (site === 'same-origin') return null
  return 'Refused: a state-changing request needs a same-origin Origin or Sec-Fetch-Site header.'
}

/**
 * Paths that a server on the way could normalise into another one are refused everywhere,
 * not just under the proxied prefixes: `/assets/../hybrid/x` must not become `/hybrid/x`.
 */
export function pathProblem(rawUrl: string): string | null {
  const path = rawUrl.split('?')[0] ?? '/'
  if (!path.startsWith('/') || /(^|\/)\.\.?(\/|$)|%2e|%2f|%5c|\\/i.test(path))
    return 'Refused: the path holds a dot segment or an encoded separator.'
  return null
}

/**
 * Why a request is refused before anything else runs (status and message), or null: the
 * path guard (400), then the CSRF rule (403). One check for the server's one `onRequest`
 * hook, as each hook is a step every request pays for.
 */
export function requestRefusal(
  request: FastifyRequest,
): { status: number; message: string } | null {
  const path = pathProblem(request.raw.url ?? '/')
  if (path) return { status: 400, message: path }
  const csrf = csrfProblem(request)
  return csrf ? { status: 403, message: csrf } : null
}
