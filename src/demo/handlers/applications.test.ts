// @vitest-environment node
// Node's own FormData/File/fetch: jsdom mishandles File parts in multipart bodies.
import { expect, test } from 'vitest'
import type { DemoRole } from '../scopes.ts'
import { setupTestBackend } from '../../test/demo-server.ts'
import { DEPLOY_MS, START_STOP_MS } from '../applications.ts'
import { hybridHeadersFor, TEST_ORIGIN } from '../test-support.ts'

const demo = setupTestBackend()
const ORIGIN = TEST_ORIGIN
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])

function loneRunningServer() {
  const db = demo.backend.db
  const env = db.environments[0]!
  const server = db.servers
    .all()
    .find((s) => s.envId === env.id && s.status === 'RUNNING' && !db.membershipOf(s.id))
  if (!server) throw new Error('no lone running server in the seed')
  return server
}

function deployForm(parts: {
  name?: string
  targetId?: number
  file?: File
  configuration?: string
}) {
  const form = new FormData()
  if (parts.file) form.append('file', parts.file)
  if (parts.name !== undefined) form.append('artifactName', parts.name)
  if (parts.targetId !== undefined) form.append('targetId', String(parts.targetId))
  if (parts.configuration !== undefined) form.append('configuration', parts.configuration)
  return form
}

async function getApp(headers: Record<string, string>, id: number) {
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/applications/${id}`, { headers })
  return (await res.json()).data
}

test('deploy: multipart parts become an application that goes UNDEPLOYED → STARTED', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const server = loneRunningServer()
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/applications`, {
    method: 'POST',
    headers,
    body: deployForm({
      name: 'billing-sync',
      targetId: server.id,
      file: new File([ZIP], 'billing-sync-1.0.0-mule-application.jar'),
      configuration: JSON.stringify({ 'http.port': '8081' }),
    }),
  })
  expect(res.status).toBe(202)
  const { data } = await res.json()
  expect(data.lastReportedStatus).toBe('UNDEPLOYED')
  let app = await getApp(headers, data.id)
  expect(app).toMatchObject({
    name: 'billing-sync',
    desiredStatus: 'UPDATED',
    artifact: { fileName: 'billing-sync-1.0.0-mule-application.jar', fileSize: ZIP.length },
    configuration: { 'http.port': '8081' },
    target: { id: server.id, type: 'SERVER' },
  })
  expect(app.artifact.fileChecksum).toMatch(/^[0-9a-f]{40}$/)
  demo.backend.db.advanceClock(DEPLOY_MS + 10)
  app = await getApp(headers, data.id)
  expect(app).toMatchObject({ desiredStatus: 'STARTED', lastReportedStatus: 'STARTED' })
  expect(app.serverArtifacts).toEqual([
    expect.objectContaining({ serverId: server.id, lastReportedStatus: 'STARTED' }),
  ])
})

