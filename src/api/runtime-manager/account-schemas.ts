import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'

/** `POST /accounts/api/v2/oauth2/token` answer. */
export const TokenSchema = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
})
export type Token = z.infer<typeof TokenSchema>

export const OrganizationRefSchema = z.object({ id: z.string(), name: z.string() })

/**
 * `GET /accounts/api/me`. `client` (choice, see ADR 004) names the connected app and its
 * scopes; a server that omits it is treated as allowing everything and left to answer 403.
 */
export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    firstName: z.optional(z.string()),
    lastName: z.optional(z.string()),
    organization: OrganizationRefSchema,
    memberOfOrganizations: z.optional(z.array(OrganizationRefSchema)),
  }),
  client: z.optional(
    z.object({
      client_id: z.string(),
      name: z.optional(z.string()),
      scopes: z.optional(z.array(z.string())),
    }),
  ),
})
export type Me = z.infer<typeof MeSchema>

export const EnvironmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.optional(z.string()),
  isProduction: z.optional(z.boolean()),
  type: z.optional(z.string()),
})
export type Environment = z.infer<typeof EnvironmentSchema>

export const EnvironmentListSchema = z.object({
  data: partialArray(EnvironmentSchema),
  total: z.optional(z.number()),
})

/** Sign-in form input. The secret is only ever held by the form while it is sent. */
export const ClientCredentialsSchema = z.object({
  clientId: z.string().check(z.trim(), z.minLength(1, 'Enter the connected app’s client ID.')),
  clientSecret: z.string().check(z.minLength(1, 'Enter the client secret.')),
})
export type ClientCredentials = z.infer<typeof ClientCredentialsSchema>
