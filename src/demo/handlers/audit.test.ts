// @vitest-environment node
import { expect, test } from 'vitest'
import { AuditPageSchema } from '../../api/console/audit-schemas.ts'
import { setupTestBackend } from '../../test/demo-server.ts'
import { createClientAppRequest } from '../../api/app-store/client-apps.ts'
import { ownHeaders } from '../../lib/describe-request.ts'
import { separateFamilies } from '../auth.ts'
import { DEMO_IDENTITIES } from '../seed.ts'
import { hybridHeadersFor, TEST_ORIGIN } from '../test-support.ts'

const demo = setupTestBackend()
const ORIGIN = TEST_ORIGIN

test('records a change it handled and serves it as the server does (JSON, resource, CSV)', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const app = demo.backend.db.applications.all()[0]!
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/applications/${app.id}`, {
    method: 'PATCH',
    headers: { ...headers, 'Content-Type': 'application/json', 'X-Console-Change': 'action=stop' },
    body: JSON.stringify({ desiredStatus: 'STOPPED' }),
  })
  expect(res.status).toBe(200)
  // The sign-in itself is not a change.
  const page = AuditPageSchema.parse(
    await (await fetch(`${ORIGIN}/console-api/audit`, { headers })).json(),
  )
  expect(page.items).toEqual([
    expect.objectContaining({
      operator: 'ada.lovelace',
      family: 'arm',
      action: 'stop',
      resourceKind: 'application',
      resourceId: String(app.id),
      resourceName: app.name,
      outcome: 'success',
      request: expect.objectContaining({ body: '{"desiredStatus":"STOPPED"}' }),
    }),
  ])
  const history = await (
    await fetch(`${ORIGIN}/console-api/audit/resource/application/${app.id}`, { headers })
  ).json()
  expect(history.items).toHaveLength(1)
  const csv = await (
    await fetch(`${ORIGIN}/console-api/audit/export.csv?action=stop`, { headers })
  ).text()
  expect(csv.trim().split('\r\n')).toHaveLength(2)
  expect(csv).toContain(app.name)
})

test('an injected failure is recorded as a failure with its message; 401 and 400 as the server', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  demo.backend.faults.set({ failMatching: 'DELETE /hybrid/api/v1/servers/' })
  const res = await fetch(`${ORIGIN}/hybrid/api/v1/servers/123456`, {
    method: 'DELETE',
    headers: { ...headers, 'X-Console-Change': 'name=prd-mule-99' },
  })
  expect(res.status).toBe(500)
  const page = await (
    await fetch(`${ORIGIN}/console-api/audit?outcome=failure`, { headers })
  ).json()
  expect(page.items[0]).toMatchObject({
    summary: 'unregister server prd-mule-99',
    outcome: 'failure',
    status: 500,
    message: expect.stringMatching(/Injected failure/),
  })
  expect((await fetch(`${ORIGIN}/console-api/audit`)).status).toBe(401)
  expect((await fetch(`${ORIGIN}/console-api/audit?limit=0`, { headers })).status).toBe(400)
})

test('a queued device change is pending, then settled when the page reads its transaction', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const base = `${ORIGIN}/mfpadmin/management-apis/2.0/runtimes/mfp`
  const list = await (await fetch(`${base}/devices?query=max.weber`, { headers })).json()
  const device = list.items.find(
    (d: { deviceDisplayName: string }) => d.deviceDisplayName === "Max's Galaxy S23",
  )
  const res = await fetch(`${base}/devices/${device.id}/applications/AcmeWallet?async=true`, {
    method: 'PUT',
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      'X-Console-Change': new URLSearchParams({ name: "Max's Galaxy S23" }).toString(),
    },
    body: JSON.stringify({ status: 'ENABLED' }),
  })
  const { transaction } = await res.json()
  const audit = async () =>
    (await (await fetch(`${ORIGIN}/console-api/audit?family=mfp`, { headers })).json()).items
  expect(await audit()).toEqual([
    expect.objectContaining({
      summary: "enable AcmeWallet on device Max's Galaxy S23",
      outcome: 'pending',
      transactionId: String(transaction.id),
    }),
  ])
  demo.backend.db.advanceClock(10_000)
  await fetch(`${base}/transactions/${transaction.id}?locale=en_US`, { headers })
  expect(await audit()).toEqual([
    expect.objectContaining({ outcome: 'success', transactionStatus: 'SUCCESS' }),
  ])
})

test('refused creates (a taken name) are recorded under the name asked for, from the request the console builds', async () => {
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const taken = 'Partner Portal Audit'
  const spec = createClientAppRequest({
    name: taken,
    throttlingTier: 'Bronze',
    description: '',
    callbackUrl: '',
  })
  const send = () =>
    fetch(`${ORIGIN}${spec.path}`, {
      method: spec.method,
      headers: { ...headers, ...ownHeaders(spec), 'Content-Type': 'application/json' },
      body: JSON.stringify(spec.body),
    })
  expect((await send()).status).toBe(201)
  expect((await send()).status).toBe(409)
  const page = AuditPageSchema.parse(
    await (await fetch(`${ORIGIN}/console-api/audit?outcome=failure`, { headers })).json(),
  )
  expect(page.items[0]).toMatchObject({
    action: 'create',
    resourceName: taken,
    summary: `create client application ${taken}`,
    status: 409,
  })
})

test('with separate families, a MobileFirst change signed in with its own user is recorded', async () => {
  separateFamilies(demo.backend.db)
  const headers = await hybridHeadersFor(demo.backend, 'Administrator')
  const identity = DEMO_IDENTITIES.find((i) => i.role === 'Administrator')!
  const base = `${ORIGIN}/mfpadmin/management-apis/2.0/runtimes/mfp`
  const mfpHeaders = {
    Authorization: `Basic ${btoa(`${identity.clientId}:${identity.clientSecret}`)}`,
  }
  const list = await (
    await fetch(`${base}/devices?query=max.weber`, { headers: mfpHeaders })
  ).json()
  const device = list.items[0]
  const res = await fetch(`${base}/devices/${device.id}/applications/AcmeWallet?async=false`, {
    method: 'PUT',
    headers: {
      ...mfpHeaders,
      'Content-Type': 'application/json',
      'X-Console-Change': new URLSearchParams({ name: device.deviceDisplayName }).toString(),
    },
    body: JSON.stringify({ status: 'DISABLED' }),
  })
  expect(res.ok).toBe(true)
  const page = await (await fetch(`${ORIGIN}/console-api/audit?family=mfp`, { headers })).json()
  expect(page.items).toEqual([
    expect.objectContaining({ family: 'mfp', operator: identity.username, action: 'disable' }),
  ])
})
