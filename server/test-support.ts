/**
 * Test support for the server's tests: a fake upstream speaking the three families'
 * sign-in protocols (API-CONTRACTS.md section 4) over real HTTP, and a throw-away build.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { DEMO_BUILD_MARKER } from './vite-build-plugins.ts'

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  bytes: number
}

export interface FakeUpstream {
  url: string
  seen: SeenRequest[]
  /** Paths that answer 401 from now on. */
  reject: Set<string>
  close(): Promise<void>
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

export const CREDENTIALS = {
  arm: { clientId: 'arm-client', clientSecret: 'arm-secret' },
  mfp: { username: 'mfp-admin', password: 'mfp-password' },
  store: { username: 'store-user', password: 'store-password' },
}

/** Headers of a same-origin state-changing request, as the console's page sends them. */
export const SAME_ORIGIN = {
  'x-console-request': '1',
  origin: 'http://localhost:80',
  host: 'localhost:80',
}

/** The session cookie (name=value) an answer sets. */
export function cookieOf(response: { headers: Record<string, unknown> }): string {
  const raw = response.headers['set-cookie']
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw)
  return first.split(';')[0] ?? ''
}

/** Signs one family in through the session API (`app.inject`); returns the session cookie. */
export async function signIn(
  app: FastifyInstance,
  family: 'arm' | 'mfp' | 'store',
  cookie = '',
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `/console-api/session/${family}`,
    headers: { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) },
    payload: CREDENTIALS[family],
  })
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status: 200 })
  return cookieOf(response)
}

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const seen: SeenRequest[] = []
  const reject = new Set<string>()
  let tokens = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    let bytes = 0
    const url = new URL(req.url ?? '/', 'http://upstream')
    // The upload sink counts bytes and keeps none.
    const keep = !url.pathname.endsWith('/upload')
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (keep) chunks.push(chunk)
    })
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes })
      const body = Buffer.concat(chunks).toString('utf8')
      const form = new URLSearchParams(body)
      const auth = req.headers.authorization ?? ''
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        const text = JSON.stringify(value)
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(text)
      }
      const path = url.pathname
      if (reject.has(path)) return json(401, { message: 'rejected by the fake upstream' })
      if (path === '/accounts/api/v2/oauth2/token' && req.method === 'POST') {
        if (
          form.get('grant_type') !== 'client_credentials' ||
          form.get('client_id') !== CREDENTIALS.arm.clientId ||
          form.get('client_secret') !== CREDENTIALS.arm.clientSecret
        )
          return json(401, { message: 'Invalid client credentials' })
        return json(200, {
          access_token: `arm-token-${++tokens}`,
          token_type: 'bearer',
          expires_in: 3600,
        })
      }
      if (path === '/client-registration/v0.10/register' && req.method === 'POST') {
        if (auth !== basic(CREDENTIALS.store.username, CREDENTIALS.store.password))
          return json(401, { message: 'bad store user' })
        return json(200, { clientId: 'store-client', clientSecret: 'store-client-secret' })
      }
      if (path === '/token' && req.method === 'POST') {
        if (auth !== basic('store-client', 'store-client-secret'))
          return json(401, { error: 'invalid_client' })
        const grant = form.get('grant_type')
        if (grant === 'password' && form.get('username') === CREDENTIALS.store.username)
          return json(200, {
            access_token: `store-token-${++tokens}`,
            refresh_token: 'store-refresh',
            expires_in: 3600,
            scope: 'apim:subscribe',
          })
        if (grant === 'refresh_token' && form.get('refresh_token') === 'store-refresh')
          return json(200, {
            access_token: `store-token-${++tokens}`,
            refresh_token: 'store-refresh',
            expires_in: 3600,
          })
        return json(400, { error: 'invalid_grant' })
      }
      if (path.startsWith('/accounts/') || path.startsWith('/hybrid/')) {
        if (!/^Bearer arm-token-\d+$/.test(auth)) return json(401, { message: 'arm: bad token' })
        if (path === '/accounts/api/me')
          return json(200, {
            user: { username: 'ada.lovelace', organization: { id: 'org-1', name: 'Org One' } },
          })
        if (path === '/hybrid/api/v1/slow') {
          const wait = Number(url.searchParams.get('ms') ?? 2000)
          setTimeout(() => json(200, { slow: true }), wait)
          return undefined
        }
        if (path === '/hybrid/api/v1/big') {
          res.writeHead(200, { 'content-type': 'application/json' })
          return res.end(JSON.stringify({ data: 'x'.repeat(100_000) }))
        }
        return json(
          200,
          { family: 'arm', path, bytes },
          { 'set-cookie': 'upstream=1', 'x-upstream': 'arm' },
        )
      }
      if (path.startsWith('/mfpadmin/')) {
        if (auth !== basic(CREDENTIALS.mfp.username, CREDENTIALS.mfp.password))
          return json(401, { errorMessage: 'mfp: bad credentials' })
        return json(200, { family: 'mfp', path, items: [] })
      }
      if (path.startsWith('/api/am/')) {
        if (!/^Bearer store-token-\d+$/.test(auth))
          return json(401, { message: 'store: bad token' })
        return json(200, { family: 'store', path, bytes })
      }
      if (path === '/') return json(200, { ok: true })
      return json(404, { message: 'no such path' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reject,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * A minimal build: index.html, a hashed asset with its compressed twins, and its map.
 * `demo` adds msw's worker, as a demo build has.
 */
export function makeDist(kind: 'live' | 'demo' = 'live'): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-dist-'))
  mkdirSync(join(dir, 'assets'))
  const html =
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>'
  writeFileSync(join(dir, 'index.html'), html)
  const js = `console.log(${JSON.stringify('x'.repeat(4000))})\n`
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), js)
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(js))
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(js))
  writeFileSync(join(dir, 'assets', 'index-abc123.js.map'), '{"version":3}')
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  if (kind === 'demo') writeFileSync(join(dir, DEMO_BUILD_MARKER), 'demo')
  return dir
}

