import type { KeyType } from '../../api/app-store/client-app-schemas.ts'

/**
 * One key set as the demo store keeps it. There is no secret and no access token here:
 * they are handed out once in the generate-keys answer and never stored (ADR 009), so
 * nothing in the browser's storage can leak them later.
 */
export interface StoreKeyRow {
  keyType: KeyType
  consumerKey: string
  keyState: string
  supportedGrantTypes: string[]
  /** Access token validity in seconds, as asked when the keys were generated. */
  validityTime: number
  tokenScopes: string[]
  createdTime: number
}

/** A client application as the demo store keeps it. */
export interface StoreAppRow {
  applicationId: string
  name: string
  subscriber: string
  throttlingTier: string
  description: string | null
  callbackUrl: string | null
  status: string
  groupId: string
  createdTime: number
  updatedTime: number
  /** Approval workflow (lifecycle clock): when an ON_HOLD application becomes APPROVED. */
  approveAt?: number
  keys: StoreKeyRow[]
}

/** A throttling tier offered to applications. */
export interface TierRow {
  name: string
  description: string
  tierLevel: 'application'
  requestCount: number
  unitTime: number
  stopOnQuotaReach: boolean
  tierPlan: 'FREE' | 'COMMERCIAL'
}
