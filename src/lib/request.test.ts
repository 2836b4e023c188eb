import { delay, http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import { ServerEnvelopeSchema, ServerListSchema } from '../api/runtime-manager/server-schemas.ts'
import { apiErrorOf, rejectionOf } from '../test/api-errors.ts'
import { loneServerId } from '../test/demo-fixtures.ts'
import { signInAs, setupTestBackend } from '../test/demo-server.ts'
import { ApiError, isApiError } from './api-error.ts'
import { noContent, request, send, type RequestSpec } from './request.ts'
import { getAccessToken } from './session-store.ts'

const demo = setupTestBackend()

/** `GET /hybrid/api/v1/servers` as a list, the call most of these tests make. */
function getServers(more: Partial<RequestSpec<unknown>> = {}) {
  return request({
    method: 'GET',
    path: '/hybrid/api/v1/servers',
    ...more,
    schema: ServerListSchema,
  })
}

test('a successful call returns the parsed body of the real demo backend', async () => {
  const { scope } = await signInAs('Monitor')
  const body = await getServers({ scope })
  const expected = demo.backend.db.servers.all().filter((s) => s.envId === scope.envId)
  expect(body.data.items.map((s) => s.id)).toEqual(expected.map((s) => s.id))
  expect(body.data.items.length).toBeGreaterThan(0)
  expect(body.data.rejected).toEqual([])
})

test('send returns the status and headers along with the data', async () => {
  const { scope } = await signInAs('Monitor')
  const response = await send({
    method: 'GET',
    path: '/hybrid/api/v1/servers',
    scope,
    schema: ServerListSchema,
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toContain('application/json')
})

test('a 404 becomes an http ApiError with the API message and the failed request', async () => {
  const { scope } = await signInAs('Monitor')
  const error = await apiErrorOf(
    request({
      method: 'GET',
      path: '/hybrid/api/v1/servers/999999',
      scope,
      schema: ServerEnvelopeSchema,
    }),
  )
  expect(error).toBeInstanceOf(ApiError)
  expect(error.kind).toBe('http')
  expect(error.status).toBe(404)
  expect(error.message).toBe('Server 999999 was not found.')
  expect(error.request.method).toBe('GET')
  expect(error.request.path).toBe('/hybrid/api/v1/servers/999999')
  expect(error.summary).toBe('GET /hybrid/api/v1/servers/999999')
  expect(error.details).toEqual([])
})

test('the request carried by an ApiError never contains the bearer token', async () => {
  const { scope } = await signInAs('Monitor')
  const token = getAccessToken()
  expect(token).toBeTruthy()
  const error = await apiErrorOf(
    request({
      method: 'GET',
      path: '/hybrid/api/v1/servers/1',
      scope,
      schema: ServerEnvelopeSchema,
    }),
  )
  expect(JSON.stringify(error.request)).not.toContain(String(token))
  expect(error.request.headers).toContainEqual([
    'Authorization',
    ['Bearer ', { variable: 'TOKEN' }],
  ])
})

test('a call without a session is answered 401 and reported with the API message', async () => {
  const error = await apiErrorOf(getServers({ scope: { orgId: 'o', envId: 'e' } }))
  expect(error.kind).toBe('http')
  expect(error.status).toBe(401)
  expect(error.message).toBe('Unauthorized: a bearer token is required.')
})

test('an API Store error body puts its description and item messages in details', async () => {
  demo.server.use(
    http.get('*/api/am/store/v0.10/applications', () =>
      HttpResponse.json(
        {
          code: 900_908,
          message: 'Resource forbidden',
          description: 'The token lacks the apim:subscribe scope.',
          moreInfo: '',
          error: [
            { code: 1, message: 'Scope apim:subscribe is required.' },
            { message: 'Ask an administrator.' },
          ],
        },
        { status: 403 },
      ),
    ),
  )
  const error = await apiErrorOf(
    request({
      method: 'GET',
      path: '/api/am/store/v0.10/applications',
      query: { limit: 25 },
      schema: z.unknown(),
    }),
  )
  expect(error.kind).toBe('http')
  expect(error.status).toBe(403)
  expect(error.message).toBe('Resource forbidden')
  expect(error.details).toEqual([
    'The token lacks the apim:subscribe scope.',
    'Scope apim:subscribe is required.',
    'Ask an administrator.',
  ])
  expect(error.request.path).toBe('/api/am/store/v0.10/applications?limit=25')
})

test('an error answer without a JSON message falls back to the HTTP status', async () => {
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () => HttpResponse.text('upstream down', { status: 502 })),
  )
  const error = await apiErrorOf(getServers())
  expect(error.kind).toBe('http')
  expect(error.status).toBe(502)
  expect(error.message).toMatch(/^HTTP 502/)
})

test('a network failure becomes a network ApiError with status 0', async () => {
  demo.server.use(http.get('*/hybrid/api/v1/servers', () => HttpResponse.error()))
  const error = await apiErrorOf(getServers({ scope: { orgId: 'o', envId: 'e' } }))
  expect(error.kind).toBe('network')
  expect(error.status).toBe(0)
  expect(error.message).toMatch(/could not be reached/)
  expect(error.summary).toBe('GET /hybrid/api/v1/servers')
})

test('an answer that does not match the schema becomes a schema ApiError naming the bad field', async () => {
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () =>
      HttpResponse.json({ data: { id: 1, name: 'not a list', status: 'RUNNING' } }),
    ),
  )
  const error = await apiErrorOf(getServers())
  expect(error.kind).toBe('schema')
  expect(error.status).toBe(200)
  expect(error.message).toBe(
    'The server\'s answer was not in the expected format at "\u2068data\u2069": expected array, found an object.',
  )
})

