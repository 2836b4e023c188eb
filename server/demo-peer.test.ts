// @vitest-environment node
/**
 * The production server against the HTTP demo backend with separate families: the demo
 * is a real peer of the three systems' sign-in (API-CONTRACTS.md section 4).
 */
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildServer } from './app.ts'
import { readConfig } from './config.ts'
import { makeDist, startDemoBackend } from './test-support.ts'

let demo: { url: string; stop(): Promise<void> }
let app: FastifyInstance
const SAME_ORIGIN = { 'x-console-request': '1', 'sec-fetch-site': 'same-origin' }
const ADMIN = { id: 'demo-administrator', secret: 'demo-administrator-secret' }
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`

beforeAll(async () => {
  demo = await startDemoBackend()
  app = await buildServer(readConfig({ API_URL: demo.url, DIST_DIR: makeDist() }), {
    logger: false,
  })
}, 30_000)
afterAll(async () => {
  await app?.close()
  await demo?.stop()
})

async function direct(path: string, authorization: string, init: RequestInit = {}) {
  return fetch(`${demo.url}${path}`, { ...init, headers: { authorization, ...init.headers } })
}

test('each family signs in on its own against the demo and its calls pass the proxy', async () => {
  let cookie = ''
  for (const [family, body] of [
    ['arm', { clientId: ADMIN.id, clientSecret: ADMIN.secret }],
    ['mfp', { username: ADMIN.id, password: ADMIN.secret }],
    ['store', { username: ADMIN.id, password: ADMIN.secret }],
  ] as const) {
    const answer = await app.inject({
      method: 'POST',
      url: `/console-api/session/${family}`,
      headers: { ...SAME_ORIGIN, ...(cookie ? { cookie } : {}) },
      payload: body,
    })
    expect({ family, status: answer.statusCode, body: answer.json() }).toMatchObject({
      family,
      status: 200,
      body: { signedIn: true },
    })
    cookie = String(answer.headers['set-cookie']).split(';')[0] ?? ''
  }
  const me = await app.inject({ url: '/accounts/api/me', headers: { cookie } })
  expect(me.statusCode).toBe(200)
  const runtimes = await app.inject({
    url: '/mfpadmin/management-apis/2.0/runtimes',
    headers: { cookie },
  })
  expect(runtimes.statusCode).toBe(200)
  const apps = await app.inject({ url: '/api/am/store/v0.10/applications', headers: { cookie } })
  expect(apps.statusCode).toBe(200)
  const wrong = await app.inject({
    method: 'POST',
    url: '/console-api/session/mfp',
    headers: SAME_ORIGIN,
    payload: { username: ADMIN.id, password: 'wrong' },
  })
  expect(wrong.statusCode).toBe(401)
})

test('the demo accepts each family credential only at its own family', async () => {
  const tokenAnswer = await fetch(`${demo.url}/accounts/api/v2/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ADMIN.id,
      client_secret: ADMIN.secret,
    }),
  })
  const armToken = String((await tokenAnswer.json()).access_token)
  const registered = await direct(
    '/client-registration/v0.10/register',
    basic(ADMIN.id, ADMIN.secret),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientName: 'c',
        owner: ADMIN.id,
        grantType: 'password refresh_token',
        saasApp: true,
      }),
    },
  )
  const client = await registered.json()
  const storeAnswer = await direct('/token', basic(client.clientId, client.clientSecret), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=password&username=${ADMIN.id}&password=${ADMIN.secret}&scope=apim:subscribe`,
  })
  const store = await storeAnswer.json()
  expect(store).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
  const mfpBasic = basic(ADMIN.id, ADMIN.secret)

  const statusOf = async (path: string, authorization: string) =>
    (await direct(path, authorization)).status
  expect(await statusOf('/accounts/api/me', `Bearer ${armToken}`)).toBe(200)
  expect(await statusOf('/accounts/api/me', `Bearer ${store.access_token}`)).toBe(401)
  expect(await statusOf('/accounts/api/me', mfpBasic)).toBe(401)
  expect(await statusOf('/api/am/store/v0.10/applications', `Bearer ${store.access_token}`)).toBe(
    200,
  )
  expect(await statusOf('/api/am/store/v0.10/applications', `Bearer ${armToken}`)).toBe(401)
  expect(await statusOf('/mfpadmin/management-apis/2.0/runtimes', mfpBasic)).toBe(200)
  expect(await statusOf('/mfpadmin/management-apis/2.0/runtimes', `Bearer ${armToken}`)).toBe(401)
  expect(
    await statusOf('/mfpadmin/management-apis/2.0/runtimes', `Bearer ${store.access_token}`),
  ).toBe(401)

  const refreshed = await direct('/token', basic(client.clientId, client.clientSecret), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=refresh_token&refresh_token=${store.refresh_token}`,
  })
  expect(refreshed.status).toBe(200)
})
