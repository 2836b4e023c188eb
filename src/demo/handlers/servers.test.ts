import * as z from 'zod/mini'
import { expect, test } from 'vitest'
import { ApplicationListSchema } from '../../api/runtime-manager/application-schemas.ts'
import {
  RegistrationTokenSchema,
  ServerEnvelopeSchema,
  ServerListSchema,
} from '../../api/runtime-manager/server-schemas.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { getAccessToken } from '../../lib/session-store.ts'
import { loneServerId } from '../../test/demo-fixtures.ts'
import { signInAs, setupTestBackend } from '../../test/demo-server.ts'
import { DEMO_IDENTITIES } from '../seed.ts'

const demo = setupTestBackend()
/** Set by the unregister test, read by the last test to prove state does not leak. */
let unregisteredEarlier: number | undefined

const BASE = '/hybrid/api/v1'
const MessageSchema = z.object({ message: z.string() })
const TokenSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
})

/** A raw call to the demo backend, with the session's token and the given scope headers. */
function call(method: string, path: string, scope?: Partial<EnvScope>): Promise<Response> {
  const headers = new Headers()
  const token = getAccessToken()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  if (scope?.orgId) headers.set('X-ANYPNT-ORG-ID', scope.orgId)
  if (scope?.envId) headers.set('X-ANYPNT-ENV-ID', scope.envId)
  return fetch(path, { method, headers })
}

async function messageOf(response: Response): Promise<string> {
  return z.parse(MessageSchema, await response.json()).message
}

function tokenCall(fields: Record<string, string>): Promise<Response> {
  return fetch('/accounts/api/v2/oauth2/token', {
    method: 'POST',
    body: new URLSearchParams(fields),
  })
}

function admin() {
  const identity = DEMO_IDENTITIES.find((i) => i.role === 'Administrator')
  if (!identity) throw new Error('no administrator identity')
  return identity
}

/** The Administrator's client-credentials grant with `changes` (an undefined field is left out). */
function adminGrant(changes: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    client_id: admin().clientId,
    client_secret: admin().clientSecret,
    grant_type: 'client_credentials',
    ...changes,
  }
  return Object.fromEntries(
    Object.entries(fields).filter((field): field is [string, string] => field[1] !== undefined),
  )
}

test('GET /servers without a token is 401 with a message', async () => {
  const response = await call('GET', `${BASE}/servers`, { orgId: 'o', envId: 'e' })
  expect(response.status).toBe(401)
  expect(await messageOf(response)).toMatch(/bearer token is required/)
})

test('GET /servers with a token that is not one of ours is 401', async () => {
  const response = await fetch(`${BASE}/servers`, { headers: { Authorization: 'Bearer forged' } })
  expect(response.status).toBe(401)
  expect(await messageOf(response)).toMatch(/not valid/)
})

test('GET /servers without X-ANYPNT-ENV-ID is 400 naming the header', async () => {
  const { scope } = await signInAs('Monitor')
  const response = await call('GET', `${BASE}/servers`, { orgId: scope.orgId })
  expect(response.status).toBe(400)
  expect(await messageOf(response)).toContain('X-ANYPNT-ENV-ID')
})

test('GET /servers for another organization is 403 and for an unknown environment 404', async () => {
  const { scope } = await signInAs('Monitor')
  expect((await call('GET', `${BASE}/servers`, { ...scope, orgId: 'someone-else' })).status).toBe(
    403,
  )
  expect((await call('GET', `${BASE}/servers`, { ...scope, envId: 'no-such-env' })).status).toBe(
    404,
  )
})

test('GET /servers lists only the servers of the environment in the envelope', async () => {
  const { scope, envs } = await signInAs('Monitor')
  const production = z.parse(
    ServerListSchema,
    await (await call('GET', `${BASE}/servers`, scope)).json(),
  ).data.items
  const expected = demo.backend.db.servers.all().filter((s) => s.envId === scope.envId)
  expect(production.map((s) => s.id)).toEqual(expected.map((s) => s.id))
  const qa = envs.find((e) => e.name === 'QA')
  if (!qa) throw new Error('no QA environment')
  const empty = await call('GET', `${BASE}/servers`, { ...scope, envId: qa.id })
  expect(await empty.json()).toEqual({ data: [] })
})

