/**
 * Server-side sessions (backend-for-frontend): each family's credentials and tokens stay
 * here, the page holds only an HttpOnly cookie with a random session id. Each family signs
 * in on its own and a 401 from one family ends that family only.
 *
 * Storage is an in-memory Map behind the small `SessionStore` interface, so a shared store
 * (Redis) can replace it for several instances (docs/decisions/013-production-server.md).
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ServerConfig } from './config.ts'
import {
  FAMILIES,
  isFamily,
  type Family,
  type FamilyIdentity,
  type FamilyState,
  type SessionLookup,
  type SessionState,
} from './contract.ts'
import { callUpstream, UpstreamError, type CallResult } from './upstream-call.ts'

export const SESSION_COOKIE = 'console_session'

/**
 * The session cookie's value in a Cookie header, read as the cookie parser reads it (the
 * first pair of that name, trimmed, percent-decoded when valid). Only this one name
 * is looked for: the proxied polling reads need nothing else, so no object of every cookie
 * is made per request (the cookie plugin runs on the session routes only, app.ts).
 */
export function sessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined
  let at = 0
  while (at < header.length) {
    const semicolon = header.indexOf(';', at)
    const end = semicolon === -1 ? header.length : semicolon
    const equals = header.indexOf('=', at)
    if (equals !== -1 && equals < end && header.slice(at, equals).trim() === SESSION_COOKIE) {
      const value = header.slice(equals + 1, end).trim()
      if (!value.includes('%')) return value
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
    at = end + 1
  }
  return undefined
}
/**
 * How long a session id replaced by a sign-in still works: the page's requests already on
 * their way with the old cookie must not fail (nor look like a sign-out of another family).
 */
const ROTATION_GRACE_MS = 10_000
/** Renew a token this long before it expires, so that no request carries a dying one. */
const RENEW_MARGIN_MS = 60_000

interface ArmSignIn {
  family: 'arm'
  identity: FamilyIdentity
  clientId: string
  clientSecret: string
  accessToken: string
  expiresAt: number
}
interface MfpSignIn {
  family: 'mfp'
  identity: FamilyIdentity
  basic: string
}
interface StoreSignIn {
  family: 'store'
  identity: FamilyIdentity
  clientId: string
  clientSecret: string
  accessToken: string
  refreshToken: string | undefined
  expiresAt: number
}
type SignIn = ArmSignIn | MfpSignIn | StoreSignIn

export interface Session {
  id: string
  createdAt: number
  lastUsedAt: number
  families: { arm?: ArmSignIn; mfp?: MfpSignIn; store?: StoreSignIn }
}

/** Where sessions live; the in-memory one below, or a shared one (Redis) behind the same calls. */
export interface SessionStore {
  get(id: string): Session | undefined
  set(session: Session): void
  delete(id: string): void
  /** Drops sessions for which `expired` is true; returns how many. */
  sweep(expired: (session: Session) => boolean): number
  size(): number
}

export function memorySessionStore(): SessionStore {
  const map = new Map<string, Session>()
  return {
    get: (id) => map.get(id),
    set: (session) => void map.set(session.id, session),
    delete: (id) => void map.delete(id),
    sweep(expired) {
      let n = 0
      for (const [id, session] of map) if (expired(session) && map.delete(id)) n++
      return n
    },
    size: () => map.size,
  }
}

/** A sign-in failed: the status and JSON body the page gets. */
export class SignInError extends Error {
  readonly status: number
  readonly family: Family
  constructor(status: number, family: Family, message: string) {
    super(message)
    this.status = status
    this.family = family
  }
}

