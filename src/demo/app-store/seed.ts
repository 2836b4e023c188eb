import type { FleetSize } from '../model.ts'
import { createRng, type Rng } from '../rng.ts'
import type { StoreAppRow, StoreKeyRow, TierRow } from './model.ts'

const SEED = 20_261_206
const DAY = 86_400_000

/** How many client applications each fleet size starts with. */
export const STORE_SIZES: Record<FleetSize, number> = { small: 140, large: 10_000 }

export const TIERS: readonly TierRow[] = [
  tier('Unlimited', 'Allows unlimited requests; needs approval', 2_147_483_647, 'COMMERCIAL'),
  tier('Gold', 'Allows 5000 requests per minute', 5000, 'COMMERCIAL'),
  tier('Silver', 'Allows 2000 requests per minute', 2000, 'FREE'),
  tier('Bronze', 'Allows 1000 requests per minute', 1000, 'FREE'),
  tier('10PerMin', 'Allows 10 requests per minute', 10, 'FREE'),
]

function tier(
  name: string,
  description: string,
  requestCount: number,
  tierPlan: TierRow['tierPlan'],
): TierRow {
  return {
    name,
    description,
    tierLevel: 'application',
    requestCount,
    unitTime: 60_000,
    stopOnQuotaReach: true,
    tierPlan,
  }
}

/** The grant types a new key set supports (the vendor's example list). */
export const DEFAULT_GRANT_TYPES = [
  'urn:ietf:params:oauth:grant-type:saml2-bearer',
  'iwa:ntlm',
  'refresh_token',
  'client_credentials',
  'password',
]
export const DEFAULT_TOKEN_SCOPES = ['am_application_scope', 'default']

const PARTNERS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'stark',
  'wayne',
  'wonka',
  'tyrell',
  'cyberdyne',
  'soylent',
  'aperture',
  'vandelay',
  'oceanic',
  'gringotts',
  'monarch',
  'pied-piper',
  'nakatomi',
  'virtucon',
  'duff',
  'krusty',
  'bluth',
  'dunder',
  'sterling',
  'prestige',
  'massive',
  'roxxon',
  'oscorp',
  'wernham',
  'zorg',
]
const PURPOSES = [
  'mobile-banking',
  'partner-portal',
  'checkout',
  'loyalty',
  'analytics',
  'billing-sync',
  'crm-connector',
  'inventory',
  'payments',
  'shipping-tracker',
  'hr-self-service',
  'claims',
  'quotes',
  'notifications',
  'reporting',
  'onboarding',
  'fraud-check',
  'catalog',
  'support-bot',
  'pricing',
]
const VARIANTS = ['', '-ios', '-android', '-web', '-batch', '-test', '-eu', '-us']
const SUBSCRIBERS = [
  'ada.lovelace',
  'otto.neumann',
  'partner.integrations',
  'mobile.team',
  'web.team',
  'data.platform',
]

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((n, [, w]) => n + w, 0)
  let roll = rng.next() * total
  for (const [item, weight] of items) {
    roll -= weight
    if (roll < 0) return item
  }
  const last = items[items.length - 1]
  if (!last) throw new Error('weighted pick from an empty list')
  return last[0]
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'

function seededKey(rng: Rng): string {
  let out = ''
  for (let i = 0; i < 27; i++) out += KEY_ALPHABET[rng.int(0, KEY_ALPHABET.length - 1)]
  return `${out}a`
}

/** The i-th distinct application name: partner × purpose × variant, then numbered rounds. */
function nameFor(i: number): string {
  const partner = PARTNERS[i % PARTNERS.length]
  const purpose = PURPOSES[Math.floor(i / PARTNERS.length) % PURPOSES.length]
  const combos = PARTNERS.length * PURPOSES.length
  const variant = VARIANTS[Math.floor(i / combos) % VARIANTS.length]
  const round = Math.floor(i / (combos * VARIANTS.length))
  return `${partner}-${purpose}${variant}${round > 0 ? `-${round + 1}` : ''}`
}

function titleOf(slug: string): string {
  return slug
    .split('-')
    .map((w) => (w ? w[0]?.toUpperCase() + w.slice(1) : w))
    .join(' ')
}

/**
 * The store's starting applications, generated from a fixed seed relative to `anchor`
 * (the moment the demo first started in this browser), so a reload shows the same data.
 * Keys are seeded without secrets: nobody can know them, as after a real hand-over.
 */
export function generateStoreSeed(fleet: FleetSize, anchor: number): StoreAppRow[] {
  const rng = createRng(SEED + (fleet === 'large' ? 1 : 0))
  const rows: StoreAppRow[] = [
    {
      // The vendor's store gives every subscriber one of these.
      applicationId: rng.uuid(),
      name: 'DefaultApplication',
      subscriber: 'ada.lovelace',
      throttlingTier: 'Unlimited',
      description: 'This is the default application',
      callbackUrl: null,
      status: 'APPROVED',
      groupId: '',
      createdTime: anchor - 720 * DAY,
      updatedTime: anchor - 720 * DAY,
      keys: [],
    },
  ]
  for (let i = 1; i < STORE_SIZES[fleet]; i++) {
    const name = nameFor(i - 1)
    const partner = name.split('-')[0] ?? 'acme'
    const status = weighted(rng, [
      ['APPROVED', 84],
      ['CREATED', 4],
      ['ON_HOLD', 7],
      ['REJECTED', 5],
    ] as const)
    const created = anchor - rng.int(2, 700) * DAY - rng.int(0, DAY)
    const updated = Math.min(anchor - rng.int(0, DAY), created + rng.int(0, 300) * DAY)
    const keys: StoreKeyRow[] = []
    if (status === 'APPROVED') {
      for (const keyType of ['PRODUCTION', 'SANDBOX'] as const) {
        if (rng.chance(keyType === 'PRODUCTION' ? 0.55 : 0.45)) {
          keys.push({
            keyType,
            consumerKey: seededKey(rng),
            keyState: 'APPROVED',
            supportedGrantTypes: ['refresh_token', 'client_credentials', 'password'],
            validityTime: weighted(rng, [
              [3600, 6],
              [86_400, 2],
              [604_800, 1],
            ] as const),
            tokenScopes: DEFAULT_TOKEN_SCOPES,
            createdTime: updated,
          })
        }
      }
    }
    rows.push({
      applicationId: rng.uuid(),
      name,
      subscriber: rng.pick(SUBSCRIBERS),
      throttlingTier: weighted(rng, [
        ['Unlimited', 1],
        ['Gold', 3],
        ['Silver', 4],
        ['Bronze', 3],
        ['10PerMin', 1],
      ] as const),
      description: rng.chance(0.8)
        ? `${titleOf(name.slice(partner.length + 1))} for ${titleOf(partner)}`
        : null,
      callbackUrl: rng.chance(0.5) ? `https://${partner}.example.com/oauth/callback` : null,
      status,
      groupId: '',
      createdTime: created,
      updatedTime: Math.max(updated, created),
      keys,
    })
  }
  return rows
}
