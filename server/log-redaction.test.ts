// @vitest-environment node
import Fastify from 'fastify'
import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { LOG_FORMATTERS, LOG_REDACT } from './app.ts'

/** The fields of a logged line these tests read. */
const LoggedLineSchema = z.object({
  body: z.unknown(),
  token: z.object({ expires_in: z.unknown() }),
  err: z.object({ message: z.string(), stack: z.string() }),
})

/** The server's logger options (app.ts), writing into an array. */
function logger() {
  const lines: string[] = []
  const app = Fastify({
    logger: {
      level: 'info',
      redact: LOG_REDACT,
      formatters: LOG_FORMATTERS,
      stream: { write: (line: string) => void lines.push(line) },
    },
  })
  return { log: app.log, lines }
}

test('log lines censor secrets: headers by path, the secret fields one level down in any object', () => {
  const { log, lines } = logger()
  const error = Object.assign(new Error('sign-in failed'), { password: 'pw-in-error' })
  const body = { clientId: 'ada', clientSecret: 'cs-1', password: 'pw-1', ok: true }
  log.info(
    {
      req: { headers: { authorization: 'Bearer tok-1', cookie: 'console_session=sid-1' } },
      headers: { authorization: 'Basic b-1', cookie: 'c-1' },
      res: { headers: { 'set-cookie': 'console_session=sid-2' } },
      body,
      token: { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 60 },
      err: error,
    },
    'something',
  )
  const text = lines.join('')
  for (const secret of [
    'tok-1',
    'sid-1',
    'b-1',
    'c-1',
    'sid-2',
    'cs-1',
    'pw-1',
    'at-1',
    'rt-1',
    'pw-in-error',
  ])
    expect(text).not.toContain(secret)
  const line = LoggedLineSchema.parse(JSON.parse(lines[0] ?? '{}'))
  expect(line.body).toEqual({
    clientId: 'ada',
    clientSecret: '[Redacted]',
    password: '[Redacted]',
    ok: true,
  })
  expect(line.token.expires_in).toBe(60)
  // An Error keeps its message and stack; the logged object itself is not changed.
  expect(line.err.message).toBe('sign-in failed')
  expect(line.err.stack).toContain('sign-in failed')
  expect(body.password).toBe('pw-1')
  expect(error.password).toBe('pw-in-error')
})

test('a request line of plain fields goes through untouched', () => {
  const { log, lines } = logger()
  log.info(
    { method: 'GET', path: '/hybrid/api/v1/servers', family: 'arm', status: 200, durationMs: 1.2 },
    'request',
  )
  expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
    method: 'GET',
    path: '/hybrid/api/v1/servers',
    family: 'arm',
    status: 200,
    durationMs: 1.2,
    msg: 'request',
  })
})
