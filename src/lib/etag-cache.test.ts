import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import {
  applicationQueries,
  desiredStatusRequest,
  listApplications,
} from '../api/runtime-manager/applications.ts'
import { clusterQueries } from '../api/runtime-manager/clusters.ts'
import { serverGroupQueries } from '../api/runtime-manager/server-groups.ts'
import { serverQueries } from '../api/runtime-manager/servers.ts'
import { setupTestBackend, signInAs } from '../test/demo-server.ts'
import { cameWithEtag, getRevalidated } from './etag-cache.ts'
import { listReadOf } from './list-polling.ts'
import { send } from './request.ts'

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

test('an unchanged list is revalidated with If-None-Match and answered 304, keeping the same cached object', async () => {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient()
  const seen = watchTraffic()
  const first = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const second = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const calls = seen.filter((s) => s.url.endsWith('/hybrid/api/v1/applications'))
  expect(calls).toHaveLength(2)
  expect(calls[0]).toMatchObject({ ifNoneMatch: null, status: 200 })
  expect(calls[1]?.ifNoneMatch).toMatch(/^".+"$/)
  expect(calls[1]?.ifNoneMatch).toBe(first.etag)
  expect(calls[1]?.status).toBe(304)
  // The very same object: nothing re-parsed, React Query sees no change.
  expect(second).toBe(first)
  expect(client.getQueryData(applicationQueries.list(scope).queryKey)).toBe(first)
})

test('queryClient.clear() forgets the ETag with the data: the next read is a plain GET', async () => {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient()
  const first = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  client.clear()
  const seen = watchTraffic()
  const again = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const calls = seen.filter((s) => s.url.endsWith('/hybrid/api/v1/applications'))
  expect(calls).toEqual([expect.objectContaining({ ifNoneMatch: null, status: 200 })])
  expect(again).not.toBe(first)
  expect(again).toEqual(first)
})

test('two query clients do not share what they remember', async () => {
  const { scope } = await signInAs('Administrator')
  const one = new QueryClient()
  const other = new QueryClient()
  await one.fetchQuery({ ...serverQueries.list(scope), staleTime: 0 })
  const seen = watchTraffic()
  await other.fetchQuery({ ...serverQueries.list(scope), staleTime: 0 })
  expect(seen.map((s) => s.ifNoneMatch)).toEqual([null])
})

test('a change on the backend is downloaded in full on the next read, with its new ETag', async () => {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient()
  const before = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const running = before.items.find((a) => a.lastReportedStatus === 'STARTED')
  if (!running) throw new Error('the seed has no started application')
  await send(desiredStatusRequest(scope, running.id, 'STOPPED'))
  // Invalidated, as after a mutation: the whole list is read, not the settling items.
  await client.invalidateQueries({ queryKey: applicationQueries.all(scope) })
  const after = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  expect(after).not.toBe(before)
  expect(after.etag).not.toBe(before.etag)
  expect(after.items.find((a) => a.id === running.id)?.desiredStatus).toBe('STOPPED')
})

test('each environment and filter is its own query, revalidated separately', async () => {
  const { scope, envs } = await signInAs('Administrator')
  const other = envs[1]
  if (!other) throw new Error('the demo organization has one environment')
  const client = new QueryClient()
  const production = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const sandbox = await client.fetchQuery({
    ...applicationQueries.list({ ...scope, envId: other.id }),
    staleTime: 0,
  })
  expect(sandbox).not.toBe(production)
  const target = production.items[0]?.target.id
  const ofTarget = await client.fetchQuery({
    ...applicationQueries.list(scope, { targetId: target }),
    staleTime: 0,
  })
  expect(ofTarget).not.toBe(production)
  expect(await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })).toBe(
    production,
  )
  expect(
    await client.fetchQuery({
      ...applicationQueries.list(scope, { targetId: target }),
      staleTime: 0,
    }),
  ).toBe(ofTarget)
})

test('the servers, server groups and clusters lists are revalidated too', async () => {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient()
  const seen = watchTraffic()
  const servers = await client.fetchQuery({ ...serverQueries.list(scope), staleTime: 0 })
  expect(await client.fetchQuery({ ...serverQueries.list(scope), staleTime: 0 })).toBe(servers)
  const groups = await client.fetchQuery({ ...serverGroupQueries.list(scope), staleTime: 0 })
  expect(await client.fetchQuery({ ...serverGroupQueries.list(scope), staleTime: 0 })).toBe(groups)
  const clusters = await client.fetchQuery({ ...clusterQueries.list(scope), staleTime: 0 })
  expect(await client.fetchQuery({ ...clusterQueries.list(scope), staleTime: 0 })).toBe(clusters)
  expect(seen.map((s) => s.status)).toEqual([200, 304, 200, 304, 200, 304])
})

test('a read without a cache entry (a direct call) is a plain GET', async () => {
  const { scope } = await signInAs('Administrator')
  const seen = watchTraffic()
  const first = await listApplications(scope, {})
  const second = await listApplications(scope, {})
  expect(seen.map((s) => s.ifNoneMatch)).toEqual([null, null])
  expect(second).not.toBe(first)
  expect(cameWithEtag(first)).toBe(true)
})

const NumberSchema = z.object({ n: z.number() })

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
  const client = new QueryClient()
  const options = {
    queryKey: ['no-etag'],
    queryFn: (context: { client: QueryClient; queryKey: readonly unknown[] }) =>
      getRevalidated(
        { method: 'GET', path: '/no-etag', scope, schema: NumberSchema },
        (b) => b,
        context,
      ),
  }
  expect(await client.fetchQuery({ ...options, staleTime: 0 })).toEqual({ n: 1 })
  const second = await client.fetchQuery({ ...options, staleTime: 0 })
  expect(second).toEqual({ n: 2 })
  expect(cameWithEtag(second)).toBe(false)
})

test('a 304 to a request that was not conditional is an error, not empty data', async () => {
  const { scope } = await signInAs('Administrator')
  demo.server.use(http.get('*/odd', () => new HttpResponse(null, { status: 304 })))
  await expect(
    getRevalidated({ method: 'GET', path: '/odd', scope, schema: NumberSchema }, (b) => b),
  ).rejects.toMatchObject({ status: 304, message: expect.stringContaining('not conditional') })
})

test('an answer is marked as having come with an ETag, and a backend without ETags is read in full each time', async () => {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient()
  const withEtags = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  expect(listReadOf(withEtags)?.etag).toBe(true)
  demo.backend.etags = false
  client.clear()
  const seen = watchTraffic()
  const first = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  const second = await client.fetchQuery({ ...applicationQueries.list(scope), staleTime: 0 })
  expect(listReadOf(first)).toMatchObject({ etag: false, rows: first.items.length })
  const calls = seen.filter((s) => s.url.endsWith('/hybrid/api/v1/applications'))
  expect(calls.map((c) => c.status)).toEqual([200, 200])
  expect(cameWithEtag(second)).toBe(false)
})
