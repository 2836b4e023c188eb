import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'
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

/** Each group or cluster parsed on its own: one malformed record does not hide the others. */
export const ServerGroupListSchema = envelope(partialArray(ServerGroupSchema))
export const ClusterListSchema = envelope(partialArray(ClusterSchema))
export const ServerGroupEnvelopeSchema = envelope(ServerGroupSchema)
export const ClusterEnvelopeSchema = envelope(ClusterSchema)

/**
 * Which members each node sees, as the demo reports it: node id → ids it sees. The
 * contract names `visibilityMap` without its shape, so the console reads it through this
 * schema and shows "not reported" when a server answers something else.
 */
export const VisibilityMapSchema = z.record(z.string(), z.array(z.number()))

/** Most servers a cluster may hold (documented). */
export const MAX_CLUSTER_SERVERS = 8

/** Group and cluster names (choice, ADR 007): 1-60 letters, digits, dots, dashes, underscores. */
export const TargetNameSchema = z
  .string()
  .check(
    z.minLength(1, 'Enter a name.'),
    z.maxLength(60, 'Use at most 60 characters.'),
    z.regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'Use letters, digits, dots, dashes and underscores, starting with a letter or digit.',
    ),
  )

/** A clustering address: IPv4 or IPv6, without a zone or port. */
export const IpAddressSchema = z.union([z.ipv4(), z.ipv6()])

/** `POST /serverGroups`. */
export const CreateServerGroupBodySchema = z.object({
  name: z.string(),
  serverIds: z.array(z.number()),
})
export type CreateServerGroupBody = z.infer<typeof CreateServerGroupBodySchema>

/** One member of a cluster as sent: its IP is required for unicast, optional for multicast. */
const ClusterMemberBodySchema = z.object({
  serverId: z.number(),
  serverIp: z.optional(z.nullable(z.string())),
})
export type ClusterMemberBody = z.infer<typeof ClusterMemberBodySchema>

/**
 * `POST /clusters`. The vendor's own examples send `multicastEnabled` as the strings
 * "true"/"false", so the schema accepts both; the console itself sends a boolean.
 */
export const CreateClusterBodySchema = z.object({
  name: z.string(),
  multicastEnabled: z.union([z.boolean(), z.enum(['true', 'false'])]),
  servers: z.array(ClusterMemberBodySchema),
})
export type CreateClusterBody = z.infer<typeof CreateClusterBodySchema>

/** `POST /clusters/{id}/servers` (the body is a choice, see the contract). */
export const AddClusterServerBodySchema = ClusterMemberBodySchema
