import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { desiredStatusRequest, listApplications } from '../api/runtime-manager/applications.ts'
import { setupTestBackend, signInAs } from '../test/demo-server.ts'
import { listClusters } from '../api/runtime-manager/clusters.ts'
import { listServerGroups } from '../api/runtime-manager/server-groups.ts'
import { listServers } from '../api/runtime-manager/servers.ts'
import { send } from './request.ts'
import { revalidatingGet } from './revalidate.ts'
import { listReadOf } from './list-polling.ts'
import * as z from 'zod/mini'

const demo = setupTestBackend()

/** Records each request the backend receives (with its If-None-Match) and each status. */
function watchTraffic() {
  const seen: Array<{ url: string; ifNoneMatch: string | null; status?: number }> = []
  demo.server.events.on('request:start', ({ request }) => {
    seen.push({ url: request.url, ifNoneMatch: request.headers.get('If-None-Match') })
  })
  demo.server.events.on('response:mocked', ({ request, response }) => {
    const entry = seen.findLast((s) => s.url === request.url)
    if (entry) entry.status = response.status
  })
  return seen
}

test('an unchanged list is revalidated with If-None-Match and answered 304, keeping the same data', async () => {
  const { scope } = await signInAs('Administrator')
  const seen = watchTraffic()
  const first = await listApplications(scope, {})
  const second = await listApplications(scope, {})
  const calls = seen.filter((s) => s.url.endsWith('/hybrid/api/v1/applications'))
  expect(calls).toHaveLength(2)
  expect(calls[0]).toMatchObject({ ifNoneMatch: null, status: 200 })
  expect(calls[1]?.ifNoneMatch).toMatch(/^".+"$/)
  expect(calls[1]?.status).toBe(304)
  // The very same object: nothing re-parsed, React Query sees no change.
  expect(second).toBe(first)
})

test('a change on the backend is downloaded in full on the next call', async () => {
  const { scope } = await signInAs('Administrator')
  const before = await listApplications(scope, {})
  const running = before.items.find((a) => a.lastReportedStatus === 'STARTED')
  if (!running) throw new Error('the seed has no started application')
  await send(desiredStatusRequest(scope, running.id, 'STOPPED'))
  const after = await listApplications(scope, {})
  expect(after).not.toBe(before)
  expect(after.items.find((a) => a.id === running.id)?.desiredStatus).toBe('STOPPED')
})

test('each environment and filter is remembered separately', async () => {
  const { scope, envs } = await signInAs('Administrator')
  const other = envs[1]
  if (!other) throw new Error('the demo organization has one environment')
  const production = await listApplications(scope, {})
  const sandbox = await listApplications({ ...scope, envId: other.id }, {})
  expect(sandbox).not.toBe(production)
  expect(await listApplications(scope, {})).toBe(production)
})

test('a server that sends no ETag gets plain GETs and fresh data each time', async () => {
  const { scope } = await signInAs('Administrator')
  let calls = 0
  demo.server.use(
    http.get('*/no-etag', ({ request }) => {
      calls++
      expect(request.headers.get('If-None-Match')).toBeNull()
      return HttpResponse.json({ n: calls })
    }),
  )
  const get = revalidatingGet<{ n: number }>()
  const spec = {
    method: 'GET' as const,
    path: '/no-etag',
    scope,
    schema: z.object({ n: z.number() }),
  }
  expect(await get(spec)).toEqual({ n: 1 })
  expect(await get(spec)).toEqual({ n: 2 })
})

test('a 304 to a request that was not conditional is an error, not empty data', async () => {
  const { scope } = await signInAs('Administrator')
  demo.server.use(http.get('*/odd', () => new HttpResponse(null, { status: 304 })))
  const get = revalidatingGet<{ n: number }>()
  await expect(
    get({ method: 'GET', path: '/odd', scope, schema: z.object({ n: z.number() }) }),
  ).rejects.toMatchObject({ status: 304, message: expect.stringContaining('not conditional') })
})

test('the servers list is revalidated too: an idle poll gets the same data back', async () => {
  const { scope } = await signInAs('Administrator')
  const first = await listServers(scope)
  expect(await listServers(scope)).toBe(first)
})

test('server groups and clusters lists are revalidated too', async () => {
  const { scope } = await signInAs('Administrator')
  const groups = await listServerGroups(scope)
  expect(await listServerGroups(scope)).toBe(groups)
  const clusters = await listClusters(scope)
  expect(await listClusters(scope)).toBe(clusters)
})

test('an answer is marked as having come with an ETag, and a backend without ETags is read in full each time', async () => {
  const { scope } = await signInAs('Administrator')
  const withEtags = await listApplications(scope, {})
  expect(listReadOf(withEtags)?.etag).toBe(true)
  demo.backend.etags = false
  const seen = watchTraffic()
  const first = await listApplications(scope, {})
  const second = await listApplications(scope, {})
  expect(listReadOf(first)).toMatchObject({ etag: false, rows: first.items.length })
  const calls = seen.filter((s) => s.url.endsWith('/hybrid/api/v1/applications'))
  expect(calls.map((c) => c.status)).toEqual([200, 200])
  expect(second).not.toBe(first)
})