export interface ServerProcess {
  port: number
  child: import('node:child_process').ChildProcess
  /** Resident memory of the server process in bytes (Linux /proc). */
  rss(): number
  exited: Promise<number | null>
  output(): string
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer: netServer } = await import('node:net')
  return new Promise((resolve) => {
    const probe = netServer()
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Node flags of `npm run serve` (package.json). A small young generation makes V8 collect
 * the proxy's short-lived 64 kB body chunks promptly instead of letting tens of MB of them
 * wait (see docs/decisions/013-production-server.md, "Uploads").
 */
export const SERVE_NODE_FLAGS = ['--max-semi-space-size=1']

/** `node server/main.ts` as its own process (as `npm run serve` runs it), listening. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { spawn } = await import('node:child_process')
  const { readFileSync } = await import('node:fs')
  const port = await freePort()
  const child = spawn(process.execPath, [...SERVE_NODE_FLAGS, 'server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      // A live server keeps an audit trail: in a throw-away folder, not ./data of the checkout.
      AUDIT_DB: join(mkdtempSync(join(tmpdir(), 'console-audit-')), 'audit.sqlite'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const started = Date.now()
  while (!output.includes('runtime console serving')) {
    if (child.exitCode !== null || Date.now() - started > 15_000)
      throw new Error(`server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    port,
    child,
    exited,
    output: () => output,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      return kb * 1024
    },
  }
}

/** The HTTP demo backend (scripts/demo-server.ts) as a child process, each family separate. */
export async function startDemoBackend(): Promise<{ url: string; stop(): Promise<void> }> {
  const { spawn } = await import('node:child_process')
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['scripts/demo-server.ts', '--port', String(port), '--separate-families'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const started = Date.now()
  while (!output.includes('demo-server:')) {
    if (child.exitCode !== null || Date.now() - started > 15_000)
      throw new Error(`demo backend did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}
