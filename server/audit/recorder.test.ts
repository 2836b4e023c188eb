// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import type { ProxiedExchange } from '../contract.ts'
import { auditRecorder } from './recorder.ts'
import { AuditStore } from './store.ts'

const dirs: string[] = []
const stores: AuditStore[] = []

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'audit-recorder-'))
  dirs.push(dir)
  const store = new AuditStore({ file: join(dir, 'audit.sqlite'), noTimer: true })
  stores.push(store)
  const observe = auditRecorder(store)
  const entries = () => {
    store.flush()
    return store.list({}).items
  }
  return { dir, store, observe, entries }
}

afterEach(() => {
  for (const store of stores.splice(0)) store.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function exchange(overrides: Partial<ProxiedExchange>): ProxiedExchange {
  return {
    requestId: 'req-1',
    family: 'arm',
    method: 'PATCH',
    url: '/hybrid/api/v1/applications/42',
    requestHeaders: { 'x-anypnt-org-id': 'org-1', 'x-anypnt-env-id': 'env-prd' },
    status: 200,
    responseText: undefined,
    startedAt: Date.UTC(2026, 11, 1, 12),
    durationMs: 31.4,
    identities: {
      arm: { username: 'lena.ops', orgId: 'org-1', orgName: 'Acme' },
      mfp: { username: 'mfp-operator' },
      store: { username: 'store-admin' },
    },
    ...overrides,
  }
}

const change = (params: Record<string, string>) => ({
  'x-anypnt-org-id': 'org-1',
  'x-anypnt-env-id': 'env-prd',
  'x-console-change': new URLSearchParams(params).toString(),
})

test('stop: words from the answer, operator, organization and environment from the exchange', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      requestHeaders: change({ action: 'stop', name: 'old-name' }),
      responseText: JSON.stringify({
        data: { id: 42, name: 'orders-api', target: { id: 7, name: 'prd-mule-07' } },
      }),
    }),
  )
  expect(entries()).toEqual([
    expect.objectContaining({
      operator: 'lena.ops',
      organization: 'org-1',
      environment: 'env-prd',
      family: 'arm',
      action: 'stop',
      resourceKind: 'application',
      resourceId: '42',
      resourceName: 'orders-api',
      summary: 'stop application orders-api on prd-mule-07',
      outcome: 'success',
      status: 200,
      durationMs: 31,
      requestId: 'req-1',
      request: {
        method: 'PATCH',
        path: '/hybrid/api/v1/applications/42',
        headers: [
          ['X-ANYPNT-ORG-ID', 'org-1'],
          ['X-ANYPNT-ENV-ID', 'env-prd'],
        ],
        body: null,
      },
    }),
  ])
})

test('start without an answer body: the name and target from X-Console-Change', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      requestHeaders: change({ action: 'start', name: 'orders-api', on: 'prd-mule-07' }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    action: 'start',
    resourceName: 'orders-api',
    summary: 'start application orders-api on prd-mule-07',
  })
})

test('deploy: the artifact file name, size and checksum, never its bytes', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      method: 'POST',
      url: '/hybrid/api/v1/applications',
      status: 202,
      requestHeaders: {
        'content-type': 'multipart/form-data; boundary=xyz',
        'x-anypnt-env-id': 'env-prd',
      },
      responseText: JSON.stringify({
        data: {
          id: 77,
          name: 'billing',
          artifact: {
            name: 'billing',
            fileName: 'billing-1.2.0.jar',
            fileSize: 123456,
            fileChecksum: 'c0ffee',
          },
          target: { name: 'payments-group' },
          lastReportedStatus: 'UNDEPLOYED',
        },
      }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    action: 'deploy',
    resourceId: '77',
    summary: 'deploy application billing on payments-group',
    details: 'artifact billing-1.2.0.jar, 123,456 bytes, checksum c0ffee',
    request: { headers: [['X-ANYPNT-ENV-ID', 'env-prd']] },
  })
})

test('delete (204, no body) and unregister: names from the page, else the id', () => {
  const { observe, entries } = setup()
  observe(
    exchange({ method: 'DELETE', status: 204, requestHeaders: change({ name: 'orders-api' }) }),
  )
  observe(
    exchange({
      method: 'DELETE',
      url: '/hybrid/api/v1/servers/9',
      status: 204,
      requestId: 'req-2',
    }),
  )
  expect(entries().map((e) => e.summary)).toEqual([
    'unregister server 9',
    'delete application orders-api',
  ])
})

test('a device application change: pending with its transaction, then settled by the page reading it', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      family: 'mfp',
      method: 'PUT',
      url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices/dev-1/applications/AcmeBank?async=true&locale=en_US',
      requestHeaders: change({ name: "Lena's iPhone 15" }),
      responseText: JSON.stringify({
        ok: false,
        transaction: {
          id: 12,
          status: 'PENDING',
          description: { appName: 'AcmeBank', deviceId: 'dev-1', status: 'DISABLED' },
        },
      }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    operator: 'mfp-operator',
    family: 'mfp',
    action: 'disable',
    resourceKind: 'device',
    resourceId: 'dev-1',
    runtime: 'mfp',
    summary: "disable AcmeBank on device Lena's iPhone 15",
    outcome: 'pending',
    transactionId: '12',
    transactionStatus: 'PENDING',
  })
  const read = (status: string) =>
    observe(
      exchange({
        family: 'mfp',
        method: 'GET',
        url: '/mfpadmin/management-apis/2.0/runtimes/mfp/transactions/12',
        responseText: JSON.stringify({ id: 12, status, errors: [] }),
      }),
    )
  read('COMMITTING')
  expect(entries()[0]).toMatchObject({ outcome: 'pending' })
  read('SUCCESS')
  expect(entries()).toHaveLength(1)
  expect(entries()[0]).toMatchObject({ outcome: 'success', transactionStatus: 'SUCCESS' })
})

