// @vitest-environment node
import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { setupTestBackend } from '../../test/demo-server.ts'
import { DemoClock } from '../clock.ts'
import { DEMO_IDENTITIES } from '../seed.ts'
import { memoryStorage } from '../storage.ts'
import { bearerFor, TEST_ORIGIN } from '../test-support.ts'
import { APPROVAL_MS, AppStore } from './store.ts'

const demo = setupTestBackend()
const ORIGIN = TEST_ORIGIN
const STORE = `${ORIGIN}/api/am/store/v0.10`

function json(headers: Record<string, string>): Record<string, string> {
  return { ...headers, 'Content-Type': 'application/json' }
}

function create(headers: Record<string, string>, body: unknown) {
  return fetch(`${STORE}/applications`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

function firstApproved() {
  const row = demo.backend.store.all().find((r) => r.status === 'APPROVED' && r.keys.length === 0)
  if (!row) throw new Error('no approved application without keys in the seed')
  return row
}

test('list: limit/offset pages with relative next/previous links and an exact-name query', async () => {
  const auth = await bearerFor('Monitor')
  const total = demo.backend.store.all().length
  const first = await (
    await fetch(`${STORE}/applications?limit=25&offset=0`, { headers: auth })
  ).json()
  expect(first.count).toBe(25)
  expect(first.list).toHaveLength(25)
  expect(first.previous).toBe('')
  expect(first.next).toBe('/applications?limit=25&offset=25&query=&groupId=')
  expect(first.list[0]).toEqual(
    expect.objectContaining({
      applicationId: expect.any(String),
      name: expect.any(String),
      throttlingTier: expect.any(String),
      status: expect.stringMatching(/^(APPROVED|CREATED|ON_HOLD|REJECTED)$/),
    }),
  )
  const lastOffset = Math.floor((total - 1) / 25) * 25
  const last = await (
    await fetch(`${STORE}/applications?limit=25&offset=${lastOffset}`, { headers: auth })
  ).json()
  expect(last.count).toBe(total - lastOffset)
  expect(last.next).toBe('')
  expect(last.previous).toBe(`/applications?limit=25&offset=${lastOffset - 25}&query=&groupId=`)

  const wanted = first.list[3].name
  const exact = await (
    await fetch(`${STORE}/applications?query=${encodeURIComponent(wanted.toUpperCase())}`, {
      headers: auth,
    })
  ).json()
  expect(exact.list.map((a: { name: string }) => a.name)).toEqual([wanted])
  const partial = await (
    await fetch(`${STORE}/applications?query=${encodeURIComponent(wanted.slice(0, 4))}`, {
      headers: auth,
    })
  ).json()
  expect(partial).toEqual({ count: 0, next: '', previous: '', list: [] })

  const bad = await fetch(`${STORE}/applications?limit=0`, { headers: auth })
  expect(bad.status).toBe(400)
  expect(await bad.json()).toMatchObject({ code: 400, message: 'Invalid paging parameters.' })
})

test('a call without a token is 401 in the store’s error format', async () => {
  const res = await fetch(`${STORE}/applications`)
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual({
    code: 401,
    message: 'Unauthorized: a bearer token is required.',
    description: 'Sign in again to get a new token.',
    moreInfo: '',
    error: [],
  })
})

test('create: 201 with Location, ETag and the full application; the name is then taken (409)', async () => {
  const auth = await bearerFor('Administrator')
  const res = await create(auth, {
    name: 'Weather Widget',
    throttlingTier: 'Gold',
    description: 'Forecasts on the home page',
    callbackUrl: 'https://weather.example.com/cb',
  })
  expect(res.status).toBe(201)
  const body = await res.json()
  expect(body).toMatchObject({
    name: 'Weather Widget',
    throttlingTier: 'Gold',
    description: 'Forecasts on the home page',
    callbackUrl: 'https://weather.example.com/cb',
    status: 'APPROVED',
    subscriber: DEMO_IDENTITIES.find((i) => i.role === 'Administrator')!.username,
    keys: [],
  })
  expect(res.headers.get('Location')).toBe(
    `${ORIGIN}/api/am/store/v0.10/applications/${body.applicationId}`,
  )
  expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]{16}"$/)
  expect(res.headers.get('Last-Modified')).toMatch(/GMT$/)

  const dup = await create(auth, { name: 'weather widget', throttlingTier: 'Bronze' })
  expect(dup.status).toBe(409)
  expect(await dup.json()).toMatchObject({
    code: 409,
    message: "An application named 'weather widget' already exists.",
  })
})

test('create: invalid input is 400 with one error[] item per problem; other media types 415', async () => {
  const auth = await bearerFor('Administrator')
  const res = await create(auth, { name: ' ', throttlingTier: '', callbackUrl: 'ftp://x' })
  expect(res.status).toBe(400)
  const body = await res.json()
  expect(body.message).toBe('Invalid application details.')
  expect(body.error.map((e: { message: string }) => e.message)).toEqual([
    expect.stringMatching(/^name: Use letters/),
    'throttlingTier: Choose a throttling tier.',
    'callbackUrl: Enter an absolute http:// or https:// URL, or leave it empty.',
  ])
  // An empty name breaks two rules of the name; the field is reported once, by its first.
  const empty = await create(auth, { name: '', throttlingTier: 'Gold' })
  expect((await empty.json()).error).toEqual([{ code: 400, message: 'name: Enter a name.' }])
  const tier = await create(auth, { name: 'ok', throttlingTier: 'Platinum' })
  expect(tier.status).toBe(400)
  expect((await tier.json()).description).toBe("Throttling tier 'Platinum' does not exist.")
  const form = await fetch(`${STORE}/applications`, {
    method: 'POST',
    headers: auth,
    body: new URLSearchParams({ name: 'ok', throttlingTier: 'Gold' }),
  })
  expect(form.status).toBe(415)
})

test('changes need apim:subscribe: the Operator may read but not create (403)', async () => {
  const auth = await bearerFor('Operator')
  expect((await fetch(`${STORE}/applications`, { headers: auth })).status).toBe(200)
  const res = await create(auth, { name: 'nope', throttlingTier: 'Gold' })
  expect(res.status).toBe(403)
  expect((await res.json()).message).toMatch(/'apim:subscribe' scope/)
})

test('read: ETag and Last-Modified; If-None-Match with the same tag is 304; unknown is 404', async () => {
  const auth = await bearerFor('Monitor')
  const row = firstApproved()
  const res = await fetch(`${STORE}/applications/${row.applicationId}`, { headers: auth })
  expect(res.status).toBe(200)
  const etag = res.headers.get('ETag')!
  expect(res.headers.get('Last-Modified')).toBe(new Date(row.updatedTime).toUTCString())
  expect(await res.json()).toMatchObject({ applicationId: row.applicationId, name: row.name })
  const again = await fetch(`${STORE}/applications/${row.applicationId}`, {
    headers: { ...auth, 'If-None-Match': etag },
  })
  expect(again.status).toBe(304)
  expect(again.headers.get('ETag')).toBe(etag)
  const other = await fetch(`${STORE}/applications/${row.applicationId}`, {
    headers: { ...auth, 'If-None-Match': '"stale"' },
  })
  expect(other.status).toBe(200)
  const missing = await fetch(`${STORE}/applications/no-such-id`, { headers: auth })
  expect(missing.status).toBe(404)
  expect(await missing.json()).toMatchObject({
    code: 404,
    message: 'Application no-such-id was not found.',
  })
})

test('update: If-Match with the current ETag saves and gives a new one; a stale one is 412; none is unconditional', async () => {
  const auth = json(await bearerFor('Administrator'))
  const row = firstApproved()
  const url = `${STORE}/applications/${row.applicationId}`
  const etag = (await fetch(url, { headers: auth })).headers.get('ETag')!
  const put = (body: unknown, ifMatch?: string) =>
    fetch(url, {
      method: 'PUT',
      headers: ifMatch ? { ...auth, 'If-Match': ifMatch } : auth,
      body: JSON.stringify(body),
    })
  const first = await put(
    { name: row.name, throttlingTier: 'Bronze', description: 'theirs', callbackUrl: '' },
    etag,
  )
  expect(first.status).toBe(200)
  const newTag = first.headers.get('ETag')
  expect(newTag).not.toBe(etag)
  expect(await first.json()).toMatchObject({
    throttlingTier: 'Bronze',
    description: 'theirs',
    callbackUrl: null,
  })

  const stale = await put({ name: row.name, throttlingTier: 'Gold', description: 'mine' }, etag)
  expect(stale.status).toBe(412)
  expect(await stale.json()).toMatchObject({
    code: 412,
    message: `Application '${row.name}' was changed by someone else.`,
  })
  expect(stale.headers.get('ETag')).toBe(newTag)
  expect(demo.backend.store.get(row.applicationId)?.description).toBe('theirs')

  const blind = await put({ name: row.name, throttlingTier: 'Gold', description: 'mine' })
  expect(blind.status).toBe(200)
  expect(demo.backend.store.get(row.applicationId)?.description).toBe('mine')

  const taken = demo.backend.store.all().find((r) => r.applicationId !== row.applicationId)!
  const dup = await put({ name: taken.name, throttlingTier: 'Gold' })
  expect(dup.status).toBe(409)
  const gone = await fetch(`${STORE}/applications/nope`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({ name: 'x', throttlingTier: 'Gold' }),
  })
  expect(gone.status).toBe(404)
})

