import * as z from 'zod/mini'
import { IpAddressSchema, TargetNameSchema } from '../api/runtime-manager/target-schemas.ts'

/**
 * Names and addresses the demo accepts for groups, clusters and the applications a
 * removed server keeps. Only the api *schemas* are shared (the shape of a valid name or
 * IP); the rules around them are the demo's own, from the contract and ADR 007.
 */

/** Why a group or cluster name does not fit the name schema, or null when it does. */
export function targetNameProblem(name: string): string | null {
  const parsed = z.safeParse(TargetNameSchema, name)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid name.')
}

/** True for an IPv4 or IPv6 address (no zone, no port). */
export function isIpAddress(value: string): boolean {
  return z.safeParse(IpAddressSchema, value).success
}

/** Application names are at most 42 characters (the demo's limit, ADR 007). */
const MAX_APP_NAME = 42

/** Lower-case words of letters and digits joined by hyphens ("API Gateway 2" → "api-gateway-2"). */
function slug(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join('-')
}

function cut(base: string, suffix: string): string {
  return base.slice(0, MAX_APP_NAME - suffix.length).replace(/-+$/, '') + suffix
}

/**
 * The name an application keeps on a server removed from its group or cluster (ADR 007):
 * `<application>-<server>`, cut to the limit, numbered `-2`, `-3` ... while taken, because
 * application names are unique in an environment.
 */
export function keptApplicationName(
  appName: string,
  serverName: string,
  taken: (name: string) => boolean,
): string {
  const base = cut(`${appName}-${slug(serverName) || 'server'}`, '')
  let name = base
  for (let n = 2; taken(name); n++) name = cut(base, `-${n}`)
  return name
}