test('the recent-transactions list the page polls settles a queued change too', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      family: 'mfp',
      method: 'PUT',
      url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices/dev-1/applications/AcmeWallet?async=true',
      responseText: JSON.stringify({
        ok: false,
        transaction: {
          id: 21,
          status: 'PENDING',
          description: { appName: 'AcmeWallet', status: 'ENABLED' },
        },
      }),
    }),
  )
  observe(
    exchange({
      family: 'mfp',
      method: 'GET',
      url: '/mfpadmin/management-apis/2.0/runtimes/mfp/transactions?pageSize=50&orderBy=-created',
      responseText: JSON.stringify({
        items: [
          { id: 22, status: 'PENDING' },
          { id: 21, status: 'CANCELED', errors: [{ details: 'A newer change replaced it.' }] },
        ],
      }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    outcome: 'failure',
    transactionStatus: 'CANCELED',
    message: 'A newer change replaced it.',
  })
})

test('a device change that failed synchronously keeps the transaction errors as its message', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      family: 'mfp',
      method: 'PUT',
      url: '/mfpadmin/management-apis/2.0/runtimes/mfp/devices/dev-2/applications/AcmeBank?async=false',
      responseText: JSON.stringify({
        ok: false,
        transaction: {
          id: 13,
          status: 'FAILURE',
          description: { appName: 'AcmeBank', status: 'ENABLED' },
          errors: [{ details: 'Version 1.9.0 is retired.' }],
        },
      }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    action: 'enable',
    summary: 'enable AcmeBank on device dev-2',
    outcome: 'failure',
    message: 'Version 1.9.0 is retired.',
  })
})

test('a client application edit, and a failed change with the API message', () => {
  const { observe, entries } = setup()
  observe(
    exchange({
      family: 'store',
      method: 'PUT',
      url: '/api/am/store/v0.10/applications/app-9',
      requestHeaders: { 'if-match': '"v3"', 'content-type': 'application/json' },
      responseText: JSON.stringify({
        applicationId: 'app-9',
        name: 'Mobile banking',
        throttlingTier: 'Gold',
      }),
    }),
  )
  observe(
    exchange({
      requestId: 'req-2',
      status: 500,
      requestHeaders: change({ action: 'stop', name: 'orders-api' }),
      responseText: JSON.stringify({ message: 'Injected failure (demo fault injection).' }),
    }),
  )
  const [failed, edit] = entries()
  expect(edit).toMatchObject({
    operator: 'store-admin',
    action: 'edit',
    resourceKind: 'client-application',
    resourceId: 'app-9',
    summary: 'edit client application Mobile banking',
    outcome: 'success',
    request: {
      headers: [
        ['If-Match', '"v3"'],
        ['Content-Type', 'application/json'],
      ],
    },
  })
  expect(failed).toMatchObject({
    summary: 'stop application orders-api',
    outcome: 'failure',
    status: 500,
    message: 'Injected failure (demo fault injection).',
  })
})

test('key generation records that keys were generated, and no secret reaches the database file', () => {
  const { dir, store, observe, entries } = setup()
  const secret = 'consumer-secret-5f1d9a77'
  const key = 'consumer-key-0b3e41'
  const token = 'access-token-91aa0c'
  observe(
    exchange({
      family: 'store',
      method: 'POST',
      url: '/api/am/store/v0.10/applications/generate-keys?applicationId=app-9',
      requestHeaders: change({ name: 'Mobile banking' }),
      responseText: JSON.stringify({
        consumerKey: key,
        consumerSecret: secret,
        keyState: 'APPROVED',
        keyType: 'PRODUCTION',
        token: { accessToken: token, validityTime: 3600 },
      }),
    }),
  )
  expect(entries()[0]).toMatchObject({
    action: 'generate-keys',
    resourceId: 'app-9',
    summary: 'generate production keys for client application Mobile banking',
    details: 'PRODUCTION keys generated',
  })
  store.close()
  for (const file of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, file)).toString('latin1')
    expect(bytes).toContain('Mobile banking')
    expect(bytes).not.toContain(secret)
    expect(bytes).not.toContain(key)
    expect(bytes).not.toContain(token)
  }
})

test('reads, sign-ins and garbage are ignored without throwing', () => {
  const { observe, entries } = setup()
  observe(exchange({ method: 'GET', url: '/hybrid/api/v1/applications' }))
  observe(exchange({ method: 'POST', url: '/accounts/api/v2/oauth2/token' }))
  // Refused by the proxy before the upstream: that family is not signed in.
  observe(exchange({ method: 'DELETE', status: 401, identities: {} }))
  observe(
    exchange({
      method: 'PUT',
      responseText: '{not json',
      requestHeaders: { 'x-console-change': '%%%' },
    }),
  )
  expect(entries().map((e) => e.summary)).toEqual(['PUT /hybrid/api/v1/applications/42'])
})