const ArmBody = z.object({
  clientId: z.string().min(1).max(256),
  clientSecret: z.string().min(1).max(1024),
})
const UserBody = z.object({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(1024),
})

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
})
const MeAnswer = z.object({
  user: z.object({
    username: z.string(),
    organization: z.object({ id: z.string(), name: z.string() }).partial().optional(),
  }),
})
const RegisterAnswer = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) })

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`

function messageOf(json: unknown, fallback: string): string {
  if (json && typeof json === 'object') {
    const fields = new Map<string, unknown>(Object.entries(json))
    for (const key of ['message', 'error_description', 'errorMessage', 'description', 'error']) {
      const value = fields.get(key)
      if (typeof value === 'string' && value) return value
    }
  }
  return fallback
}

export interface SessionsOptions {
  config: ServerConfig
  now: () => number
  store?: SessionStore
}

export class Sessions implements SessionLookup {
  readonly store: SessionStore
  /** Ids replaced by a sign-in, still honoured for ROTATION_GRACE_MS: old id to new id. */
  private readonly rotated = new Map<string, { id: string; until: number }>()
  /** Token renewals in flight, by `${session id}:${family}`: one at a time per sign-in. */
  private readonly renewals = new Map<string, Promise<string | null>>()
  private readonly config: ServerConfig
  private readonly now: () => number

  constructor(options: SessionsOptions) {
    this.config = options.config
    this.now = options.now
    this.store = options.store ?? memorySessionStore()
  }

  private expired(session: Session): boolean {
    const now = this.now()
    return (
      now - session.lastUsedAt >= this.config.sessionIdleMs ||
      now - session.createdAt >= this.config.sessionMaxMs
    )
  }

  /** The live session of a request (expired ones are dropped), without touching it. */
  find(request: FastifyRequest): Session | undefined {
    const cookie = sessionCookie(request.headers.cookie)
    if (!cookie) return undefined
    const id = this.current(cookie)
    const session = this.store.get(id)
    if (!session) return undefined
    if (this.expired(session)) {
      this.store.delete(id)
      return undefined
    }
    return session
  }

  /**
   * The id a cookie stands for: itself, or for a few seconds after a sign-in rotated it,
   * the new id, so that requests the page sent before it got the new cookie still count.
   */
  private current(id: string): string {
    const alias = this.rotated.get(id)
    if (!alias) return id
    if (alias.until > this.now()) return alias.id
    this.rotated.delete(id)
    return id
  }

  sweep(): number {
    const now = this.now()
    for (const [id, alias] of this.rotated) if (alias.until <= now) this.rotated.delete(id)
    return this.store.sweep((s) => this.expired(s))
  }

  state(session: Session | undefined): SessionState {
    const one = (family: Family): FamilyState => {
      const signIn = session?.families[family]
      return signIn
        ? {
            signedIn: true,
            username: signIn.identity.username,
            expiresAt: signIn.family === 'mfp' ? null : signIn.expiresAt,
          }
        : { signedIn: false }
    }
    const families: Record<Family, FamilyState> = {
      arm: one('arm'),
      mfp: one('mfp'),
      store: one('store'),
    }
    return {
      mode: 'live',
      families,
      idleExpiresAt: session
        ? Math.min(
            session.lastUsedAt + this.config.sessionIdleMs,
            session.createdAt + this.config.sessionMaxMs,
          )
        : null,
    }
  }

  // --- SessionLookup -------------------------------------------------------------------

  async credentialsFor(request: FastifyRequest, family: Family): Promise<string | null> {
    const session = this.find(request)
    if (!session) return null
    session.lastUsedAt = this.now()
    const signIn = session.families[family]
    if (!signIn) return null
    if (signIn.family === 'mfp') return signIn.basic
    if (signIn.expiresAt - RENEW_MARGIN_MS > this.now()) return `Bearer ${signIn.accessToken}`
    // Single flight: the requests arriving while a token is renewed wait for that renewal
    // instead of each asking for a token (with refresh-token rotation all but the first
    // would be refused and sign the family out).
    const key = `${session.id}:${family}`
    let renewal = this.renewals.get(key)
    if (!renewal) {
      renewal = this.renew(session, signIn, request).finally(() => this.renewals.delete(key))
      this.renewals.set(key, renewal)
    }
    return renewal
  }

  /** Renews one sign-in's token; the credentials, or null when the family is signed out. */
  private async renew(
    session: Session,
    signIn: ArmSignIn | StoreSignIn,
    request: FastifyRequest,
  ): Promise<string | null> {
    const family = signIn.family
    // The session object that holds this sign-in now: a sign-in of another family meanwhile
    // replaces the session (rotated id), a sign-out or a new sign-in replaces the sign-in.
    const holder = (): Session | undefined => {
      const live = this.store.get(this.current(session.id))
      return live?.families[family] === signIn ? live : undefined
    }
    try {
      const renewed =
        signIn.family === 'arm' ? await this.renewArm(signIn) : await this.renewStore(signIn)
      const live = holder()
      // Signed out (or signed in afresh) while the renewal ran: do not put the old one back.
      if (!live) return null
      live.families = { ...live.families, [family]: renewed }
      this.store.set(live)
      return `Bearer ${renewed.accessToken}`
    } catch (error) {
      request.log.warn(
        { family, err: error instanceof Error ? error.message : String(error) },
        'token renewal failed',
      )
      const live = holder()
      if (live) this.signOut(live, family)
      return null
    }
  }

  familyRejected(request: FastifyRequest, family: Family): void {
    const session = this.find(request)
    if (session) this.signOut(session, family)
  }

  identities(request: FastifyRequest): Partial<Record<Family, FamilyIdentity>> {
    const session = this.find(request)
    const result: Partial<Record<Family, FamilyIdentity>> = {}
    if (!session) return result
    for (const family of FAMILIES) {
      const signIn = session.families[family]
      if (signIn) result[family] = { ...signIn.identity }
    }
    return result
  }

  // --- sign-in per family ----------------------------------------------------------------

  private async call(
    family: Family,
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ): Promise<CallResult> {
    try {
      return await callUpstream(url, {
        ...init,
        timeoutMs: this.config.upstreamTimeoutMs,
        insecure: this.config.proxyInsecure,
      })
    } catch (error) {
      if (error instanceof UpstreamError && error.kind === 'timeout')
        throw new SignInError(504, family, `The ${family} upstream did not answer in time.`)
      throw new SignInError(502, family, `The ${family} upstream cannot be reached.`)
    }
  }

  private upstream(family: Family): string {
    const base = this.config.upstreams[family]
    if (!base) throw new SignInError(502, family, `No upstream is configured for ${family}.`)
    return base
  }

  private async armToken(clientId: string, clientSecret: string) {
    const base = this.upstream('arm')
    const answer = await this.call('arm', `${base}/accounts/api/v2/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    })
    if (answer.status === 400 || answer.status === 401 || answer.status === 403)
      throw new SignInError(
        401,
        'arm',
        messageOf(answer.json, 'The client ID or secret was refused.'),
      )
    const token = TokenAnswer.safeParse(answer.json)
    if (answer.status !== 200 || !token.success)
      throw new SignInError(
        502,
        'arm',
        `The token endpoint answered ${answer.status} without a token.`,
      )
    return {
      accessToken: token.data.access_token,
      expiresAt: this.now() + (token.data.expires_in ?? 3600) * 1000,
    }
  }

  private async renewArm(signIn: ArmSignIn): Promise<ArmSignIn> {
    const token = await this.armToken(signIn.clientId, signIn.clientSecret)
    return { ...signIn, ...token }
  }

  private async signInArm(body: unknown): Promise<ArmSignIn> {
    const input = ArmBody.safeParse(body)
    if (!input.success) throw new SignInError(400, 'arm', 'Send { clientId, clientSecret }.')
    const token = await this.armToken(input.data.clientId, input.data.clientSecret)
    const me = await this.call('arm', `${this.upstream('arm')}/accounts/api/me`, {
      method: 'GET',
      headers: { authorization: `Bearer ${token.accessToken}` },
    })
    const parsed = MeAnswer.safeParse(me.json)
    if (me.status !== 200 || !parsed.success)
      throw new SignInError(
        502,
        'arm',
        `Who-am-I answered ${me.status}: cannot tell who signed in.`,
      )
    const user = parsed.data.user
    return {
      family: 'arm',
      identity: {
        username: user.username,
        ...(user.organization?.id ? { orgId: user.organization.id } : {}),
        ...(user.organization?.name ? { orgName: user.organization.name } : {}),
      },
      clientId: input.data.clientId,
      clientSecret: input.data.clientSecret,
      ...token,
    }
  }

  private async signInMfp(body: unknown): Promise<MfpSignIn> {
    const input = UserBody.safeParse(body)
    if (!input.success) throw new SignInError(400, 'mfp', 'Send { username, password }.')
    const credentials = basic(input.data.username, input.data.password)
    const runtime = encodeURIComponent(this.config.mfpRuntime)
    const answer = await this.call(
      'mfp',
      `${this.upstream('mfp')}/mfpadmin/management-apis/2.0/runtimes/${runtime}/devices?pageSize=1`,
      { method: 'GET', headers: { authorization: credentials } },
    )
    if (answer.status === 401 || answer.status === 403)
      throw new SignInError(
        401,
        'mfp',
        'The MobileFirst server refused this user name or password.',
      )
    if (answer.status !== 200)
      throw new SignInError(
        502,
        'mfp',
        `The MobileFirst server answered ${answer.status} to the sign-in check.`,
      )
    return { family: 'mfp', identity: { username: input.data.username }, basic: credentials }
  }

  private storeUrls() {
    const register = this.config.storeRegisterUrl
    const token = this.config.storeTokenUrl
    if (!register || !token) throw new SignInError(502, 'store', 'No store upstream is configured.')
    return { register, token }
  }

  private async storeToken(clientId: string, clientSecret: string, form: Record<string, string>) {
    const answer = await this.call('store', this.storeUrls().token, {
      method: 'POST',
      headers: {
        authorization: basic(clientId, clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form).toString(),
    })
    if (answer.status === 400 || answer.status === 401 || answer.status === 403)
      throw new SignInError(
        401,
        'store',
        messageOf(answer.json, 'The store refused this user name or password.'),
      )
    const token = TokenAnswer.safeParse(answer.json)
    if (answer.status !== 200 || !token.success)
      throw new SignInError(
        502,
        'store',
        `The store token endpoint answered ${answer.status} without a token.`,
      )
    return {
      accessToken: token.data.access_token,
      refreshToken: token.data.refresh_token,
      expiresAt: this.now() + (token.data.expires_in ?? 3600) * 1000,
    }
  }

  private async renewStore(signIn: StoreSignIn): Promise<StoreSignIn> {
    if (!signIn.refreshToken) throw new Error('no refresh token')
    const token = await this.storeToken(signIn.clientId, signIn.clientSecret, {
      grant_type: 'refresh_token',
      refresh_token: signIn.refreshToken,
    })
    return { ...signIn, ...token, refreshToken: token.refreshToken ?? signIn.refreshToken }
  }

  private async signInStore(body: unknown): Promise<StoreSignIn> {
    const input = UserBody.safeParse(body)
    if (!input.success) throw new SignInError(400, 'store', 'Send { username, password }.')
    const { username, password } = input.data
    const registered = await this.call('store', this.storeUrls().register, {
      method: 'POST',
      headers: { authorization: basic(username, password), 'content-type': 'application/json' },
      body: JSON.stringify({
        clientName: `runtime-console-${username}`,
        owner: username,
        grantType: 'password refresh_token',
        saasApp: true,
      }),
    })
    if (registered.status === 401 || registered.status === 403)
      throw new SignInError(
        401,
        'store',
        messageOf(registered.json, 'The store refused this user name or password.'),
      )
    const client = RegisterAnswer.safeParse(registered.json)
    if (registered.status >= 300 || !client.success)
      throw new SignInError(
        502,
        'store',
        `Client registration answered ${registered.status} without a client.`,
      )
    const token = await this.storeToken(client.data.clientId, client.data.clientSecret, {
      grant_type: 'password',
      username,
      password,
      scope: 'apim:subscribe',
    })
    return {
      family: 'store',
      identity: { username },
      clientId: client.data.clientId,
      clientSecret: client.data.clientSecret,
      ...token,
    }
  }

  signIn(family: Family, body: unknown): Promise<SignIn> {
    if (family === 'arm') return this.signInArm(body)
    if (family === 'mfp') return this.signInMfp(body)
    return this.signInStore(body)
  }

  /**
   * Stores a family's sign-in. The session id changes on every sign-in (no fixation: an id
   * planted before the sign-in is worthless after it).
   */
  attach(previous: Session | undefined, signIn: SignIn): Session {
    const now = this.now()
    if (previous) this.store.delete(previous.id)
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      createdAt: previous?.createdAt ?? now,
      lastUsedAt: now,
      families: { ...previous?.families, [signIn.family]: signIn },
    }
    this.store.set(session)
    if (previous) {
      this.rotated.set(previous.id, { id: session.id, until: now + ROTATION_GRACE_MS })
      for (const [old, alias] of this.rotated)
        if (alias.id === previous.id) this.rotated.set(old, { id: session.id, until: alias.until })
    }
    return session
  }

  signOut(session: Session, family: Family): void {
    const families = { ...session.families }
    delete families[family]
    session.families = families
    this.store.set(session)
  }

  end(session: Session): void {
    this.store.delete(session.id)
    for (const [old, alias] of this.rotated) if (alias.id === session.id) this.rotated.delete(old)
  }
}

