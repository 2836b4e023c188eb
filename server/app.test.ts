// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { buildServer } from './app.ts'
import { readConfig, type ServerConfig } from './config.ts'
import type { ProxiedExchange } from './contract.ts'
import {
  CREDENTIALS,
  cookieOf,
  makeDist,
  SAME_ORIGIN,
  signIn,
  startFakeUpstream,
  type FakeUpstream,
} from './test-support.ts'

let upstream: FakeUpstream
let dist: string
const apps: FastifyInstance[] = []

beforeAll(async () => {
  upstream = await startFakeUpstream()
  dist = makeDist()
})
afterAll(() => upstream.close())
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()))
  upstream.seen.length = 0
  upstream.reject.clear()
})

function liveConfig(env: Record<string, string> = {}): ServerConfig {
  return readConfig({ API_URL: upstream.url, DIST_DIR: dist, LOG_LEVEL: 'silent', ...env })
}

async function live(
  options: {
    env?: Record<string, string>
    now?: () => number
    observers?: ((e: ProxiedExchange) => void)[]
  } = {},
) {
  const app = await buildServer(liveConfig(options.env), {
    logger: false,
    ...(options.now ? { now: options.now } : {}),
    observers: options.observers ?? [],
  })
  apps.push(app)
  return app
}

async function signInAll(app: FastifyInstance) {
  let cookie = await signIn(app, 'arm')
  cookie = await signIn(app, 'mfp', cookie)
  cookie = await signIn(app, 'store', cookie)
  return cookie
}

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

function expectSecurityHeaders(headers: Record<string, unknown>) {
  expect(headers['content-security-policy']).toBe(EXPECTED_CSP)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['cross-origin-opener-policy']).toBe('same-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
}

test('security headers on HTML, asset, API, proxied, 404 and refused answers', async () => {
  const app = await live()
  const cookie = await signIn(app, 'arm')
  const answers = await Promise.all([
    app.inject({ url: '/', headers: { accept: 'text/html' } }),
    app.inject({ url: '/servers/abc', headers: { accept: 'text/html' } }),
    app.inject({ url: '/assets/index-abc123.js' }),
    app.inject({ url: '/console-api/session' }),
    app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } }),
    app.inject({ url: '/assets/missing-123.js' }),
    app.inject({ url: '/hybrid/a%2fb' }),
    app.inject({ method: 'POST', url: '/console-api/session/arm' }),
  ])
  expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 404, 400, 403])
  for (const answer of answers) expectSecurityHeaders(answer.headers)
  expect(answers[0]?.headers['strict-transport-security']).toBeUndefined()
})

test('demo mode: static files with the same CSP as live (no service worker), no proxy and no sessions', async () => {
  const app = await buildServer(readConfig({ DIST_DIR: makeDist('demo') }), { logger: false })
  apps.push(app)
  const html = await app.inject({ url: '/', headers: { accept: 'text/html' } })
  expect(html.headers['content-security-policy']).toBe(EXPECTED_CSP)
  expect((await app.inject({ url: '/hybrid/api/v1/servers' })).statusCode).toBe(404)
  expect((await app.inject({ url: '/console-api/session' })).statusCode).toBe(404)
  // A live build with no upstream would call APIs nobody answers: refused at start.
  await expect(buildServer(readConfig({ DIST_DIR: dist }), { logger: false })).rejects.toThrow(
    /live build but no upstream/,
  )
})

