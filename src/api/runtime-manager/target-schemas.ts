import * as z from 'zod/mini'
import { envelope } from './envelope.ts'
import { ServerSchema } from './server-schemas.ts'

const epoch = z.optional(z.nullable(z.union([z.number(), z.string()])))

export const ServerGroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.optional(z.string()),
  status: z.optional(z.string()),
  servers: z.array(ServerSchema),
  timeCreated: epoch,
  timeUpdated: epoch,
})
export type ServerGroup = z.infer<typeof ServerGroupSchema>

export const ClusterSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.optional(z.string()),
  status: z.optional(z.string()),
  multicastEnabled: z.optional(z.boolean()),
  primaryNodeId: z.optional(z.nullable(z.number())),
  servers: z.array(ServerSchema),
  visibilityMap: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  timeCreated: epoch,
  timeUpdated: epoch,
})
export type Cluster = z.infer<typeof ClusterSchema>

export const ServerGroupListSchema = envelope(z.array(ServerGroupSchema))
export const ClusterListSchema = envelope(z.array(ClusterSchema))
