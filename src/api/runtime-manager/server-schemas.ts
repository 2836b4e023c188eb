import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'
import { envelope } from './envelope.ts'

const epoch = z.optional(z.nullable(z.union([z.number(), z.string()])))

export const AddressSchema = z.object({
  ip: z.string(),
  networkInterface: z.optional(z.string()),
})

export const RuntimeInformationSchema = z.object({
  jvmInformation: z.optional(
    z.object({
      runtime: z.optional(
        z.object({
          name: z.optional(z.string()),
          version: z.optional(z.string()),
          vendor: z.optional(z.string()),
        }),
      ),
    }),
  ),
  osInformation: z.optional(
    z.object({
      name: z.optional(z.string()),
      version: z.optional(z.string()),
      architecture: z.optional(z.string()),
    }),
  ),
  timezone: z.optional(z.string()),
  encoding: z.optional(z.string()),
  availableProcessors: z.optional(z.number()),
})

export const ServerSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.optional(z.string()),
  serverType: z.optional(z.string()),
  muleVersion: z.optional(z.nullable(z.string())),
  gatewayVersion: z.optional(z.nullable(z.string())),
  agentVersion: z.optional(z.nullable(z.string())),
  /** `RUNNING`, `DISCONNECTED` or `CREATED` (registered, agent never connected; our choice). */
  status: z.string(),
  addresses: z.optional(z.array(AddressSchema)),
  timeCreated: epoch,
  timeUpdated: epoch,
  licenseExpirationDate: epoch,
  certificateExpirationDate: epoch,
  runtimeInformation: z.optional(z.nullable(RuntimeInformationSchema)),
  serverGroupId: z.optional(z.nullable(z.number())),
  serverGroupName: z.optional(z.nullable(z.string())),
  clusterId: z.optional(z.nullable(z.number())),
  clusterName: z.optional(z.nullable(z.string())),
  serverIp: z.optional(z.nullable(z.string())),
  currentClusteringIp: z.optional(z.nullable(z.string())),
  currentClusteringPort: z.optional(z.nullable(z.number())),
})
export type Server = z.infer<typeof ServerSchema>

/** Each server parsed on its own: one malformed record does not hide the others. */
export const ServerListSchema = envelope(partialArray(ServerSchema))
export const ServerEnvelopeSchema = envelope(ServerSchema)
export const RegistrationTokenSchema = envelope(z.string().check(z.minLength(1)))