test('cache headers, precompressed assets, no source maps, SPA fallback only for navigations', async () => {
  const app = await live()
  const asset = await app.inject({
    url: '/assets/index-abc123.js',
    headers: { 'accept-encoding': 'br, gzip' },
  })
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers['content-encoding']).toBe('br')
  const gz = await app.inject({
    url: '/assets/index-abc123.js',
    headers: { 'accept-encoding': 'gzip' },
  })
  expect(gz.headers['content-encoding']).toBe('gzip')
  const index = await app.inject({ url: '/', headers: { accept: 'text/html' } })
  expect(index.headers['cache-control']).toBe('no-cache')
  const deep = await app.inject({
    url: '/servers/s-1?tab=apps',
    headers: { accept: 'text/html,*/*' },
  })
  expect(deep.statusCode).toBe(200)
  expect(deep.headers['cache-control']).toBe('no-cache')
  expect(deep.body).toContain('<div id="root">')

  expect((await app.inject({ url: '/assets/index-abc123.js.map' })).statusCode).toBe(404)
  // A missing chunk is a real 404, even when the browser says it accepts HTML.
  const missing = await app.inject({ url: '/assets/gone-999.js', headers: { accept: 'text/html' } })
  expect(missing.statusCode).toBe(404)
  expect(missing.headers['content-type']).toContain('application/json')
  // No fallback for API prefixes, files with an extension, non-GET or non-HTML requests.
  expect(
    (await app.inject({ url: '/console-api/nothing', headers: { accept: 'text/html' } }))
      .statusCode,
  ).toBe(404)
  expect(
    (await app.inject({ url: '/robots.txt', headers: { accept: 'text/html' } })).statusCode,
  ).toBe(404)
  expect(
    (await app.inject({ url: '/servers', headers: { accept: 'application/json' } })).statusCode,
  ).toBe(404) // Dotted ids in deep links are pages, not files.
  const dotted = await app.inject({
    url: '/env/e1/devices/mfp/lena.fischer',
    headers: { accept: 'text/html' },
  })
  expect(dotted.statusCode).toBe(200)
  expect(dotted.body).toContain('<div id="root">')
})

/** A GET over real HTTP: unlike inject, nothing normalises the path on the way. */
function rawGet(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('traversal, encoded separators and loose prefixes never reach an upstream', async () => {
  const app = await live()
  const cookie = await signInAll(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  upstream.seen.length = 0
  for (const url of [
    '/hybrid/../anything',
    '/assets/../hybrid/api/v1/servers',
    '/hybrid/%2e%2e/anything',
    '/hybrid/%252e%252e/x',
    '/hybrid/a%2fb',
    '/hybrid/a%5cb',
    '/hybrid//evil.example/x',
    '/hybrid/http:%2f%2fevil',
    '/%68ybrid/api/v1/servers',
  ]) {
    const answer = await rawGet(port, url, { cookie })
    expect({ url, status: answer.status }).toEqual({ url, status: 400 })
    expect(JSON.parse(answer.body)).toHaveProperty('message')
  }
  for (const url of ['/hybrid-anything', '/hybridx/api', '/api/amx']) {
    const answer = await app.inject({ url, headers: { cookie, accept: 'application/json' } })
    expect({ url, status: answer.statusCode }).toEqual({ url, status: 404 })
  }
  expect(upstream.seen).toEqual([])
})

test('sign-in per family: HttpOnly SameSite=Strict cookie, state without any token, id rotated', async () => {
  let clock = 1_000_000
  const app = await live({ now: () => clock })
  const first = await app.inject({
    method: 'POST',
    url: '/console-api/session/arm',
    headers: SAME_ORIGIN,
    payload: CREDENTIALS.arm,
  })
  expect(first.statusCode).toBe(200)
  const setCookie = String(first.headers['set-cookie'])
  expect(setCookie).toMatch(/^console_session=[A-Za-z0-9_-]{43};/)
  expect(setCookie).toContain('HttpOnly')
  expect(setCookie).toContain('SameSite=Strict')
  expect(setCookie).toContain('Path=/')
  expect(setCookie).not.toContain('Secure')
  expect(first.json()).toMatchObject({ signedIn: true, username: 'ada.lovelace' })
  const cookie = cookieOf(first)
  const second = await signIn(app, 'mfp', cookie)
  expect(second).not.toBe(cookie)
  // Requests already sent with the old id still count for a few seconds, then it is worthless.
  const graced = await app.inject({ url: '/console-api/session', headers: { cookie } })
  expect(graced.json().families.mfp).toMatchObject({ signedIn: true })
  clock += 11_000
  const old = await app.inject({ url: '/console-api/session', headers: { cookie } })
  expect(old.json().families.arm).toEqual({ signedIn: false })
  expect(old.json().idleExpiresAt).toBeNull()
  const state = await app.inject({ url: '/console-api/session', headers: { cookie: second } })
  expect(state.json()).toMatchObject({
    mode: 'live',
    families: {
      arm: { signedIn: true },
      mfp: { signedIn: true, username: 'mfp-admin', expiresAt: null },
      store: { signedIn: false },
    },
  })
  expect(state.body).not.toMatch(/arm-token|secret|password/)
  expect(state.headers['cache-control']).toBe('no-store')

  const wrong = await app.inject({
    method: 'POST',
    url: '/console-api/session/store',
    headers: SAME_ORIGIN,
    payload: { username: 'store-user', password: 'nope' },
  })
  expect(wrong.statusCode).toBe(401)
  expect(wrong.json()).toMatchObject({ family: 'store' })
  const bad = await app.inject({
    method: 'POST',
    url: '/console-api/session/mfp',
    headers: SAME_ORIGIN,
    payload: { user: 'x' },
  })
  expect(bad.statusCode).toBe(400)
})

test('with TLS: HTTPS, HSTS on every answer and a Secure session cookie', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-tls-'))
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
  ])
  expect(made.status).toBe(0)
  const app = await live({
    env: { TLS_CERT: join(dir, 'cert.pem'), TLS_KEY: join(dir, 'key.pem') },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/console-api/session/arm',
          rejectUnauthorized: false,
          headers: {
            'x-console-request': '1',
            origin: `https://127.0.0.1:${port}`,
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
        },
      )
      req.on('error', reject)
      req.end(JSON.stringify(CREDENTIALS.arm))
    },
  )
  expect(answer.status).toBe(200)
  expect(answer.headers['strict-transport-security']).toMatch(/^max-age=\d+/)
  expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/)
  expect(String(answer.headers['set-cookie'])).toContain('HttpOnly')
})

