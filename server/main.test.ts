// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readConfig } from './config.ts'
import {
  CREDENTIALS,
  makeDist,
  SERVE_NODE_FLAGS,
  startFakeUpstream,
  startServerProcess,
  type FakeUpstream,
} from './test-support.ts'

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())

function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

function serve(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [...SERVE_NODE_FLAGS, 'server/main.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 15_000,
  })
}

test('--help lists every variable', () => {
  const result = serve(['--help'], {})
  expect(result.status).toBe(0)
  for (const name of [
    'API_URL',
    'ARM_URL',
    'MFP_URL',
    'STORE_URL',
    'STORE_REGISTER_URL',
    'STORE_TOKEN_URL',
    'MFP_RUNTIME',
    'PORT',
    'HOST',
    'TLS_CERT',
    'TLS_KEY',
    'BEHIND_TLS_PROXY',
    'SESSION_IDLE_MINUTES',
    'SESSION_MAX_HOURS',
    'UPSTREAM_TIMEOUT_MS',
    'PROXY_INSECURE',
    'DIST_DIR',
    'LOG_LEVEL',
  ])
    expect(result.stdout).toContain(name)
})

test('a bad value stops the server with one line naming it; so does a missing build', () => {
  const bad = serve([], { API_URL: 'ftp://x', DIST_DIR: makeDist() })
  expect(bad.status).toBe(2)
  expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  expect(bad.stderr).toContain('API_URL')
  expect(serve([], { PORT: 'eighty', DIST_DIR: makeDist() }).stderr).toMatch(/^serve: PORT=/)
  expect(serve([], { SESSION_IDLE_MINUTES: '-1', DIST_DIR: makeDist() }).stderr).toContain(
    'SESSION_IDLE_MINUTES',
  )
  const noBuild = serve([], { DIST_DIR: '/nonexistent-dist' })
  expect(noBuild.status).toBe(2)
  expect(noBuild.stderr).toContain('npm run build')
})

test('configuration: per-family upstreams default to API_URL, store endpoints to STORE_URL', () => {
  const config = readConfig({ API_URL: 'http://api/', MFP_URL: 'https://mfp:9443' })
  expect(config.mode).toBe('live')
  expect(config.upstreams).toEqual({
    arm: 'http://api',
    mfp: 'https://mfp:9443',
    store: 'http://api',
  })
  expect(config.storeRegisterUrl).toBe('http://api/client-registration/v0.10/register')
  expect(config.storeTokenUrl).toBe('http://api/token')
  expect(config.sessionIdleMs).toBe(30 * 60_000)
  expect(config.sessionMaxMs).toBe(8 * 3_600_000)
  expect(readConfig({}).mode).toBe('demo')
})

test(
  'SIGTERM drains: an in-flight request finishes, then the process exits 0',
  { timeout: 30_000 },
  async () => {
    const server = await startServerProcess({ API_URL: upstream.url, DIST_DIR: makeDist() })
    const signIn = await call(
      server.port,
      'POST',
      '/console-api/session/arm',
      {
        'x-console-request': '1',
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
      JSON.stringify(CREDENTIALS.arm),
    )
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''
    const inFlight = call(server.port, 'GET', '/hybrid/api/v1/slow?ms=1500', { cookie })
    await new Promise((resolve) => setTimeout(resolve, 300))
    server.child.kill('SIGTERM')
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ slow: true })
    const t0 = Date.now()
    expect(await server.exited).toBe(0)
    // Promptly: no keep-alive socket holds the process open after the last answer.
    expect(Date.now() - t0).toBeLessThan(2000)
    // JSON log lines: one per request with family, status and duration; no secret anywhere.
    const log = server.output()
    const line = log.split('\n').find((l) => l.includes('"path":"/hybrid/api/v1/slow"'))
    expect(JSON.parse(line ?? '{}')).toMatchObject({ family: 'arm', status: 200, msg: 'request' })
    expect(log).not.toMatch(/arm-token|arm-secret|console_session=/)
  },
)
