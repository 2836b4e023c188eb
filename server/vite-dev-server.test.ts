// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { CREDENTIALS, startFakeUpstream, type FakeUpstream } from './test-support.ts'
import { consoleServerInDev } from './vite-dev-server.ts'

let upstream: FakeUpstream
let vite: ViteDevServer
let http: Server
let base = ''

beforeAll(async () => {
  upstream = await startFakeUpstream()
  process.env.API_URL = upstream.url
  const root = mkdtempSync(join(tmpdir(), 'console-dev-'))
  // Live mode keeps an audit trail: in the throw-away folder, not ./data of the checkout.
  process.env.AUDIT_DB = join(root, 'audit.sqlite')
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>')
  vite = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [consoleServerInDev('live')],
    server: { middlewareMode: true },
  })
  http = createHttpServer(vite.middlewares)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const address = http.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})

afterAll(async () => {
  delete process.env.API_URL
  delete process.env.AUDIT_DB
  http?.close()
  await vite?.close()
  await upstream?.close()
})

test('npm start in live mode runs the production session and proxy code in front of Vite', async () => {
  const signIn = await fetch(`${base}/console-api/session/arm`, {
    method: 'POST',
    headers: { 'x-console-request': '1', origin: base, 'content-type': 'application/json' },
    body: JSON.stringify(CREDENTIALS.arm),
  })
  expect(signIn.status).toBe(200)
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const proxied = await fetch(`${base}/hybrid/api/v1/servers`, {
    headers: { cookie, authorization: 'Bearer from-the-page' },
  })
  expect(proxied.status).toBe(200)
  const seen = upstream.seen.find((r) => r.url === '/hybrid/api/v1/servers')
  expect(seen?.headers.authorization).toMatch(/^Bearer arm-token-/)
  // Not signed in to the store: refused without reaching it.
  expect(
    (await fetch(`${base}/api/am/store/v0.10/applications`, { headers: { cookie } })).status,
  ).toBe(401)
  // Refused paths and CSRF work the same as in production.
  expect((await fetch(`${base}/hybrid/a%2fb`, { headers: { cookie } })).status).toBe(400)
  expect(
    (await fetch(`${base}/console-api/session`, { method: 'DELETE', headers: { cookie } })).status,
  ).toBe(403)
  // Everything else is Vite's.
  const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } })
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="root">')
})