test('behind a TLS proxy: Secure cookie and HSTS without TLS of our own', async () => {
  const app = await live({ env: { BEHIND_TLS_PROXY: '1' } })
  const answer = await app.inject({
    method: 'POST',
    url: '/console-api/session/arm',
    headers: { ...SAME_ORIGIN, origin: 'https://localhost:80' },
    payload: CREDENTIALS.arm,
  })
  expect(answer.statusCode).toBe(200)
  expect(String(answer.headers['set-cookie'])).toContain('Secure')
  expect(answer.headers['strict-transport-security']).toMatch(/^max-age=/)
})

test('CSRF: state-changing requests need X-Console-Request and a same-origin Origin', async () => {
  const app = await live()
  const cookie = await signIn(app, 'arm')
  const post = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/hybrid/api/v1/servers',
      headers: { cookie, host: 'localhost:80', ...headers },
      payload: {},
    })
  expect((await post({ origin: 'http://localhost:80' })).statusCode).toBe(403)
  expect((await post({ 'x-console-request': '1', origin: 'http://evil.example' })).statusCode).toBe(
    403,
  )
  expect((await post({ 'x-console-request': '1' })).statusCode).toBe(403)
  expect(
    (await post({ 'x-console-request': '1', 'sec-fetch-site': 'cross-site' })).statusCode,
  ).toBe(403)
  const refused = await post({ 'x-console-request': '1', origin: 'http://evil.example' })
  expect(refused.json()).toHaveProperty('message')
  expect(upstream.seen.filter((r) => r.method === 'POST' && r.url.startsWith('/hybrid/'))).toEqual(
    [],
  )
  expect((await post({ 'x-console-request': '1', origin: 'http://localhost:80' })).statusCode).toBe(
    200,
  )
  expect(
    (await post({ 'x-console-request': '1', 'sec-fetch-site': 'same-origin' })).statusCode,
  ).toBe(200)
  // Sign-in and sign-out are state-changing too.
  expect(
    (await app.inject({ method: 'DELETE', url: '/console-api/session', headers: { cookie } }))
      .statusCode,
  ).toBe(403)
})

