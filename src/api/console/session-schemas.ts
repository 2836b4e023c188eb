import * as z from 'zod/mini'
import type * as Contract from '../../../server/contract.ts'

/** One family's sign-in as the console's server reports it (never a token or a secret). */
export const FamilyStateSchema = z.union([
  z.object({ signedIn: z.literal(false) }),
  z.object({
    signedIn: z.literal(true),
    username: z.string(),
    expiresAt: z.nullable(z.number()),
  }),
])
export type FamilyState = z.infer<typeof FamilyStateSchema>

/** `GET /console-api/session` (live mode). */
export const SessionStateSchema = z.object({
  mode: z.literal('live'),
  families: z.object({
    arm: FamilyStateSchema,
    mfp: FamilyStateSchema,
    store: FamilyStateSchema,
  }),
  idleExpiresAt: z.nullable(z.number()),
})

/** `POST /console-api/session/arm`: a connected app's client credentials. */
export const ArmCredentialsSchema = z.object({
  clientId: z.string().check(z.trim(), z.minLength(1, 'Enter the connected app’s client ID.')),
  clientSecret: z.string().check(z.minLength(1, 'Enter the client secret.')),
})
export type ArmCredentials = z.infer<typeof ArmCredentialsSchema>

/** `POST /console-api/session/mfp` and `/store`: a user of that system. */
export const UserCredentialsSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1, 'Enter the user name.')),
  password: z.string().check(z.minLength(1, 'Enter the password.')),
})
export type UserCredentials = z.infer<typeof UserCredentialsSchema>

// The schemas are the agreed contract (server/contract.ts), checked both ways at compile time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const familyStateMatches: Same<FamilyState, Contract.FamilyState> = true
const sessionStateMatches: Same<z.infer<typeof SessionStateSchema>, Contract.SessionState> = true
void familyStateMatches
void sessionStateMatches
