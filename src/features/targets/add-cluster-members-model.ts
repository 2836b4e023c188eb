import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import {
  MAX_CLUSTER_SERVERS,
  type Cluster,
  type ClusterMemberBody,
} from '../../api/runtime-manager/target-schemas.ts'
import {
  memberBody,
  memberIpProblem,
  type ClusterMemberValue,
} from './create-cluster-form-model.ts'
import { joinProblem } from './target-form-model.ts'
import { t } from '../../lib/i18n.ts'

export interface AddMembersErrors {
  servers?: string
  /** Per server id: what is wrong with its IP. */
  ips?: Record<number, string>
}

export type AddMembersValidation =
  { ok: true; bodies: ClusterMemberBody[] } | { ok: false; errors: AddMembersErrors }

/** How many more servers the cluster can take (8 at most, documented). */
export function roomIn(cluster: Pick<Cluster, 'servers'>): number {
  return Math.max(0, MAX_CLUSTER_SERVERS - cluster.servers.length)
}

/** Why the cluster cannot take `count` more servers, or null when it can. */
export function capacityProblem(cluster: Pick<Cluster, 'servers'>, count: number): string | null {
  const room = roomIn(cluster)
  if (count <= room) return null
  return room === 0
    ? t('targets.cluster.full', { max: MAX_CLUSTER_SERVERS })
    : t('targets.cluster.tooManyToAdd', {
        max: MAX_CLUSTER_SERVERS,
        has: cluster.servers.length,
        room,
        count,
      })
}

/**
 * Checks servers about to join a cluster, before any request is sent: at least one, no
 * more than the cluster has room for, each still free to join, and (unicast) a valid IP
 * for each, different from the others chosen and from the members' own. Every problem is
 * reported at once.
 */
export function validateAddMembers(
  cluster: Pick<Cluster, 'servers' | 'multicastEnabled'>,
  members: readonly ClusterMemberValue[],
  servers: readonly Server[],
): AddMembersValidation {
  const errors: AddMembersErrors = {}
  const multicast = cluster.multicastEnabled === true
  if (members.length === 0) errors.servers = t('targets.cluster.chooseToAdd')
  else {
    const capacity = capacityProblem(cluster, members.length)
    const problem =
      capacity ??
      joinProblem(
        members.map((m) => m.serverId),
        servers,
      )
    if (problem) errors.servers = problem
  }

  const ips: Record<number, string> = {}
  // The member holding each IP, by name; null for another server chosen in this dialog.
  const taken = new Map<string, string | null>()
  if (!multicast)
    for (const s of cluster.servers) {
      const ip = s.serverIp ?? s.currentClusteringIp
      if (ip) taken.set(ip, s.name)
    }
  for (const m of members) {
    const problem = memberIpProblem(m.ip, multicast)
    if (problem) {
      ips[m.serverId] = problem
      continue
    }
    const ip = m.ip.trim()
    if (ip === '' || multicast) continue
    const holder = taken.get(ip)
    if (holder === null) ips[m.serverId] = t('targets.ip.takenByChosen', { ip })
    else if (holder !== undefined) ips[m.serverId] = t('targets.ip.takenBy', { ip, name: holder })
    else taken.set(ip, null)
  }
  if (Object.keys(ips).length > 0) errors.ips = ips

  if (errors.servers || errors.ips) return { ok: false, errors }
  return { ok: true, bodies: members.map(memberBody) }
}