test('family isolation: each upstream gets its own credentials only, browser credentials never', async () => {
  const app = await live()
  const cookie = await signInAll(app)
  upstream.seen.length = 0
  const headers = {
    cookie: `${cookie}; other=1`,
    authorization: 'Bearer from-the-page',
    connection: 'keep-alive, x-drop',
    'x-drop': '1',
    'x-keep': 'yes',
  }
  const arm = await app.inject({ url: '/hybrid/api/v1/servers', headers })
  const mfp = await app.inject({
    url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices',
    headers,
  })
  const store = await app.inject({ url: '/api/am/store/v0.10/applications', headers })
  expect([arm.statusCode, mfp.statusCode, store.statusCode]).toEqual([200, 200, 200])
  const byPrefix = (prefix: string) => upstream.seen.find((r) => r.url.startsWith(prefix))
  expect(byPrefix('/hybrid/')?.headers.authorization).toMatch(/^Bearer arm-token-/)
  expect(byPrefix('/mfpadmin/')?.headers.authorization).toMatch(/^Basic /)
  expect(byPrefix('/api/am/')?.headers.authorization).toMatch(/^Bearer store-token-/)
  for (const request of upstream.seen) {
    expect(request.headers.cookie).toBeUndefined()
    expect(request.headers['x-drop']).toBeUndefined()
    expect(request.headers['x-keep']).toBe('yes')
    expect(request.headers.authorization).not.toBe('Bearer from-the-page')
  }
  // The arm token never reaches mfp or the store.
  const armToken = byPrefix('/hybrid/')?.headers.authorization ?? ''
  expect(
    upstream.seen
      .filter((r) => r.headers.authorization === armToken)
      .every((r) => r.url.startsWith('/hybrid/')),
  ).toBe(true)
  // Upstream cookies do not land on the console's origin.
  expect(arm.headers['set-cookie']).toBeUndefined()
  expect(arm.headers['x-upstream']).toBe('arm')
})

test('a 401 from the store ends the store sign-in only', async () => {
  const app = await live()
  const cookie = await signInAll(app)
  upstream.reject.add('/api/am/store/v0.10/applications')
  const rejected = await app.inject({
    url: '/api/am/store/v0.10/applications',
    headers: { cookie },
  })
  expect(rejected.statusCode).toBe(401)
  expect(rejected.headers['x-console-signed-out']).toBe('store')
  const again = await app.inject({ url: '/api/am/store/v0.10/tiers', headers: { cookie } })
  expect(again.statusCode).toBe(401)
  expect(again.json()).toMatchObject({ family: 'store' })
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } })).statusCode,
  ).toBe(200)
  expect((await app.inject({ url: '/mfpadmin/x', headers: { cookie } })).statusCode).toBe(200)
  const state = await app.inject({ url: '/console-api/session', headers: { cookie } })
  expect(state.json().families).toMatchObject({
    arm: { signedIn: true },
    mfp: { signedIn: true },
    store: { signedIn: false },
  })
})

test('a family not signed in answers 401 without reaching the upstream; sign-out per family and all', async () => {
  const app = await live()
  const cookie = await signIn(app, 'arm')
  upstream.seen.length = 0
  const answer = await app.inject({
    url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices',
    headers: { cookie },
  })
  expect(answer.statusCode).toBe(401)
  expect(answer.json()).toMatchObject({ family: 'mfp' })
  expect(upstream.seen).toEqual([])
  const out = await app.inject({
    method: 'DELETE',
    url: '/console-api/session/arm',
    headers: { ...SAME_ORIGIN, cookie },
  })
  expect(out.statusCode).toBe(204)
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } })).statusCode,
  ).toBe(401)
  const end = await app.inject({
    method: 'DELETE',
    url: '/console-api/session',
    headers: { ...SAME_ORIGIN, cookie },
  })
  expect(end.statusCode).toBe(204)
  expect(String(end.headers['set-cookie'])).toContain('console_session=;')
})

