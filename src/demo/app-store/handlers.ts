import { http, HttpResponse } from 'msw'
import * as z from 'zod/mini'
import {
  ClientAppInputSchema,
  GenerateKeysInputSchema,
  type ClientAppInput,
} from '../../api/app-store/client-app-schemas.ts'
import type { DemoBackend } from '../backend.ts'
import type { DemoIdentity } from '../model.ts'
import type { DemoScope } from '../scopes.ts'
import type { StoreAppRow, StoreKeyRow } from './model.ts'
import { guard, STORE_GATE } from '../guard.ts'
import {
  ifMatchFails,
  ifNoneMatchHits,
  isJson,
  readJson,
  storeError,
  type Checked,
} from '../responses.ts'
import { DEFAULT_GRANT_TYPES, DEFAULT_TOKEN_SCOPES, TIERS } from './seed.ts'
import { APPROVAL_MS, type AppStore } from './store.ts'
import { randomUuid } from '../web-crypto.ts'

const PREFIX = '/api/am/store/v0.10'
const BASE = `*${PREFIX}`
const MAX_LIMIT = 100
/** Longest access-token validity a key set may ask for: one year (choice). */
export const MAX_VALIDITY_SECONDS = 31_536_000

const RANDOM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'

function randomText(length: number, alphabet = RANDOM_ALPHABET): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')
}

function validators(store: AppStore, row: StoreAppRow): Record<string, string> {
  // no-cache: a cache may keep the answer but must revalidate it (with the ETag) each time.
  return {
    ETag: store.etag(row),
    'Last-Modified': store.lastModified(row),
    'Cache-Control': 'no-cache',
  }
}

function notFound(id: string): Response {
  return storeError(
    404,
    `Application ${id} was not found.`,
    'It does not exist, or it was deleted. Reload the list of applications.',
  )
}

function preconditionFailed(store: AppStore, row: StoreAppRow): Response {
  return storeError(
    412,
    `Application '${row.name}' was changed by someone else.`,
    'The If-Match ETag is not the current one. Read the application again and reapply your change.',
    [],
    validators(store, row),
  )
}

function unsupportedMediaType(): Response {
  return storeError(415, 'Unsupported media type.', 'Send the body as application/json.')
}

/** What the store keeps of a create/update body: empty optional fields become null. */
type StoredInput = Pick<ClientAppInput, 'name' | 'throttlingTier'> & {
  description: string | null
  callbackUrl: string | null
}

