import * as z from 'zod/mini'
import { partialArray } from '../../lib/partial-list.ts'
import { envelope } from './envelope.ts'

const epoch = z.optional(z.nullable(z.union([z.number(), z.string()])))

export const ArtifactSchema = z.object({
  id: z.optional(z.number()),
  name: z.string(),
  fileName: z.optional(z.string()),
  fileChecksum: z.optional(z.nullable(z.string())),
  fileSize: z.optional(z.number()),
  timeUpdated: epoch,
})
export type Artifact = z.infer<typeof ArtifactSchema>

export const ServerArtifactSchema = z.object({
  id: z.number(),
  serverId: z.number(),
  artifactName: z.optional(z.string()),
  deploymentId: z.optional(z.nullable(z.number())),
  desiredStatus: z.optional(z.string()),
  lastReportedStatus: z.string(),
  message: z.optional(z.nullable(z.string())),
  discovered: z.optional(z.boolean()),
})

/**
 * A server of an application's group or cluster target, as far as the console reads it:
 * which one, its name and its status. The API embeds the full server object (the
 * list may cut it down, ADR 006); the rest is not read here, and not checking a dozen
 * fields of each member of each of 10,000 applications saves about a quarter of the
 * list's parse.
 */
export const TargetMemberSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.optional(z.string()),
})

/** The deployment target as embedded in an application: a server, group or cluster. */
export const TargetSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  status: z.optional(z.string()),
  servers: z.optional(z.array(TargetMemberSchema)),
})

export const ApplicationSchema = z.object({
  id: z.number(),
  name: z.string(),
  desiredStatus: z.string(),
  /**
   * What the runtime reports for the application or one server's copy: CREATED, INITIALISED,
   * STARTED, STOPPED, DEPLOYMENT_FAILED, DESTROYED or UNDEPLOYED.
   */
  lastReportedStatus: z.string(),
  started: z.optional(z.boolean()),
  uptime: z.optional(z.nullable(z.number())),
  artifact: ArtifactSchema,
  target: TargetSchema,
  serverArtifacts: z.optional(z.array(ServerArtifactSchema)),
  /** Application properties (choice: echoed back as sent in the `configuration` part). */
  configuration: z.optional(z.nullable(z.record(z.string(), z.string()))),
  timeCreated: epoch,
  timeUpdated: epoch,
})
export type Application = z.infer<typeof ApplicationSchema>

/** What a deploy answers: 202 with the new application's id and first status. */
export const DeployAcceptedSchema = envelope(
  z.object({
    id: z.number(),
    artifact: z.optional(ArtifactSchema),
    lastReportedStatus: z.optional(z.string()),
  }),
)

/** Artifact (application) names: 3-42 lowercase letters, digits and inner hyphens. */
export const ARTIFACT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/
export const ArtifactNameSchema = z
  .string()
  .check(
    z.minLength(3, 'Use at least 3 characters.'),
    z.maxLength(42, 'Use at most 42 characters.'),
    z.regex(
      ARTIFACT_NAME_PATTERN,
      'Use lowercase letters, digits and hyphens; start and end with a letter or digit.',
    ),
  )

/** Artifacts the runtime deploys: Mule application archives. */
export const ARTIFACT_EXTENSIONS = ['.jar', '.zip'] as const
/** Largest artifact the console sends (and the demo accepts). */
export const MAX_ARTIFACT_BYTES = 200 * 1024 * 1024

/** The `configuration` part: application properties as a flat string map. */
export const ConfigurationSchema = z.record(z.string().check(z.minLength(1)), z.string())

/** Each application parsed on its own: one malformed record does not hide the others. */
export const ApplicationListSchema = envelope(partialArray(ApplicationSchema))
export const ApplicationEnvelopeSchema = envelope(ApplicationSchema)
