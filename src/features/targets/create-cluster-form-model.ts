import { isIpAddress } from '../../api/runtime-manager/target-rules.ts'
import {
  MAX_CLUSTER_SERVERS,
  type ClusterMemberBody,
  type CreateClusterBody,
} from '../../api/runtime-manager/target-schemas.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import type { Validation } from '../../components/form/use-form.ts'
import { joinProblem, newTargetNameProblem } from './target-form-model.ts'
import { t } from '../../lib/i18n.ts'

export interface ClusterMemberValue {
  serverId: number
  /** The clustering IP as typed. */
  ip: string
}

export interface CreateClusterValues {
  name: string
  multicast: boolean
  members: ClusterMemberValue[]
}

export interface CreateClusterErrors {
  name?: string
  servers?: string
  /** Per server id: what is wrong with its IP. */
  ips?: Record<number, string>
}

/** The form kit's check (ADR 021): the create request's body, or a message per field. */
export type CreateClusterValidation = Validation<CreateClusterErrors, CreateClusterBody>

/** The eight 16-bit groups of an IPv6 address (valid syntax assumed), or null. */
function ipv6Groups(ip: string): number[] | null {
  // An IPv4 tail (`::ffff:127.0.0.1`) is the last two groups written another way.
  const text = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)]
      .map((g) => g.toString(16))
      .join(':'),
  )
  const [head = '', rest] = text.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const first = parse(head)
  const last = rest === undefined ? [] : parse(rest)
  const fill = 8 - first.length - last.length
  if (fill < 0 || (rest === undefined && fill !== 0)) return null
  return [...first, ...Array<number>(fill).fill(0), ...last]
}

/**
 * Loopback (127.0.0.0/8, ::1) and unspecified (0.0.0.0, ::) addresses are valid syntax
 * but no other server can reach a node there: say which one it is, or null.
 */
export function specialAddressKind(ip: string): 'loopback' | 'unspecified' | null {
  if (!ip.includes(':')) {
    const octets = ip.split('.').map(Number)
    if (octets[0] === 127) return 'loopback'
    return octets.every((o) => o === 0) ? 'unspecified' : null
  }
  const groups = ipv6Groups(ip)
  if (!groups) return null
  if (groups.every((g) => g === 0)) return 'unspecified'
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback'
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6)
    return specialAddressKind(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`)
  }
  return null
}

/**
 * Why one member's clustering IP cannot be used, or null. Unicast clusters need every
 * server's IP (documented); multicast ones find each other, so an IP is optional there,
 * but one given must still be an address the other members can reach.
 */
export function memberIpProblem(ip: string, multicast: boolean): string | null {
  const value = ip.trim()
  if (value === '') return multicast ? null : t('targets.ip.required')
  if (!isIpAddress(value)) return t('targets.ip.invalid', { ip: value })
  const kind = specialAddressKind(value)
  if (kind === 'loopback') return t('targets.ip.loopback', { ip: value })
  if (kind === 'unspecified') return t('targets.ip.unspecified', { ip: value })
  return null
}

/** One member as sent: an empty multicast IP is left out. */
export function memberBody(member: ClusterMemberValue): ClusterMemberBody {
  const ip = member.ip.trim()
  return ip === '' ? { serverId: member.serverId } : { serverId: member.serverId, serverIp: ip }
}

/**
 * Checks the create-cluster form: a valid, unused name; 1 to 8 individual servers; for
 * unicast a valid, distinct IP for every server. Every problem is reported at once.
 */
export function validateCreateCluster(
  values: CreateClusterValues,
  servers: readonly Server[],
  takenNames: readonly string[],
): CreateClusterValidation {
  const errors: CreateClusterErrors = {}
  const name = values.name.trim()
  const nameError = newTargetNameProblem(name, takenNames)
  if (nameError) errors.name = nameError

  const count = values.members.length
  if (count === 0) errors.servers = t('targets.cluster.chooseOne')
  else if (count > MAX_CLUSTER_SERVERS)
    errors.servers = t('targets.cluster.tooMany', { max: MAX_CLUSTER_SERVERS, count })
  else {
    const problem = joinProblem(
      values.members.map((m) => m.serverId),
      servers,
    )
    if (problem) errors.servers = problem
  }

  const ips: Record<number, string> = {}
  const seen = new Map<string, number>()
  for (const m of values.members) {
    const problem = memberIpProblem(m.ip, values.multicast)
    if (problem) {
      ips[m.serverId] = problem
      continue
    }
    const ip = m.ip.trim()
    if (ip === '' || values.multicast) continue
    if (seen.has(ip)) ips[m.serverId] = t('targets.ip.duplicate', { ip })
    else seen.set(ip, m.serverId)
  }
  if (Object.keys(ips).length > 0) errors.ips = ips

  if (errors.name || errors.servers || errors.ips) return { ok: false, errors }
  return {
    ok: true,
    input: {
      name,
      multicastEnabled: values.multicast,
      servers: values.members.map(memberBody),
    },
  }
}
