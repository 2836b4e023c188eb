// @vitest-environment node
import { request as httpRequest } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { afterAll, beforeAll, expect, test } from 'vitest'
import * as z from 'zod/mini'

import {
  CREDENTIALS,
  makeDist,
  startFakeUpstream,
  SERVE_NODE_FLAGS,
  startServerProcess,
  type FakeUpstream,
} from './test-support.ts'

let upstream: FakeUpstream
beforeAll(async () => {
  upstream = await startFakeUpstream()
})
afterAll(() => upstream.close())

const TOTAL = Number(process.env.UPLOAD_MB ?? 200) * 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 97)

/** A 200 MB multipart body made on the fly: nothing of it exists in memory at once. */
function generatedBody(): Readable {
  let sent = 0
  const boundary = '----console-upload'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="app.jar"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  let stage = 0
  return new Readable({
    read() {
      if (stage === 0) {
        stage = 1
        this.push(head)
        return
      }
      if (sent < TOTAL) {
        sent += CHUNK.length
        this.push(CHUNK)
        return
      }
      if (stage === 1) {
        stage = 2
        this.push(tail)
        return
      }
      this.push(null)
    },
  })
}

function post(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: Readable | string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
      )
    })
    req.on('error', reject)
    if (typeof body === 'string') req.end(body)
    else pipeline(body, req).catch(reject)
  })
}

const SAME_ORIGIN = { 'x-console-request': '1', 'sec-fetch-site': 'same-origin' }

test(
  'a 200 MB upload streams through: the server process grows by less than 50 MB',
  { timeout: 120_000 },
  async () => {
    const server = await startServerProcess({ API_URL: upstream.url, DIST_DIR: makeDist() })
    try {
      const signIn = await post(
        server.port,
        '/console-api/session/arm',
        { ...SAME_ORIGIN, 'content-type': 'application/json' },
        JSON.stringify(CREDENTIALS.arm),
      )
      expect(signIn.status).toBe(200)
      const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? ''
      // Warm up the proxy path (first requests load code and open the upstream pool).
      await post(server.port, '/hybrid/api/v1/warm/upload', { ...SAME_ORIGIN, cookie }, 'x')
      const before = server.rss()
      let peak = before
      const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 10)
      let answer
      try {
        answer = await post(
          server.port,
          '/hybrid/api/v1/applications/upload',
          {
            ...SAME_ORIGIN,
            cookie,
            'content-type': 'multipart/form-data; boundary=----console-upload',
          },
          generatedBody(),
        )
      } finally {
        clearInterval(sampler)
      }
      expect(answer.status).toBe(200)
      expect(z.object({ bytes: z.number() }).parse(JSON.parse(answer.body)).bytes).toBeGreaterThan(
        TOTAL,
      )
      const after = server.rss()
      const mb = (bytes: number) => (bytes / 1048576).toFixed(1)
      console.info(
        `upload of ${mb(TOTAL)} MB through the proxy: server RSS ${mb(before)} MB before, ${mb(after)} MB after (+${mb(after - before)}), peak +${mb(peak - before)} MB`,
      )
      expect((after - before) / 1048576).toBeLessThan(50)
      expect((peak - before) / 1048576).toBeLessThan(50)
    } finally {
      server.child.kill('SIGTERM')
      await server.exited
    }
  },
)

test('npm run serve starts Node with the flags this test measured', async () => {
  const { readFileSync } = await import('node:fs')
  const { scripts } = z
    .object({ scripts: z.record(z.string(), z.string()) })
    .parse(JSON.parse(readFileSync('package.json', 'utf8')))
  expect(scripts.serve).toBe(`node ${SERVE_NODE_FLAGS.join(' ')} server/main.ts`)
})