test('a list answer with one malformed record keeps the others and reports that one', async () => {
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () =>
      HttpResponse.json({
        data: [
          { id: 1, name: 'ok', status: 'RUNNING' },
          { id: 'two', name: 'bad', status: 'RUNNING' },
        ],
      }),
    ),
  )
  const body = await getServers()
  expect(body.data.items.map((s) => s.name)).toEqual(['ok'])
  expect(body.data.rejected).toEqual([
    {
      index: 1,
      id: 'two',
      issues: [
        {
          path: 'id',
          problem: { code: 'type', expected: 'number', found: { kind: 'text', text: '"two"' } },
        },
      ],
    },
  ])
})

test('the bearer token and the X-ANYPNT-* headers are sent with a scoped call', async () => {
  const { scope } = await signInAs('Operator')
  const seen: Headers[] = []
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', ({ request: sent }) => {
      seen.push(sent.headers)
      return HttpResponse.json({ data: [] })
    }),
  )
  await getServers({ scope })
  const headers = seen[0]
  expect(headers?.get('Authorization')).toBe(`Bearer ${String(getAccessToken())}`)
  expect(headers?.get('X-ANYPNT-ORG-ID')).toBe(scope.orgId)
  expect(headers?.get('X-ANYPNT-ENV-ID')).toBe(scope.envId)
  expect(headers?.get('Accept')).toBe('application/json')
})

test('a change sends its words as X-Console-Change, and a call without words sends none', async () => {
  const { scope } = await signInAs('Administrator')
  const seen: Array<string | null> = []
  demo.server.use(
    http.delete('*/hybrid/api/v1/applications/:id', ({ request: sent }) => {
      seen.push(sent.headers.get('X-Console-Change'))
      return new HttpResponse(null, { status: 204 })
    }),
  )
  const remove = { method: 'DELETE', path: '/hybrid/api/v1/applications/5', scope } as const
  await request({ ...remove, change: { action: 'delete', name: 'orders api' }, schema: noContent })
  await request({ ...remove, schema: noContent })
  expect(seen).toEqual(['action=delete&name=orders+api', null])
})

test("auth 'none' sends no Authorization header even while signed in, and a JSON body as JSON", async () => {
  await signInAs('Monitor')
  const seen: Array<{ headers: Headers; body: unknown }> = []
  demo.server.use(
    http.post('*/accounts/api/echo', async ({ request: sent }) => {
      seen.push({ headers: sent.headers, body: await sent.json() })
      return HttpResponse.json({ ok: true })
    }),
  )
  await request({
    method: 'POST',
    path: '/accounts/api/echo',
    auth: 'none',
    body: { a: 1 },
    schema: z.unknown(),
  })
  expect(seen[0]?.headers.get('Authorization')).toBeNull()
  expect(seen[0]?.headers.get('Content-Type')).toBe('application/json')
  expect(seen[0]?.body).toEqual({ a: 1 })
})

test('an aborted request rejects with the abort itself, not an ApiError', async () => {
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', async () => {
      await delay(5_000)
      return HttpResponse.json({ data: [] })
    }),
  )
  const controller = new AbortController()
  const pending = getServers({ signal: controller.signal })
  controller.abort()
  const error = await rejectionOf(pending)
  expect(isApiError(error)).toBe(false)
  expect(error).toMatchObject({ name: 'AbortError' })
})

test('a request whose signal is already aborted never reaches the backend', async () => {
  let calls = 0
  demo.server.use(
    http.get('*/hybrid/api/v1/servers', () => {
      calls++
      return HttpResponse.json({ data: [] })
    }),
  )
  const controller = new AbortController()
  controller.abort()
  const error = await rejectionOf(getServers({ signal: controller.signal }))
  expect(isApiError(error)).toBe(false)
  expect(error).toMatchObject({ name: 'AbortError' })
  expect(calls).toBe(0)
})

test('a 204 answer resolves with noContent', async () => {
  const { scope } = await signInAs('Administrator')
  const id = loneServerId(demo.backend.db, scope.envId)
  const response = await send({
    method: 'DELETE',
    path: `/hybrid/api/v1/servers/${id}`,
    scope,
    schema: noContent,
  })
  expect(response.status).toBe(204)
  expect(response.data).toBeUndefined()
  expect(demo.backend.db.servers.get(id)).toBeUndefined()
})

test('noContent also tolerates a 200 with a body', async () => {
  demo.server.use(
    http.delete('*/hybrid/api/v1/applications/:id', () => HttpResponse.json({ deleted: true })),
  )
  await expect(
    request({ method: 'DELETE', path: '/hybrid/api/v1/applications/5', schema: noContent }),
  ).resolves.toEqual({ deleted: true })
})

test("a schema ApiError's further problems name each field, isolated, and what was wrong there", async () => {
  demo.server.use(
    http.get('*/hybrid/api/v1/servers/7', () =>
      HttpResponse.json({ data: { id: 'seven', name: 7, tags: { '\u202Eowner': 5 } } }),
    ),
  )
  const schema = z.object({
    data: z.object({
      id: z.number(),
      name: z.string(),
      status: z.string(),
      tags: z.optional(z.record(z.string(), z.string())),
    }),
  })
  const error = await apiErrorOf(
    request({ method: 'GET', path: '/hybrid/api/v1/servers/7', schema }),
  )
  expect(error.message).toBe(
    'The server\'s answer was not in the expected format at "\u2068data.id\u2069": expected number, found the text \u2068"seven"\u2069.',
  )
  // A map's keys are the API's text: the path that holds one is isolated.
  expect(error.details).toEqual([
    '\u2068data.name\u2069: expected string, found 7',
    '\u2068data.status\u2069: missing (expected string)',
    '\u2068data.tags.\u202Eowner\u2069: expected string, found 5',
  ])
})
