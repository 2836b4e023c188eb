import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { RoleName } from '../api/permissions.ts'
import type { Environment } from '../api/runtime-manager/account-schemas.ts'
import { getMe, listEnvironments, requestToken } from '../api/runtime-manager/account.ts'
import { DemoBackend } from '../demo/backend.ts'
import { createHandlers } from '../demo/handlers/create-handlers.ts'
import type { FleetSize } from '../demo/model.ts'
import { DEMO_IDENTITIES } from '../demo/seed.ts'
import { memoryStorage } from '../demo/storage.ts'
import type { EnvScope } from '../lib/describe-request.ts'
import { startSession } from '../lib/session-store.ts'

export interface TestBackendOptions {
  fleet?: FleetSize
  /** Hybrid GETs without ETags (a backend as the vendor documents it); default true. */
  etags?: boolean
}

type TestServer = ReturnType<typeof setupServer>

function newBackend(options?: TestBackendOptions): DemoBackend {
  // Memory storage and no latency: nothing persists between backends and answers are immediate.
  return new DemoBackend({
    fleet: options?.fleet ?? 'small',
    storage: memoryStorage(),
    ambientLatencyMs: 0,
    etags: options?.etags,
  })
}

/** A demo backend and an msw server answering for it (not listening yet). */
export function createTestBackend(options?: TestBackendOptions): {
  backend: DemoBackend
  server: TestServer
} {
  const backend = newBackend(options)
  return { backend, server: setupServer(...createHandlers(backend)) }
}

/**
 * Call at the top level of a test module. Intercepts `fetch` with the demo backend for
 * every test of the module, with a fresh backend (and no leftover `server.use` overrides)
 * before each test, and fails any request no handler answers.
 */
export function setupTestBackend(options?: TestBackendOptions): {
  readonly backend: DemoBackend
  readonly server: TestServer
} {
  // Handlers come in beforeEach, bound to that test's backend (no backend is built for nothing).
  const server = setupServer()
  let current: DemoBackend | undefined

  beforeAll(() => {
    server.listen({ onUnhandledFrame: 'error' })
  })
  beforeEach(() => {
    current = newBackend(options)
    server.resetHandlers(...createHandlers(current))
  })
  afterAll(() => {
    server.close()
  })

  return {
    get backend(): DemoBackend {
      if (!current)
        throw new Error('The test backend exists only while a test runs (after beforeEach).')
      return current
    },
    server,
  }
}

/** What a signed-in test needs to call the Runtime Manager API. */
export interface SignedIn {
  orgId: string
  envs: Environment[]
  /** Organization and the first environment (Production). */
  scope: EnvScope
}

/**
 * Signs in as one of the demo connected apps through the real token endpoint and starts
 * a session, so later requests carry its bearer token.
 */
export async function signInAs(role: RoleName): Promise<SignedIn> {
  const identity = DEMO_IDENTITIES.find((i) => i.role === role)
  if (!identity) throw new Error(`No demo identity has the role ${role}.`)
  const token = await requestToken({
    clientId: identity.clientId,
    clientSecret: identity.clientSecret,
  })
  startSession({
    accessToken: token.access_token,
    expiresAt: Date.now() + (token.expires_in ?? 3600) * 1000,
    clientId: identity.clientId,
  })
  const me = await getMe()
  const orgId = me.user.organization.id
  const envs = (await listEnvironments(orgId)).items
  const first = envs[0]
  if (!first) throw new Error('The demo organization has no environment.')
  return { orgId, envs, scope: { orgId, envId: first.id } }
}