/** One "field: message" per field (its first problem), for the error body's `error[]`. */
function fieldProblems(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
): string[] {
  const seen = new Set<PropertyKey>()
  const messages: string[] = []
  for (const issue of issues) {
    const field = issue.path[0]
    if (field !== undefined) {
      if (seen.has(field)) continue
      seen.add(field)
    }
    messages.push(
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
  }
  return messages
}

/** Checks a create/update body; on success the normalised input (empty strings → null). */
function readInput(body: unknown): Checked<StoredInput> {
  const checked = z.safeParse(ClientAppInputSchema, body)
  if (!checked.success) {
    return {
      ok: false,
      response: storeError(
        400,
        'Invalid application details.',
        'One or more fields are not valid; see error[] for each.',
        fieldProblems(checked.error.issues),
      ),
    }
  }
  const input = checked.data
  if (!TIERS.some((t) => t.name === input.throttlingTier)) {
    return {
      ok: false,
      response: storeError(
        400,
        'Invalid application details.',
        `Throttling tier '${input.throttlingTier}' does not exist.`,
        [`throttlingTier: use one of ${TIERS.map((t) => t.name).join(', ')}.`],
      ),
    }
  }
  return {
    ok: true,
    value: {
      name: input.name,
      throttlingTier: input.throttlingTier,
      description: input.description ? input.description : null,
      callbackUrl: input.callbackUrl ? input.callbackUrl : null,
    },
  }
}

function duplicateName(name: string): Response {
  return storeError(
    409,
    `An application named '${name}' already exists.`,
    'Application names are unique in the store (ignoring case). Choose another name.',
  )
}

function pageLink(limit: number, offset: number, query: string, groupId: string): string {
  const params = new URLSearchParams({
    limit: String(limit),
    offset: String(offset),
    query,
    groupId,
  })
  return `/applications?${params.toString()}`
}

function readPaging(url: URL): { ok: true; limit: number; offset: number } | { ok: false } {
  const limitText = url.searchParams.get('limit') ?? '25'
  const offsetText = url.searchParams.get('offset') ?? '0'
  if (!/^\d+$/.test(limitText) || !/^\d+$/.test(offsetText)) return { ok: false }
  const limit = Number(limitText)
  const offset = Number(offsetText)
  if (limit < 1 || limit > MAX_LIMIT) return { ok: false }
  return { ok: true, limit, offset }
}

/**
 * The API Store v0.10: client applications, their keys and the application tiers.
 * Every handler first picks up what other tabs changed (`sync`) and applies due approvals.
 */
export function appStoreHandlers(backend: DemoBackend) {
  /** Every call: the store as other tabs left it, due approvals applied, then the guard. */
  const call = (
    request: Request,
    scope?: DemoScope,
  ): Checked<{ store: AppStore; identity: DemoIdentity }> => {
    const store = backend.store
    store.sync()
    store.tick()
    const who = guard(backend.db, request, STORE_GATE, scope)
    return who.ok ? { ok: true, value: { store, identity: who.value } } : who
  }
  /** A call on one application, which must exist (404). */
  const appCall = (
    request: Request,
    id: string,
    scope?: DemoScope,
  ): Checked<{ store: AppStore; identity: DemoIdentity; row: StoreAppRow }> => {
    const opened = call(request, scope)
    if (!opened.ok) return opened
    const row = opened.value.store.get(id)
    return row
      ? { ok: true, value: { ...opened.value, row } }
      : { ok: false, response: notFound(id) }
  }

  return [
    http.get(`${BASE}/applications`, ({ request }) => {
      const opened = call(request)
      if (!opened.ok) return opened.response
      const { store } = opened.value
      const url = new URL(request.url)
      const paging = readPaging(url)
      if (!paging.ok) {
        return storeError(
          400,
          'Invalid paging parameters.',
          `limit must be 1 to ${MAX_LIMIT} and offset 0 or more.`,
        )
      }
      const query = url.searchParams.get('query') ?? ''
      const groupId = url.searchParams.get('groupId') ?? ''
      let rows = store.all()
      if (query) {
        const wanted = query.toLowerCase()
        rows = rows.filter((r) => r.name.toLowerCase() === wanted)
      }
      if (groupId) rows = rows.filter((r) => r.groupId === groupId)
      const { limit, offset } = paging
      const page = rows.slice(offset, offset + limit)
      return HttpResponse.json({
        count: page.length,
        next: offset + limit < rows.length ? pageLink(limit, offset + limit, query, groupId) : '',
        previous:
          offset > 0 && rows.length > 0
            ? pageLink(limit, Math.max(0, Math.min(offset, rows.length) - limit), query, groupId)
            : '',
        list: page.map((r) => store.summaryView(r)),
      })
    }),

    http.post(`${BASE}/applications/generate-keys`, async ({ request }) => {
      const opened = call(request, 'manageClientApps')
      if (!opened.ok) return opened.response
      const { store } = opened.value
      const id = new URL(request.url).searchParams.get('applicationId') ?? ''
      if (!id) {
        return storeError(
          400,
          'The applicationId query parameter is required.',
          'Name the application whose keys to generate.',
        )
      }
      const row = store.get(id)
      if (!row) return notFound(id)
      if (ifMatchFails(request, store.etag(row))) return preconditionFailed(store, row)
      if (!isJson(request)) return unsupportedMediaType()
      const body = await readJson(request)
      const parsed = body ? z.safeParse(GenerateKeysInputSchema, body.value) : null
      if (!parsed?.success) {
        return storeError(
          400,
          'Invalid key generation request.',
          'Send keyType (PRODUCTION or SANDBOX), validityTime (seconds, as a string) and accessAllowDomains.',
          parsed?.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`) ?? [
            'body: not valid JSON',
          ],
        )
      }
      const input = parsed.data
      const validity = Number(input.validityTime)
      if (validity < 1 || validity > MAX_VALIDITY_SECONDS) {
        return storeError(400, 'Invalid key generation request.', '', [
          `validityTime: use 1 to ${MAX_VALIDITY_SECONDS} seconds.`,
        ])
      }
      if (row.status !== 'APPROVED') {
        return storeError(
          409,
          `Application '${row.name}' is ${row.status}: keys can only be generated for an approved application.`,
          'Wait for the approval, then generate keys.',
        )
      }
      if (row.keys.some((k) => k.keyType === input.keyType)) {
        return storeError(
          409,
          `Application '${row.name}' already has ${input.keyType} keys.`,
          'One set of keys per key type: the existing keys stay valid, and this store version cannot regenerate them.',
        )
      }
      const now = store.now()
      const key: StoreKeyRow = {
        keyType: input.keyType,
        consumerKey: `${randomText(27)}a`,
        keyState: 'APPROVED',
        supportedGrantTypes: DEFAULT_GRANT_TYPES,
        validityTime: validity,
        tokenScopes: input.scopes?.length ? input.scopes : DEFAULT_TOKEN_SCOPES,
        createdTime: now,
      }
      store.update(id, (r) => ({ ...r, keys: [...r.keys, key], updatedTime: now }))
      // The secret and token exist only in this answer: the store keeps neither (ADR 009).
      return HttpResponse.json({
        consumerKey: key.consumerKey,
        consumerSecret: `${randomText(27)}a`,
        keyState: key.keyState,
        keyType: key.keyType,
        supportedGrantTypes: key.supportedGrantTypes,
        token: {
          accessToken: randomText(32, '0123456789abcdef'),
          tokenScopes: key.tokenScopes,
          validityTime: key.validityTime,
        },
      })
    }),

    http.post(`${BASE}/applications`, async ({ request }) => {
      const opened = call(request, 'manageClientApps')
      if (!opened.ok) return opened.response
      const { store, identity } = opened.value
      if (!isJson(request)) return unsupportedMediaType()
      const body = await readJson(request)
      if (!body) return storeError(400, 'The body is not valid JSON.')
      const input = readInput(body.value)
      if (!input.ok) return input.response
      if (store.findByName(input.value.name)) return duplicateName(input.value.name)
      const now = store.now()
      const needsApproval = input.value.throttlingTier === 'Unlimited'
      const row = store.insert({
        applicationId: randomUuid(),
        name: input.value.name,
        subscriber: identity.username,
        throttlingTier: input.value.throttlingTier,
        description: input.value.description,
        callbackUrl: input.value.callbackUrl,
        // The Unlimited tier goes through an approval workflow (choice, ADR 009).
        status: needsApproval ? 'ON_HOLD' : 'APPROVED',
        groupId: '',
        createdTime: now,
        updatedTime: now,
        ...(needsApproval ? { approveAt: now + APPROVAL_MS } : {}),
        keys: [],
      })
      // Absolute, like the vendor's example: the console reads only the id from it.
      const location = `${new URL(request.url).origin}${PREFIX}/applications/${row.applicationId}`
      return HttpResponse.json(store.view(row), {
        status: 201,
        headers: { Location: location, ...validators(store, row) },
      })
    }),

    http.get(`${BASE}/applications/:applicationId`, ({ request, params }) => {
      const one = appCall(request, String(params.applicationId))
      if (!one.ok) return one.response
      const { store, row } = one.value
      const headers = validators(store, row)
      if (ifNoneMatchHits(request, headers.ETag ?? ''))
        return new HttpResponse(null, { status: 304, headers })
      return HttpResponse.json(store.view(row), { headers })
    }),

    http.put(`${BASE}/applications/:applicationId`, async ({ request, params }) => {
      const id = String(params.applicationId)
      const one = appCall(request, id, 'manageClientApps')
      if (!one.ok) return one.response
      const { store, row } = one.value
      // Without If-Match the write is unconditional (ADR 009), as the vendor's store does today.
      if (ifMatchFails(request, store.etag(row))) return preconditionFailed(store, row)
      if (!isJson(request)) return unsupportedMediaType()
      const body = await readJson(request)
      if (!body) return storeError(400, 'The body is not valid JSON.')
      const input = readInput(body.value)
      if (!input.ok) return input.response
      const other = store.findByName(input.value.name)
      if (other && other.applicationId !== id) return duplicateName(input.value.name)
      const now = store.now()
      const updated = store.update(id, (r) => ({
        ...r,
        name: input.value.name,
        throttlingTier: input.value.throttlingTier,
        description: input.value.description,
        callbackUrl: input.value.callbackUrl,
        updatedTime: now,
      }))
      if (!updated) return notFound(id)
      return HttpResponse.json(store.view(updated), { headers: validators(store, updated) })
    }),

    http.delete(`${BASE}/applications/:applicationId`, ({ request, params }) => {
      const id = String(params.applicationId)
      const one = appCall(request, id, 'manageClientApps')
      if (!one.ok) return one.response
      const { store, row } = one.value
      if (ifMatchFails(request, store.etag(row))) return preconditionFailed(store, row)
      store.delete(id)
      return new HttpResponse(null, { status: 200 })
    }),

    // Tiers are public in the vendor's store: a valid token is enough.
    http.get(`${BASE}/tiers/:tierLevel`, ({ request, params }) => {
      const opened = call(request)
      if (!opened.ok) return opened.response
      if (params.tierLevel !== 'application') {
        return storeError(
          404,
          `No tiers of level '${String(params.tierLevel)}' in this demo.`,
          'The demo store offers application tiers only.',
        )
      }
      return HttpResponse.json({ count: TIERS.length, next: '', previous: '', list: TIERS })
    }),

    // Anything else under the store answers in the store's own error format.
    http.all(`${BASE}/*`, ({ request }) =>
      storeError(
        404,
        `No resource at ${request.method} ${new URL(request.url).pathname}.`,
        'This path is not part of the API Store v0.10 in the demo.',
      ),
    ),
  ]
}