test('a Monitor cannot DELETE a server: 403 naming the Manage Servers scope', async () => {
  const { scope } = await signInAs('Monitor')
  const id = loneServerId(demo.backend.db, scope.envId)
  const response = await call('DELETE', `${BASE}/servers/${id}`, scope)
  expect(response.status).toBe(403)
  expect(await messageOf(response)).toContain("'Manage Servers'")
  expect(demo.backend.db.servers.get(id)).toBeDefined()
})

test('an Administrator DELETE of a lone server is 204, then GET of it is 404', async () => {
  const { scope } = await signInAs('Administrator')
  const id = loneServerId(demo.backend.db, scope.envId)
  const deleted = await call('DELETE', `${BASE}/servers/${id}`, scope)
  expect(deleted.status).toBe(204)
  unregisteredEarlier = id
  expect(await deleted.text()).toBe('')
  const after = await call('GET', `${BASE}/servers/${id}`, scope)
  expect(after.status).toBe(404)
  expect(await messageOf(after)).toBe(`Server ${id} was not found.`)
})

test('unregistering a server removes the applications deployed to it alone', async () => {
  const { scope } = await signInAs('Administrator')
  const db = demo.backend.db
  const app = db.applications
    .all()
    .find(
      (a) => a.envId === scope.envId && db.servers.get(a.targetId) && !db.membershipOf(a.targetId),
    )
  if (!app) throw new Error('no application on a lone server')
  expect((await call('DELETE', `${BASE}/servers/${app.targetId}`, scope)).status).toBe(204)
  expect((await call('GET', `${BASE}/applications/${app.id}`, scope)).status).toBe(404)
})

test('DELETE of a grouped server is 400 naming the group, and the server stays', async () => {
  const { scope } = await signInAs('Administrator')
  const group = demo.backend.db.groups.all().find((g) => g.envId === scope.envId)
  const serverId = group?.serverIds[0]
  if (!group || serverId === undefined) throw new Error('no group in Production')
  const response = await call('DELETE', `${BASE}/servers/${serverId}`, scope)
  expect(response.status).toBe(400)
  expect(await messageOf(response)).toContain(`server group '${group.name}'`)
  expect((await call('GET', `${BASE}/servers/${serverId}`, scope)).status).toBe(200)
})

test('DELETE of a clustered server is 400 naming the cluster', async () => {
  const { scope } = await signInAs('Administrator')
  const cluster = demo.backend.db.clusters.all().find((c) => c.envId === scope.envId)
  const serverId = cluster?.members[0]?.serverId
  if (!cluster || serverId === undefined) throw new Error('no cluster in Production')
  const response = await call('DELETE', `${BASE}/servers/${serverId}`, scope)
  expect(response.status).toBe(400)
  expect(await messageOf(response)).toContain(`cluster '${cluster.name}'`)
})

test('GET /servers/{id} shows the derived group fields of a member', async () => {
  const { scope } = await signInAs('Monitor')
  const group = demo.backend.db.groups.all().find((g) => g.envId === scope.envId)
  const serverId = group?.serverIds[0]
  if (!group || serverId === undefined) throw new Error('no group in Production')
  const body = z.parse(
    ServerEnvelopeSchema,
    await (await call('GET', `${BASE}/servers/${serverId}`, scope)).json(),
  )
  expect(body.data).toMatchObject({
    id: serverId,
    serverGroupId: group.id,
    serverGroupName: group.name,
  })
})

test('GET /servers/registrationToken as Administrator answers { data: string } for the environment', async () => {
  const { scope } = await signInAs('Administrator')
  const response = await call('GET', `${BASE}/servers/registrationToken`, scope)
  expect(response.status).toBe(200)
  const body = z.parse(RegistrationTokenSchema, await response.json())
  expect(body.data).toContain(scope.envId)
  expect(demo.backend.db.registrationTokens.get(scope.envId)).toBe(body.data)
})

test('GET /servers/registrationToken as Monitor is 403', async () => {
  const { scope } = await signInAs('Monitor')
  expect((await call('GET', `${BASE}/servers/registrationToken`, scope)).status).toBe(403)
})