test('idle timeout and absolute limit end the session', async () => {
  let clock = 1_000_000
  const app = await live({
    now: () => clock,
    env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '1' },
  })
  const cookie = await signIn(app, 'arm')
  clock += 29 * 60_000
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } })).statusCode,
  ).toBe(200)
  clock += 29 * 60_000 // used 29 min ago: still alive
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } })).statusCode,
  ).toBe(200)
  clock += 5 * 60_000 // 63 min after sign-in: past the absolute limit
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } })).statusCode,
  ).toBe(401)

  const idle = await signIn(app, 'arm')
  clock += 31 * 60_000
  expect(
    (await app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie: idle } })).statusCode,
  ).toBe(401)
  expect(
    (await app.inject({ url: '/console-api/session', headers: { cookie: idle } })).json()
      .idleExpiresAt,
  ).toBeNull()
})

test('an expired store token is refreshed with the refresh token', async () => {
  let clock = 1_000_000
  const app = await live({
    now: () => clock,
    env: { SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '24' },
  })
  const cookie = await signIn(app, 'store')
  await app.inject({ url: '/api/am/store/v0.10/apis', headers: { cookie } })
  clock += 3600_000
  const answer = await app.inject({ url: '/api/am/store/v0.10/apis', headers: { cookie } })
  expect(answer.statusCode).toBe(200)
  const tokens = upstream.seen
    .filter((r) => r.url.startsWith('/api/am/'))
    .map((r) => r.headers.authorization)
  expect(tokens[0]).not.toBe(tokens[1])
})

test('concurrent requests near token expiry renew once and sign nothing out', async () => {
  let clock = 1_000_000
  const app = await live({
    now: () => clock,
    env: { SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '24' },
  })
  let cookie = await signIn(app, 'store')
  cookie = await signIn(app, 'arm', cookie)
  upstream.seen.length = 0
  clock += 3600_000 - 30_000 // within the renewal margin of both tokens
  const answers = await Promise.all([
    ...Array.from({ length: 5 }, () =>
      app.inject({ url: '/api/am/store/v0.10/apis', headers: { cookie } }),
    ),
    ...Array.from({ length: 5 }, () =>
      app.inject({ url: '/hybrid/api/v1/servers', headers: { cookie } }),
    ),
  ])
  expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(200))
  expect(upstream.seen.filter((r) => r.url === '/token')).toHaveLength(1)
  expect(upstream.seen.filter((r) => r.url === '/accounts/api/v2/oauth2/token')).toHaveLength(1)
  const state = await app.inject({ url: '/console-api/session', headers: { cookie } })
  expect(state.json().families).toMatchObject({
    arm: { signedIn: true },
    store: { signedIn: true },
  })
})

test('upstream timeout answers 504 and an unreachable upstream 502, as JSON naming the family', async () => {
  const app = await live({ env: { UPSTREAM_TIMEOUT_MS: '300' } })
  const cookie = await signIn(app, 'arm')
  const slow = await app.inject({ url: '/hybrid/api/v1/slow?ms=2000', headers: { cookie } })
  expect(slow.statusCode).toBe(504)
  expect(slow.json()).toMatchObject({ family: 'arm' })
  expect(slow.json().message).toMatch(/Runtime Manager/)
  expectSecurityHeaders(slow.headers)

  const down = await buildServer(
    readConfig({ API_URL: upstream.url, MFP_URL: 'http://127.0.0.1:9', DIST_DIR: dist }),
    { logger: false },
  )
  apps.push(down)
  const c2 = await signIn(down, 'arm')
  const offline = await down.inject({
    method: 'POST',
    url: '/console-api/session/mfp',
    headers: { ...SAME_ORIGIN, cookie: c2 },
    payload: CREDENTIALS.mfp,
  })
  expect(offline.statusCode).toBe(502)
  expect(offline.json()).toMatchObject({ family: 'mfp' })
})

