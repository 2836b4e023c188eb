import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { EnvScope } from '../../lib/describe-request.ts'
import type { Verify } from '../../lib/outcome.ts'
import { applicationQueries } from './applications.ts'
import type { Server } from './server-schemas.ts'
import { isServerTransitional, serverQueries } from './servers.ts'

// Polling and refreshing shared by server groups and clusters; the pure rules are in
// target-rules.ts (no React Query there).

/** Polling while a member waits for its agent; otherwise a slow heartbeat. */
export const TARGET_POLL_FAST_MS = 5_000
export const TARGET_POLL_IDLE_MS = 30_000

/** Fast polling while any member is about to change status on its own. */
export function targetPollInterval(target: { servers: readonly Server[] } | undefined): number {
  return target?.servers.some((s) => isServerTransitional(s))
    ? TARGET_POLL_FAST_MS
    : TARGET_POLL_IDLE_MS
}

/**
 * What a membership change touches: the target lists, the servers (their membership
 * fields) and the applications (copies added to or kept by a server). Resolves once
 * every visible query has its fresh answer, so buttons stay busy until then.
 */
export function useRefreshAfterMembershipChange(scope: EnvScope) {
  const queryClient = useQueryClient()
  return (targetKey: readonly unknown[]) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: targetKey }),
      queryClient.invalidateQueries({ queryKey: serverQueries.all(scope) }),
      queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) }),
    ])
}

/**
 * The applications deployed to a group or cluster itself, fetched only while `enabled`
 * (a confirmation is open). The list filtered by target also holds applications that a
 * member runs through another target, so `own` keeps those whose target is this one.
 */
export function useOwnApplications(scope: EnvScope, targetId: number, enabled: boolean) {
  const apps = useQuery({ ...applicationQueries.list(scope, { targetId }), enabled })
  return { ...apps, own: (apps.data?.items ?? []).filter((a) => a.target.id === targetId) }
}

/**
 * Reads back a membership change whose answer was lost: `member` says what the change
 * wanted (true: the server joined; false: it left). Applied when the target's members
 * now say so.
 */
export function verifyMembership(
  read: () => Promise<{ servers: ReadonlyArray<{ id: number }> }>,
  serverId: number,
  member: boolean,
): Verify<unknown> {
  return async () => {
    const target = await read()
    return target.servers.some((s) => s.id === serverId) === member ? true : null
  }
}

/** Reads back a create whose answer was lost: the target of that name, if it now exists. */
export function verifyCreatedByName<T extends { name: string }>(
  list: () => Promise<readonly T[]>,
  name: string,
): Verify<{ data: T }> {
  return async () => {
    const found = (await list()).find((t) => t.name === name)
    return found ? { data: found } : null
  }
}
