import { getResponse, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Family, FamilyState, SessionState } from '../../server/contract.ts'
import { DemoBackend } from '../demo/backend.ts'
import { mintToken } from '../demo/auth.ts'
import { createHandlers } from '../demo/handlers/create-handlers.ts'
import { DEMO_IDENTITIES } from '../demo/seed.ts'
import { memoryStorage } from '../demo/storage.ts'
import { setConsoleModeForTests } from '../lib/config.ts'
import { familyOfPath } from '../lib/session-store.ts'

/** What the page sent through the fake console server: method, path and headers. */
export interface SeenRequest {
  method: string
  path: string
  headers: Headers
}

/** The password the fake accepts for a MobileFirst or API Store user. */
export function passwordOf(username: string): string {
  return `${username}-password`
}

/**
 * A stand-in for the console's server (server/contract.ts) in front of the demo backend,
 * for live-mode component tests: `/console-api/session*` per the contract, and the four
 * proxied prefixes forwarded with the family's token (which the page never sees). A
 * family not signed in answers 401 `{ message, family }`; an upstream 401 ends that
 * family only and is passed on with `X-Console-Signed-Out`.
 */
export class FakeConsoleServer {
  readonly backend: DemoBackend
  readonly seen: SeenRequest[] = []
  private readonly tokens = new Map<Family, { username: string; token: string }>()
  private readonly upstream: ReturnType<typeof createHandlers>

  constructor() {
    this.backend = new DemoBackend({
      fleet: 'small',
      storage: memoryStorage(),
      ambientLatencyMs: 0,
    })
    this.upstream = createHandlers(this.backend)
  }

  /** Signs a family in directly (as if done earlier in the session), as the Administrator. */
  signIn(family: Family, username = family === 'arm' ? 'demo-administrator' : 'ada'): void {
    const administrator = DEMO_IDENTITIES.find((i) => i.role === 'Administrator')
    if (!administrator) throw new Error('No demo Administrator.')
    this.tokens.set(family, { username, token: mintToken(administrator, this.backend.db.now()) })
  }

  /** Ends every family's sign-in (as if the session had ended). */
  signOutAll(): void {
    this.tokens.clear()
  }

  /** The upstream stops accepting a family's token (it expired there). */
  expireUpstream(family: Family): void {
    const held = this.tokens.get(family)
    if (held) this.tokens.set(family, { ...held, token: 'demo.expired' })
  }

  state(): SessionState {
    const family = (f: Family): FamilyState => {
      const held = this.tokens.get(f)
      return held
        ? { signedIn: true, username: held.username, expiresAt: null }
        : { signedIn: false }
    }
    return {
      mode: 'live',
      families: { arm: family('arm'), mfp: family('mfp'), store: family('store') },
      idleExpiresAt: this.tokens.size > 0 ? this.backend.db.now() + 30 * 60_000 : null,
    }
  }

  handlers() {
    const guard = (request: Request) =>
      request.method !== 'GET' && request.headers.get('X-Console-Request') !== '1'
        ? HttpResponse.json({ message: 'Missing X-Console-Request.' }, { status: 403 })
        : undefined
    const record = (request: Request) => {
      const url = new URL(request.url)
      this.seen.push({ method: request.method, path: url.pathname, headers: request.headers })
    }
    return [
      http.get('*/console-api/session', ({ request }) => {
        record(request)
        return HttpResponse.json(this.state())
      }),
      http.post('*/console-api/session/:family', async ({ request, params }) => {
        record(request)
        const refused = guard(request)
        if (refused) return refused
        const family = params.family
        const body: unknown = await request.json()
        if (family !== 'arm' && family !== 'mfp' && family !== 'store')
          return HttpResponse.json({ message: 'No such family.' }, { status: 404 })
        if (!body || typeof body !== 'object')
          return HttpResponse.json({ message: 'A JSON body is required.' }, { status: 400 })
        let username: string | undefined
        if (family === 'arm') {
          const identity = DEMO_IDENTITIES.find(
            (i) =>
              'clientId' in body &&
              'clientSecret' in body &&
              i.clientId === body.clientId &&
              i.clientSecret === body.clientSecret,
          )
          username = identity?.clientId
        } else if (
          'username' in body &&
          'password' in body &&
          typeof body.username === 'string' &&
          body.password === passwordOf(body.username)
        ) {
          username = body.username
        }
        if (!username)
          return HttpResponse.json({ message: 'Invalid credentials.', family }, { status: 401 })
        this.signIn(family, username)
        return HttpResponse.json(this.state().families[family])
      }),
      http.delete('*/console-api/session/:family', ({ request, params }) => {
        record(request)
        const refused = guard(request)
        if (refused) return refused
        if (params.family === 'arm' || params.family === 'mfp' || params.family === 'store')
          this.tokens.delete(params.family)
        return new HttpResponse(null, { status: 204 })
      }),
      http.delete('*/console-api/session', ({ request }) => {
        record(request)
        const refused = guard(request)
        if (refused) return refused
        this.tokens.clear()
        return new HttpResponse(null, { status: 204 })
      }),
      http.all('*', async ({ request }) => {
        const url = new URL(request.url)
        const family = familyOfPath(url.pathname)
        if (!family) return undefined
        record(request)
        const refused = guard(request)
        if (refused) return refused
        const held = this.tokens.get(family)
        if (!held)
          return HttpResponse.json(
            { message: `Not signed in to ${family}.`, family },
            { status: 401 },
          )
        const headers = new Headers(request.headers)
        headers.set('Authorization', `Bearer ${held.token}`)
        const body = ['GET', 'HEAD'].includes(request.method)
          ? undefined
          : await request.arrayBuffer()
        const forwarded = new Request(request.url, { method: request.method, headers, body })
        const answer = await getResponse(this.upstream, forwarded, { quiet: true })
        if (!answer) return HttpResponse.json({ message: 'No upstream route.' }, { status: 404 })
        if (answer.status !== 401) return answer
        this.tokens.delete(family)
        const passed = new Headers(answer.headers)
        passed.set('X-Console-Signed-Out', family)
        return new HttpResponse(await answer.text(), { status: 401, headers: passed })
      }),
    ]
  }
}

/**
 * Call at the top level of a live-mode test module: the session code runs as in a live
 * build, and `fetch` reaches a fresh FakeConsoleServer (nothing signed in) in each test.
 */
export function setupLiveTestServer(): { readonly console: FakeConsoleServer } {
  const server = setupServer()
  let current: FakeConsoleServer | undefined
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  beforeEach(() => {
    setConsoleModeForTests('live')
    current = new FakeConsoleServer()
    server.resetHandlers(...current.handlers())
  })
  afterEach(() => setConsoleModeForTests(undefined))
  afterAll(() => server.close())
  return {
    get console(): FakeConsoleServer {
      if (!current) throw new Error('The fake console server exists only while a test runs.')
      return current
    },
  }
}
