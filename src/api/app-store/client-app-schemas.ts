import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'

/** Text the store may leave out or send as null. */
const optionalText = z.optional(z.nullable(z.string()))
const optionalTexts = z.optional(z.nullable(z.array(z.string())))

/** The two kinds of consumer keys an application can hold, one active set of each. */
export const KEY_TYPES = ['PRODUCTION', 'SANDBOX'] as const
export type KeyType = (typeof KEY_TYPES)[number]

/** One application as `GET /applications` lists it. */
export const ClientAppSummarySchema = z.object({
  applicationId: z.string().check(z.minLength(1)),
  name: z.string(),
  subscriber: optionalText,
  throttlingTier: z.string(),
  description: optionalText,
  /** APPROVED, CREATED, ON_HOLD (awaiting approval) or REJECTED. */
  status: z.string(),
  groupId: optionalText,
})
export type ClientAppSummary = z.infer<typeof ClientAppSummarySchema>

/**
 * `GET /applications`: one page. `count` is the number of items on this page (v0.10 has
 * no total); `next`/`previous` are relative links, or `""` where there is no such page.
 */
export const ClientAppListSchema = z.pipe(
  z.object({
    count: z.number(),
    next: optionalText,
    previous: optionalText,
    // Each application parsed on its own: one malformed record does not hide the others.
    list: partialArray(ClientAppSummarySchema, ['applicationId', 'name']),
  }),
  z.transform(({ list, ...page }) => ({ ...page, list: list.items, rejected: list.rejected })),
)
export type ClientAppList = z.infer<typeof ClientAppListSchema>

/** A key set's fields that are no secret: the console may keep and show them. */
const keyFields = {
  keyState: z.string(),
  keyType: z.string(),
  supportedGrantTypes: optionalTexts,
}

/** The token's fields that are no secret (its lifetime and scopes). */
const tokenFields = {
  validityTime: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  tokenScopes: optionalTexts,
}

/**
 * A key set as the console keeps it. The schema deliberately has no `consumerSecret` and
 * no `token.accessToken`: zod drops unknown fields, so even a server that returns them on
 * `GET /applications/{id}` (the vendor's example does) never gets them into the cache.
 */
export const ClientAppKeySchema = z.object({
  consumerKey: z.string(),
  ...keyFields,
  token: z.optional(z.nullable(z.object(tokenFields))),
})

/** `GET /applications/{applicationId}`, and the answer of create and update. */
export const ClientAppSchema = z.object({
  ...ClientAppSummarySchema.shape,
  callbackUrl: optionalText,
  keys: z._default(z.array(ClientAppKeySchema), []),
})
export type ClientApp = z.infer<typeof ClientAppSchema>

/**
 * `POST /applications/generate-keys`: the only answer that carries the consumer secret
 * and the access token. Held by the dialog that shows it once, never cached.
 */
export const GeneratedKeysSchema = z.object({
  consumerKey: z.string().check(z.minLength(1)),
  consumerSecret: z.string().check(z.minLength(1)),
  ...keyFields,
  token: z.optional(z.nullable(z.object({ accessToken: optionalText, ...tokenFields }))),
})
export type GeneratedKeys = z.infer<typeof GeneratedKeysSchema>

export const TierSchema = z.object({
  name: z.string().check(z.minLength(1)),
  description: optionalText,
  tierLevel: optionalText,
  requestCount: z.optional(z.nullable(z.number())),
  unitTime: z.optional(z.nullable(z.number())),
  stopOnQuotaReach: z.optional(z.nullable(z.boolean())),
  tierPlan: optionalText,
})
export type Tier = z.infer<typeof TierSchema>

/** `GET /tiers/application`. */
export const TierListSchema = z.object({
  count: z.optional(z.number()),
  next: optionalText,
  previous: optionalText,
  list: partialArray(TierSchema, ['name']),
})

/** Longest name, description and callback URL the console and the demo store accept (choice). */
export const NAME_MAX = 70
export const DESCRIPTION_MAX = 512
export const CALLBACK_URL_MAX = 2048

const NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9 _.-]*[A-Za-z0-9_.-])?$/

/** An absolute `http:` or `https:` URL with a host. */
export function isCallbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
}

/**
 * The body of `POST /applications` and `PUT /applications/{id}`. The same rules check the
 * console's form and the demo store's input, so both give the same reasons.
 */
export const ClientAppInputSchema = z.object({
  name: z
    .string()
    .check(
      z.minLength(1, 'Enter a name.'),
      z.maxLength(NAME_MAX, `Use at most ${NAME_MAX} characters.`),
      z.regex(
        NAME_PATTERN,
        'Use letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit and not ending with a space.',
      ),
    ),
  throttlingTier: z.string().check(z.minLength(1, 'Choose a throttling tier.')),
  description: z.optional(
    z.string().check(z.maxLength(DESCRIPTION_MAX, `Use at most ${DESCRIPTION_MAX} characters.`)),
  ),
  callbackUrl: z.optional(
    z.string().check(
      z.maxLength(CALLBACK_URL_MAX, `Use at most ${CALLBACK_URL_MAX} characters.`),
      z.refine(
        (v) => v === '' || isCallbackUrl(v),
        'Enter an absolute http:// or https:// URL, or leave it empty.',
      ),
    ),
  ),
})
export type ClientAppInput = z.infer<typeof ClientAppInputSchema>
export type ClientAppField = keyof ClientAppInput

/** `POST /applications/generate-keys` body. */
export const GenerateKeysInputSchema = z.object({
  keyType: z.enum(KEY_TYPES),
  /** Seconds, as a string (as the vendor's example sends it). */
  validityTime: z.string().check(z.regex(/^\d+$/, 'Enter the validity in whole seconds.')),
  accessAllowDomains: z.array(z.string()),
  callbackUrl: z.optional(z.string()),
  scopes: z.optional(z.array(z.string())),
})
export type GenerateKeysInput = z.infer<typeof GenerateKeysInputSchema>

export type ClientAppInputCheck =
  | { ok: true; value: ClientAppInput }
  | {
      ok: false
      /** The first reason per field. */
      fields: Partial<Record<ClientAppField, string>>
      /** Every reason as "field: message", for an error body's `error[]`. */
      messages: string[]
    }

/** Checks an application's input (a form's values or a request body) against the rules. */
export function checkClientAppInput(input: unknown): ClientAppInputCheck {
  const parsed = z.safeParse(ClientAppInputSchema, input)
  if (parsed.success) return { ok: true, value: parsed.data }
  const fields: Partial<Record<ClientAppField, string>> = {}
  const messages: string[] = []
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (isClientAppField(field)) {
      if (fields[field] !== undefined) continue
      fields[field] = issue.message
    }
    messages.push(
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
  }
  return { ok: false, fields, messages }
}

function isClientAppField(value: unknown): value is ClientAppField {
  return (
    value === 'name' ||
    value === 'throttlingTier' ||
    value === 'description' ||
    value === 'callbackUrl'
  )
}
