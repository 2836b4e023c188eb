import * as z from 'zod/mini'
import { t } from '../../lib/i18n.ts'
import type { Server } from './server-schemas.ts'
import { IpAddressSchema, TargetNameSchema, VisibilityMapSchema } from './target-schemas.ts'

/**
 * The console's rules for server groups and clusters (multi-server deployment targets),
 * shared by both pages. Pure: no React, no requests; its only words come from the shared
 * catalog. The demo backend keeps its own (src/demo/target-names.ts), sharing only the
 * schemas, so that it can disagree with a console bug.
 */

/** True for an IPv4 or IPv6 address (no zone, no port). */
export function isIpAddress(value: string): boolean {
  return z.safeParse(IpAddressSchema, value).success
}

/**
 * Why a group or cluster name cannot be used, in the name schema's English, or null when
 * it can. The console shows it through `problemText` (lib/problem-text.ts).
 */
export function targetNameProblem(name: string): string | null {
  const parsed = z.safeParse(TargetNameSchema, name)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid name.')
}

/**
 * The name of the server group or cluster that has this name already (they share one
 * namespace per environment, compared without case), or null when none has it. The
 * console says why in the operator's language (features/targets/target-form-model.ts).
 */
export function targetNameClash(name: string, takenNames: readonly string[]): string | null {
  const lower = name.trim().toLowerCase()
  return takenNames.find((n) => n.toLowerCase() === lower) ?? null
}

export interface MemberRollup {
  running: number
  total: number
  /** "2 of 3 running", "No servers". */
  text: string
}

/** How many members are running: the one-line health of a group or cluster. */
export function memberRollup(servers: readonly Pick<Server, 'status'>[]): MemberRollup {
  const running = servers.filter((s) => s.status === 'RUNNING').length
  const total = servers.length
  return {
    running,
    total,
    text: total === 0 ? 'No servers' : `${running} of ${total} running`,
  }
}

/** The roll-up status of a set of members, in the API's words (as the demo reports it). */
export type RollupStatus = 'RUNNING' | 'PARTIALLY_RUNNING' | 'DISCONNECTED'

/** All running, some running, or none: the facet a list of groups or clusters filters on. */
export function rollupStatus(servers: readonly Pick<Server, 'status'>[]): RollupStatus {
  const { running, total } = memberRollup(servers)
  if (total > 0 && running === total) return 'RUNNING'
  return running > 0 ? 'PARTIALLY_RUNNING' : 'DISCONNECTED'
}

/** The group or cluster a server is in: its id, and its name (or words for its id when the server omits the name). */
export interface Membership {
  kind: 'group' | 'cluster'
  id: number
  name: string
}

/**
 * The group or cluster a server is in already, so that it cannot join another, or null.
 * A server belongs to at most one group or cluster (documented). The servers pages show
 * it; the targets pages say why a server cannot join (features/targets/target-form-model.ts).
 * A name the server omits is worded in the language shown ("Group 7").
 */
export function membershipOf(server: Server): Membership | null {
  if (server.serverGroupId != null)
    return {
      kind: 'group',
      id: server.serverGroupId,
      name:
        server.serverGroupName ?? t('ui.membership.groupFallback', { id: server.serverGroupId }),
    }
  if (server.clusterId != null)
    return {
      kind: 'cluster',
      id: server.clusterId,
      name: server.clusterName ?? t('ui.membership.clusterFallback', { id: server.clusterId }),
    }
  return null
}

const MAX_APP_NAME = 42

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

function fit(base: string, suffix: string): string {
  const room = MAX_APP_NAME - suffix.length
  return base.slice(0, room).replace(/-+$/, '') + suffix
}

/**
 * The name an application keeps on a server removed from its group or cluster (choice,
 * ADR 007): the server keeps the application as one of its own, and application names
 * are unique in an environment, so it becomes `<application>-<server>`, cut to the
 * 42-character limit and numbered when that name is taken.
 */
export function keptApplicationName(
  appName: string,
  serverName: string,
  taken: (name: string) => boolean = () => false,
): string {
  const server = slug(serverName) || 'server'
  const base = fit(`${appName}-${server}`, '')
  if (!taken(base)) return base
  for (let n = 2; ; n++) {
    const candidate = fit(base, `-${n}`)
    if (!taken(candidate)) return candidate
  }
}

/** Reads a cluster's `visibilityMap`; null when the server reports none or another shape. */
export function readVisibility(value: unknown): Map<number, ReadonlySet<number>> | null {
  const parsed = z.safeParse(VisibilityMapSchema, value)
  if (!parsed.success) return null
  const out = new Map<number, ReadonlySet<number>>()
  for (const [node, seen] of Object.entries(parsed.data)) {
    if (/^\d+$/.test(node)) out.set(Number(node), new Set(seen))
  }
  return out
}
