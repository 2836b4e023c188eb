import { expect, test } from 'vitest'
import { listReadOf } from '../../lib/list-polling.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { send } from '../../lib/request.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { desiredStatusRequest, followSettling, listApplications } from './applications.ts'

const demo = setupTestBackend({ etags: false })

function watchGets() {
  const seen: string[] = []
  demo.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (request.method === 'GET') seen.push(url.pathname + url.search)
  })
  return seen
}

/** Stops one started application; returns it and the list read while it settles. */
async function stopOneStarted(scope: EnvScope) {
  const list = await listApplications(scope, {})
  const app = list.items.find(
    (a) => a.desiredStatus === 'STARTED' && a.lastReportedStatus === 'STARTED',
  )!
  await send(desiredStatusRequest(scope, app.id, 'STOPPED'))
  return { app, settling: await listApplications(scope, {}) }
}

test('one settling application is followed by its own read, merged into the list; nothing else is read', async () => {
  const { scope } = await signInAs('Administrator')
  const { app, settling } = await stopOneStarted(scope)
  const seen = watchGets()
  const read = listReadOf(settling)!
  expect(read.etag).toBe(false)
  const merged = await followSettling(scope, settling, read)
  expect(seen).toEqual([`/hybrid/api/v1/applications/${app.id}`])
  // Still settling or settled, the merged list carries the application's own answer.
  const own = merged.items.find((a) => a.id === app.id)!
  expect(own.desiredStatus).toBe('STOPPED')
  expect(own).not.toHaveProperty('uptime')
  expect(merged.items).toHaveLength(settling.items.length)
  expect(listReadOf(merged)).toBe(read)
})

test('several settling applications of one target are followed by one read of that target', async () => {
  const { scope } = await signInAs('Administrator')
  const list = await listApplications(scope, {})
  const byTarget = new Map<number, typeof list.items>()
  for (const a of list.items) {
    if (a.desiredStatus !== 'STARTED' || a.lastReportedStatus !== 'STARTED') continue
    byTarget.set(a.target.id, [...(byTarget.get(a.target.id) ?? []), a])
  }
  const [targetId, apps] = [...byTarget].find(([, group]) => group.length >= 3)!
  for (const a of apps.slice(0, 3)) await send(desiredStatusRequest(scope, a.id, 'STOPPED'))
  const settling = await listApplications(scope, {})
  const seen = watchGets()
  await followSettling(scope, settling, listReadOf(settling)!)
  expect(seen).toEqual([`/hybrid/api/v1/applications?targetId=${targetId}`])
})

test('a settling application deleted elsewhere leaves the list (404 on its read)', async () => {
  const { scope } = await signInAs('Administrator')
  const { app, settling } = await stopOneStarted(scope)
  demo.backend.db.applications.delete(app.id)
  const merged = await followSettling(scope, settling, listReadOf(settling)!)
  expect(merged.items.some((a) => a.id === app.id)).toBe(false)
  expect(merged.items).toHaveLength(settling.items.length - 1)
})