test('deploy: a file that is not a zip archive ends DEPLOYMENT_FAILED with a message', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/applications`, {
    method: 'POST',
    headers,
    body: deployForm({
      name: 'broken-app',
      targetId: loneRunningServer().id,
      file: new File(['not a zip'], 'broken.jar'),
    }),
  })
  const { data } = await res.json()
  demo.backend.db.advanceClock(DEPLOY_MS + 10)
  const app = await getApp(headers, data.id)
  expect(app.lastReportedStatus).toBe('DEPLOYMENT_FAILED')
  expect(app.serverArtifacts[0].message).toMatch(/not a valid Mule application/)
})

test('deploy: each missing or bad part is refused with a clear 400, and a used name with 409', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const target = loneRunningServer().id
  const file = new File([ZIP], 'a.jar')
  const post = (form: FormData) =>
    fetch(`${ORIGIN}/hybrid/api/v1/applications`, { method: 'POST', headers, body: form })
  const cases: Array<[FormData, number, RegExp]> = [
    [deployForm({ name: 'ok-name', targetId: target }), 400, /'file' part .* is required/],
    [
      deployForm({ name: 'Bad Name', targetId: target, file }),
      400,
      /artifactName 'Bad Name' is not valid/,
    ],
    [deployForm({ name: 'ok-name', file }), 400, /'targetId' part/],
    [deployForm({ name: 'ok-name', targetId: 1, file }), 400, /Target 1 does not exist/],
    [
      deployForm({ name: 'ok-name', targetId: target, file: new File([ZIP], 'a.war') }),
      400,
      /not a \.jar or \.zip/,
    ],
    [
      deployForm({ name: 'ok-name', targetId: target, file, configuration: '[1]' }),
      400,
      /JSON object of string/,
    ],
  ]
  for (const [form, status, message] of cases) {
    const res = await post(form)
    expect(res.status).toBe(status)
    expect((await res.json()).message).toMatch(message)
  }
  const existing = demo.backend.db.applications.all()[0]!
  const dup = await post(deployForm({ name: existing.name, targetId: target, file }))
  expect(dup.status).toBe(409)
  expect((await dup.json()).message).toBe(
    `An application named '${existing.name}' already exists in this environment.`,
  )
  const json = await fetch(`${ORIGIN}/hybrid/api/v1/applications`, {
    method: 'POST',
    headers,
    body: '{}',
  })
  expect(json.status).toBe(415)
})

test('start and stop: desiredStatus changes at once, the copies follow after a moment', async () => {
  const headers = {
    ...(await hybridHeadersFor(demo.backend, 'Operator')),
    'Content-Type': 'application/json',
  }
  const db = demo.backend.db
  const app = db.applications
    .all()
    .find(
      (a) =>
        a.envId === db.environments[0]!.id &&
        a.lastReportedStatus === 'STARTED' &&
        db.servers.get(a.targetId)?.status === 'RUNNING',
    )!
  const patch = (body: unknown) =>
    fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify(body),
    })
  const stop = await patch({ desiredStatus: 'STOPPED' })
  expect(stop.status).toBe(200)
  expect((await stop.json()).data).toMatchObject({
    desiredStatus: 'STOPPED',
    lastReportedStatus: 'STARTED',
  })
  db.advanceClock(START_STOP_MS + 10)
  expect(await getApp(headers, app.id)).toMatchObject({
    desiredStatus: 'STOPPED',
    lastReportedStatus: 'STOPPED',
  })
  const bad = await patch({ desiredStatus: 'PAUSED' })
  expect(bad.status).toBe(400)
  expect((await bad.json()).message).toBe(
    `desiredStatus must be 'STARTED' or 'STOPPED', got "PAUSED".`,
  )
})

test('a disconnected server’s copy does not start', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const db = demo.backend.db
  const env = db.environments[0]!
  const group = db.groups.all().find((g) => g.envId === env.id)!
  const [down] = group.serverIds
  db.servers.update(down!, (s) => ({ ...s, status: 'DISCONNECTED' }))
  db.changed()
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/applications`, {
    method: 'POST',
    headers,
    body: deployForm({
      name: 'group-app',
      targetId: group.id,
      file: new File([ZIP], 'group-app.zip'),
    }),
  })
  const { data } = await res.json()
  db.advanceClock(DEPLOY_MS * 3)
  const app = await getApp(headers, data.id)
  const copies = new Map(
    app.serverArtifacts.map((a: { serverId: number; lastReportedStatus: string }) => [
      a.serverId,
      a.lastReportedStatus,
    ]),
  )
  expect(copies.get(down)).toBe('UNDEPLOYED')
  expect([...copies.values()].filter((s) => s === 'STARTED')).toHaveLength(
    group.serverIds.length - 1,
  )
  expect(app.desiredStatus).toBe('STARTED')
})