test('delete: 200 then 404; a stale If-Match is 412 and deletes nothing', async () => {
  const auth = await bearerFor('Administrator')
  const row = firstApproved()
  const url = `${STORE}/applications/${row.applicationId}`
  const stale = await fetch(url, { method: 'DELETE', headers: { ...auth, 'If-Match': '"old"' } })
  expect(stale.status).toBe(412)
  expect(demo.backend.store.get(row.applicationId)).toBeDefined()
  expect((await fetch(url, { method: 'DELETE', headers: auth })).status).toBe(200)
  expect(demo.backend.store.get(row.applicationId)).toBeUndefined()
  const again = await fetch(url, { method: 'DELETE', headers: auth })
  expect(again.status).toBe(404)
  expect((await again.json()).message).toBe(`Application ${row.applicationId} was not found.`)
})

test('keys: one set per type; the secret is in the answer only, never in the application or storage', async () => {
  const auth = json(await bearerFor('Administrator'))
  const row = firstApproved()
  const generate = (keyType: string, validityTime = '3600') =>
    fetch(`${STORE}/applications/generate-keys?applicationId=${row.applicationId}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ keyType, validityTime, accessAllowDomains: ['ALL'] }),
    })
  const res = await generate('PRODUCTION', '7200')
  expect(res.status).toBe(200)
  const keys = await res.json()
  expect(keys).toMatchObject({
    consumerKey: expect.stringMatching(/^\w{28}$/),
    consumerSecret: expect.stringMatching(/^\w{28}$/),
    keyState: 'APPROVED',
    keyType: 'PRODUCTION',
    token: { accessToken: expect.stringMatching(/^[0-9a-f]{32}$/), validityTime: 7200 },
  })
  const again = await generate('PRODUCTION')
  expect(again.status).toBe(409)
  expect((await again.json()).message).toBe(
    `Application '${row.name}' already has PRODUCTION keys.`,
  )
  expect((await generate('SANDBOX')).status).toBe(200)
  expect((await generate('STAGING')).status).toBe(400)
  expect((await generate('SANDBOX', '0')).status).toBe(400)

  const detail = await (
    await fetch(`${STORE}/applications/${row.applicationId}`, { headers: auth })
  ).text()
  expect(detail).toContain(keys.consumerKey)
  expect(detail).not.toContain(keys.consumerSecret)
  expect(detail).not.toContain(keys.token.accessToken)
  const { keys: detailKeys } = z
    .object({ keys: z.array(z.object({ keyType: z.string() })) })
    .parse(JSON.parse(detail))
  expect(detailKeys.map((k) => k.keyType)).toEqual(['PRODUCTION', 'SANDBOX'])
  // The row is what gets persisted in the browser's storage.
  const persisted = JSON.stringify(demo.backend.store.get(row.applicationId))
  expect(persisted).toContain(keys.consumerKey)
  expect(persisted).not.toContain(keys.consumerSecret)
})

test('the Unlimited tier waits on hold for approval; keys are refused until approved', async () => {
  const auth = await bearerFor('Administrator')
  const res = await create(auth, { name: 'big-spender', throttlingTier: 'Unlimited' })
  const app = await res.json()
  expect(app.status).toBe('ON_HOLD')
  const keys = () =>
    fetch(`${STORE}/applications/generate-keys?applicationId=${app.applicationId}`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ keyType: 'SANDBOX', validityTime: '3600', accessAllowDomains: [] }),
    })
  expect((await keys()).status).toBe(409)
  demo.backend.db.advanceClock(APPROVAL_MS + 10)
  const after = await fetch(`${STORE}/applications/${app.applicationId}`, { headers: auth })
  expect((await after.json()).status).toBe('APPROVED')
  expect((await keys()).status).toBe(200)
})

test('application tiers are offered; other tier levels are 404', async () => {
  const auth = await bearerFor('Monitor')
  const tiers = await (await fetch(`${STORE}/tiers/application`, { headers: auth })).json()
  expect(tiers.list.map((t: { name: string }) => t.name)).toEqual([
    'Unlimited',
    'Gold',
    'Silver',
    'Bronze',
    '10PerMin',
  ])
  expect((await fetch(`${STORE}/tiers/api`, { headers: auth })).status).toBe(404)
})

test('two stores over one storage (two tabs) see each other’s changes; reset forgets them', async () => {
  const storage = memoryStorage()
  const clock = new DemoClock(() => 1_700_000_000_000)
  const tabA = new AppStore({ fleet: 'small', storage, clock })
  const tabB = new AppStore({ fleet: 'small', storage, clock })
  const row = tabA.all()[5]!
  // Tab B has read the store already (a store reads it on first use, then keeps it).
  tabB.all()
  tabA.update(row.applicationId, (r) => ({ ...r, description: 'edited in tab A', updatedTime: 1 }))
  expect(tabB.get(row.applicationId)?.description).not.toBe('edited in tab A')
  tabB.sync()
  expect(tabB.get(row.applicationId)?.description).toBe('edited in tab A')
  expect(tabB.etag(tabB.get(row.applicationId)!)).toBe(tabA.etag(tabA.get(row.applicationId)!))

  const auth = await bearerFor('Administrator')
  await create(auth, { name: 'forgotten-on-reset', throttlingTier: 'Gold' })
  expect(demo.backend.store.findByName('forgotten-on-reset')).toBeDefined()
  demo.backend.reset()
  expect(demo.backend.store.findByName('forgotten-on-reset')).toBeUndefined()
})

test('a store first used after another tab changed the storage reads that change', () => {
  const storage = memoryStorage()
  const clock = new DemoClock(() => 1_700_000_000_000)
  const tabA = new AppStore({ fleet: 'small', storage, clock })
  // Tab B is opened but has not been asked anything yet (its seed is built on first use).
  const tabB = new AppStore({ fleet: 'small', storage, clock })
  const row = tabA.all()[2]!
  tabA.update(row.applicationId, (r) => ({ ...r, description: 'edited before B looked' }))
  expect(tabB.get(row.applicationId)?.description).toBe('edited before B looked')
  expect(tabB.all().map((r) => r.applicationId)).toEqual(tabA.all().map((r) => r.applicationId))
})