/** The session API of server/contract.ts under /console-api/session. */
export function registerSessionRoutes(app: FastifyInstance, sessions: Sessions, secure: boolean) {
  const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, path: '/', secure }
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store')

  app.get('/console-api/session', async (request, reply) => {
    noStore(reply)
    return sessions.state(sessions.find(request))
  })

  app.post<{ Params: { family: string } }>(
    '/console-api/session/:family',
    async (request, reply) => {
      noStore(reply)
      const family = request.params.family
      if (!isFamily(family)) return reply.code(404).send({ message: `No such family: ${family}.` })
      try {
        const signIn = await sessions.signIn(family, request.body)
        const session = sessions.attach(sessions.find(request), signIn)
        reply.setCookie(SESSION_COOKIE, session.id, cookieOptions)
        request.log.info({ family, username: signIn.identity.username }, 'signed in')
        return sessions.state(session).families[family]
      } catch (error) {
        if (error instanceof SignInError)
          return reply.code(error.status).send({ message: error.message, family: error.family })
        throw error
      }
    },
  )

  app.delete<{ Params: { family: string } }>(
    '/console-api/session/:family',
    async (request, reply) => {
      const family = request.params.family
      if (!isFamily(family)) return reply.code(404).send({ message: `No such family: ${family}.` })
      const session = sessions.find(request)
      if (session) sessions.signOut(session, family)
      return reply.code(204).send()
    },
  )

  app.delete('/console-api/session', async (request, reply) => {
    const session = sessions.find(request)
    if (session) sessions.end(session)
    reply.clearCookie(SESSION_COOKIE, cookieOptions)
    return reply.code(204).send()
  })
}