test('GET /applications?targetId=<server> returns exactly the applications whose target includes it', async () => {
  const { scope } = await signInAs('Monitor')
  const db = demo.backend.db
  // A grouped server with applications on its group, so both direct and group targets count.
  const groupApp = db.applications
    .all()
    .find((a) => a.envId === scope.envId && db.groups.get(a.targetId))
  const serverId = groupApp ? db.groups.get(groupApp.targetId)?.serverIds[0] : undefined
  if (serverId === undefined) throw new Error('no application on a group in Production')

  const response = await call('GET', `${BASE}/applications?targetId=${serverId}`, scope)
  const parsed = z.parse(ApplicationListSchema, await response.json()).data
  // The demo sends only records the console can read.
  expect(parsed.rejected).toEqual([])
  const apps = parsed.items
  const expected = db.applications
    .all()
    .filter((a) => a.envId === scope.envId && db.targetServerIds(a.targetId).includes(serverId))
    .map((a) => a.id)
  expect(apps.map((a) => a.id)).toEqual(expected)
  expect(apps.map((a) => a.id)).toContain(groupApp?.id)
  for (const app of apps) {
    const covered =
      app.target.id === serverId || (app.target.servers ?? []).some((s) => s.id === serverId)
    expect(covered, `${app.name} targets ${app.target.name}`).toBe(true)
  }
})

test('GET /applications?targetId=abc is 400', async () => {
  const { scope } = await signInAs('Monitor')
  expect((await call('GET', `${BASE}/applications?targetId=abc`, scope)).status).toBe(400)
})

test('the token endpoint answers a bearer token for the right client credentials', async () => {
  const response = await tokenCall(adminGrant())
  expect(response.status).toBe(200)
  const token = z.parse(TokenSchema, await response.json())
  expect(token.token_type).toBe('bearer')
  expect(token.expires_in).toBe(3600)
})

test('the token endpoint also accepts a JSON body', async () => {
  const response = await fetch('/accounts/api/v2/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(adminGrant()),
  })
  expect(response.status).toBe(200)
})

test('the token endpoint answers 401 for a wrong secret', async () => {
  const response = await tokenCall(adminGrant({ client_secret: 'wrong' }))
  expect(response.status).toBe(401)
  expect(await messageOf(response)).toMatch(/Invalid client credentials/)
})

test('the token endpoint answers 400 for grant_type=password', async () => {
  const response = await tokenCall(adminGrant({ grant_type: 'password' }))
  expect(response.status).toBe(400)
  expect(await messageOf(response)).toMatch(/grant_type/)
})

test('the token endpoint answers 400 when the secret is missing', async () => {
  const response = await tokenCall(adminGrant({ client_secret: undefined }))
  expect(response.status).toBe(400)
})

test('a token issued before tokensNotBefore is rejected with 401 (expired)', async () => {
  const { scope } = await signInAs('Administrator')
  expect((await call('GET', `${BASE}/servers`, scope)).status).toBe(200)
  demo.backend.db.tokensNotBefore = demo.backend.db.now() + 1
  const response = await call('GET', `${BASE}/servers`, scope)
  expect(response.status).toBe(401)
  expect(await messageOf(response)).toMatch(/expired/)
})

test('a token is rejected once the clock passes its lifetime', async () => {
  const { scope } = await signInAs('Monitor')
  demo.backend.db.advanceClock(3600 * 1000)
  expect((await call('GET', `${BASE}/servers`, scope)).status).toBe(401)
})

test('GET /accounts/api/me names the connected app and its scopes', async () => {
  await signInAs('Operator')
  const me: unknown = await (await call('GET', '/accounts/api/me')).json()
  expect(me).toMatchObject({
    client: {
      client_id: 'demo-operator',
      scopes: ['Read Servers', 'Read Applications', 'Manage Applications', 'Manage Device Status'],
    },
  })
})

test('an API path nobody handles is a 404 with a message', async () => {
  const { scope } = await signInAs('Monitor')
  const response = await call('GET', `${BASE}/nothing-here`, scope)
  expect(response.status).toBe(404)
  expect(await messageOf(response)).toBe(`No resource at GET ${BASE}/nothing-here.`)
})

test('each test gets a fresh backend: the server unregistered by an earlier test is back', async () => {
  const { scope } = await signInAs('Monitor')
  expect(unregisteredEarlier).toBeDefined()
  expect((await call('GET', `${BASE}/servers/${String(unregisteredEarlier)}`, scope)).status).toBe(
    200,
  )
})