test('unreachable upstream on a proxied call answers 502 naming the family', async () => {
  // Sign in against the live fake, then point the same session layer at a dead port.
  const config = liveConfig()
  const app = await buildServer(config, { logger: false })
  apps.push(app)
  const cookie = await signIn(app, 'mfp')
  config.upstreams.mfp = 'http://127.0.0.1:9'
  const answer = await app.inject({
    url: '/mfpadmin/management-apis/2.0/runtimes',
    headers: { cookie },
  })
  expect(answer.statusCode).toBe(502)
  expect(answer.json()).toMatchObject({
    family: 'mfp',
    message: expect.stringMatching(/MobileFirst/),
  })
})

test('X-Console-Change reaches the observers but not the upstream', async () => {
  const seen: ProxiedExchange[] = []
  const app = await live({ observers: [(e) => seen.push(e)] })
  const cookie = await signIn(app, 'arm')
  upstream.seen.length = 0
  const answer = await app.inject({
    method: 'PATCH',
    url: '/hybrid/api/v1/applications/42',
    headers: {
      ...SAME_ORIGIN,
      cookie,
      'content-type': 'application/json',
      'x-console-change': 'action=stop&name=orders-api',
    },
    payload: { desiredStatus: 'STOPPED' },
  })
  expect(answer.statusCode).toBe(200)
  expect(upstream.seen).toHaveLength(1)
  expect(upstream.seen[0]?.headers['x-console-change']).toBeUndefined()
  expect(upstream.seen[0]?.headers.authorization).toMatch(/^Bearer arm-token-/)
  await expect.poll(() => seen.length).toBe(1)
  expect(seen[0]?.requestHeaders['x-console-change']).toBe('action=stop&name=orders-api')
})

test('observers get every proxied exchange, with JSON answers up to 64 kB and no credentials', async () => {
  const seen: ProxiedExchange[] = []
  const app = await live({ observers: [(e) => seen.push(e)] })
  const cookie = await signInAll(app)
  await app.inject({
    method: 'POST',
    url: '/hybrid/api/v1/servers?x=1',
    headers: {
      ...SAME_ORIGIN,
      cookie,
      'content-type': 'application/json',
      authorization: 'Bearer page',
    },
    payload: { name: 'srv' },
  })
  await app.inject({ url: '/hybrid/api/v1/big', headers: { cookie } })
  await app.inject({ url: '/mfpadmin/none', headers: { cookie: 'console_session=unknown' } })
  expect(seen).toHaveLength(3)
  const [post, big, refused] = seen
  expect(post).toMatchObject({
    family: 'arm',
    method: 'POST',
    url: '/hybrid/api/v1/servers?x=1',
    status: 200,
  })
  expect(JSON.parse(post?.responseText ?? '{}')).toMatchObject({ family: 'arm', bytes: 14 })
  expect(post?.identities.arm).toEqual({
    username: 'ada.lovelace',
    orgId: 'org-1',
    orgName: 'Org One',
  })
  expect(post?.requestHeaders.authorization).toBeUndefined()
  expect(post?.requestHeaders.cookie).toBeUndefined()
  expect(post?.requestId).toMatch(/[0-9a-f-]{36}/)
  expect(big?.responseText).toBeUndefined()
  expect(refused).toMatchObject({ status: 401, family: 'mfp' })
  expect(JSON.parse(refused?.responseText ?? '{}')).toMatchObject({ family: 'mfp' })
})

test('healthz and readyz', async () => {
  const app = await live({ env: { STORE_URL: 'http://127.0.0.1:9' } })
  expect((await app.inject({ url: '/healthz' })).json()).toEqual({ ok: true })
  const ready = await app.inject({ url: '/readyz' })
  expect(ready.statusCode).toBe(503)
  expect(ready.json().upstreams).toMatchObject({
    arm: { ok: true },
    mfp: { ok: true },
    store: { ok: false },
  })
})

test('errors are JSON { message } with the security headers, and say nothing of internals', async () => {
  const app = await live()
  const malformed = await app.inject({
    method: 'POST',
    url: '/console-api/session/arm',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    payload: '{"clientId":',
  })
  expect(malformed.statusCode).toBe(400)
  expect(Object.keys(malformed.json())).toEqual(['message'])
  expectSecurityHeaders(malformed.headers)
})