test('redeploy and update: PATCH multipart without a file redeploys, with one replaces the artifact', async () => {
  const operator = await hybridHeadersFor(demo.backend, 'Operator')
  const admin = await hybridHeadersFor(demo.backend, 'Administrator')
  const db = demo.backend.db
  const app = db.applications.all().find((a) => a.envId === db.environments[0]!.id)!
  const patch = (headers: Record<string, string>, form: FormData) =>
    fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
      method: 'PATCH',
      headers,
      body: form,
    })
  const redeploy = await patch(operator, new FormData())
  expect(redeploy.status).toBe(202)
  expect((await redeploy.json()).data.desiredStatus).toBe('UPDATED')
  const withFile = new FormData()
  withFile.append('file', new File([ZIP], 'v2.jar'))
  const forbidden = await patch(operator, withFile)
  expect(forbidden.status).toBe(403)
  expect((await forbidden.json()).message).toMatch(/'Create Applications' scope/)
  const updated = await patch(admin, withFile)
  expect(updated.status).toBe(202)
  expect((await updated.json()).data.artifact).toMatchObject({
    fileName: 'v2.jar',
    fileSize: ZIP.length,
  })
})

test('delete: Administrator only, 204 even when the application is already gone', async () => {
  const db = demo.backend.db
  const app = db.applications.all().find((a) => a.envId === db.environments[0]!.id)!
  const del = async (role: DemoRole) =>
    fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
      method: 'DELETE',
      headers: await hybridHeadersFor(demo.backend, role),
    })
  expect((await del('Operator')).status).toBe(403)
  expect((await del('Monitor')).status).toBe(403)
  expect((await del('Administrator')).status).toBe(204)
  expect(db.applications.get(app.id)).toBeUndefined()
  expect((await del('Administrator')).status).toBe(204)
})

test('Monitor may read but not deploy, start or stop', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Monitor')
  const list = await fetch(`${ORIGIN}/hybrid/api/v1/applications`, { headers })
  expect(list.status).toBe(200)
  const app = demo.backend.db.applications.all()[0]!
  const stop = await fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ desiredStatus: 'STOPPED' }),
  })
  expect(stop.status).toBe(403)
  expect((await stop.json()).message).toMatch(/'Manage Applications' scope/)
})

test('the list is answered from its kept encoding while nothing in it changed, and shows any change at once', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const db = demo.backend.db
  const server = loneRunningServer()
  const app = db.applications
    .all()
    .find((a) => a.targetId === server.id && a.lastReportedStatus === 'STARTED')
  if (!app) throw new Error('no started application on a lone server')
  const list = (etag?: string) =>
    fetch(`${ORIGIN}/hybrid/api/v1/applications`, {
      headers: etag ? { ...headers, 'If-None-Match': etag } : headers,
    })
  const first = await list()
  const etag = first.headers.get('ETag') ?? ''
  expect((await list(etag)).status).toBe(304)

  // The application's own change (desired now, the copies' reports when they settle).
  await fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ desiredStatus: 'STOPPED' }),
  })
  const stopping = await list(etag)
  expect(stopping.status).toBe(200)
  const find = async (res: Response) => {
    const body: { data: Array<{ id: number }> } = await res.json()
    return body.data.find((a) => a.id === app.id)
  }
  expect(await find(stopping)).toMatchObject({ desiredStatus: 'STOPPED' })
  const stoppingTag = stopping.headers.get('ETag') ?? ''
  db.advanceClock(START_STOP_MS + 10)
  const stopped = await list(stoppingTag)
  expect(stopped.status).toBe(200)
  expect(await find(stopped)).toMatchObject({ lastReportedStatus: 'STOPPED' })

  // A change to what the list embeds: its target server's name.
  const stoppedTag = stopped.headers.get('ETag') ?? ''
  db.servers.update(server.id, (row) => ({ ...row, name: 'renamed-target' }))
  const renamed = await list(stoppedTag)
  expect(renamed.status).toBe(200)
  expect(await find(renamed)).toMatchObject({ target: { name: 'renamed-target' } })
})
