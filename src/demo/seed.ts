import { grantedScopeNames, type DemoRole } from './scopes.ts'
import { createRng, type Rng } from './rng.ts'
import type {
  ApplicationRow,
  ClusterRow,
  DemoIdentity,
  EnvironmentRow,
  FleetSize,
  GroupRow,
  Organization,
  ServerRow,
} from './model.ts'

/** Everything the demo starts from. Generated, never stored: the same seed gives the same fleet. */
export interface SeedData {
  organization: Organization
  environments: EnvironmentRow[]
  servers: ServerRow[]
  groups: GroupRow[]
  clusters: ClusterRow[]
  applications: ApplicationRow[]
  /** The next free id after the seeded records (ids share one space across types). */
  nextId: number
}

const DAY = 86_400_000
const SEED = 20_261_123

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  identity('Administrator', 'ada', 'Lovelace'),
  identity('Operator', 'otto', 'Neumann'),
  identity('Monitor', 'mona', 'Berg'),
]

function identity(role: DemoRole, first: string, last: string): DemoIdentity {
  const slug = role.toLowerCase()
  return {
    role,
    clientId: `demo-${slug}`,
    clientSecret: `demo-${slug}-secret`,
    name: `${role} (demo connected app)`,
    userId: `u-${slug}-0001`,
    username: `${first}.${last}`.toLowerCase(),
    firstName: first[0]?.toUpperCase() + first.slice(1),
    lastName: last,
    scopes: grantedScopeNames(role),
  }
}

interface EnvPlan {
  name: string
  short: string
  type: 'production' | 'sandbox'
  servers: number
  groups: number
  groupSize: number
  clusters: number
  clusterSize: number
  applications: number
}

/** The QA environment is empty in either fleet. */
const EMPTY_QA: EnvPlan = {
  name: 'QA',
  short: 'qa',
  type: 'sandbox',
  servers: 0,
  groups: 0,
  groupSize: 0,
  clusters: 0,
  clusterSize: 0,
  applications: 0,
}

const PLANS: Record<FleetSize, EnvPlan[]> = {
  small: [
    {
      name: 'Production',
      short: 'prd',
      type: 'production',
      servers: 24,
      groups: 3,
      groupSize: 3,
      clusters: 2,
      clusterSize: 3,
      applications: 36,
    },
    {
      name: 'Sandbox',
      short: 'sbx',
      type: 'sandbox',
      servers: 8,
      groups: 1,
      groupSize: 2,
      clusters: 0,
      clusterSize: 0,
      applications: 10,
    },
    EMPTY_QA,
  ],
  large: [
    {
      name: 'Production',
      short: 'prd',
      type: 'production',
      servers: 2000,
      groups: 150,
      groupSize: 3,
      clusters: 60,
      clusterSize: 4,
      applications: 10_000,
    },
    {
      name: 'Sandbox',
      short: 'sbx',
      type: 'sandbox',
      servers: 40,
      groups: 4,
      groupSize: 2,
      clusters: 2,
      clusterSize: 2,
      applications: 60,
    },
    EMPTY_QA,
  ],
}

const REGIONS = ['eu-west', 'eu-central', 'us-east', 'us-west', 'ap-south'] as const
const MULE_VERSIONS = ['4.4.0', '4.6.4', '4.8.2', '4.9.1'] as const
const GATEWAY_VERSIONS = ['4.4.0', '4.6.4'] as const
const AGENT_VERSIONS = ['2.5.4', '2.6.2', '2.7.0'] as const
const JVMS = [
  { name: 'OpenJDK Runtime Environment', version: '17.0.12+7', vendor: 'Eclipse Adoptium' },
  { name: 'OpenJDK Runtime Environment', version: '11.0.24+8', vendor: 'Eclipse Adoptium' },
  {
    name: 'Java(TM) SE Runtime Environment',
    version: '17.0.11+7-LTS-207',
    vendor: 'Oracle Corporation',
  },
] as const
const OSES = [
  { name: 'Linux', version: '5.15.0-119-generic', architecture: 'amd64' },
  { name: 'Linux', version: '6.1.0-25-amd64', architecture: 'amd64' },
  { name: 'Windows Server 2022', version: '10.0', architecture: 'amd64' },
] as const
const DOMAINS = [
  'orders',
  'payments',
  'customers',
  'inventory',
  'shipping',
  'billing',
  'catalog',
  'pricing',
  'loyalty',
  'notifications',
  'accounts',
  'identity',
  'reporting',
  'claims',
  'quotes',
  'policies',
  'search',
  'returns',
  'fraud',
  'ledger',
] as const
const LAYERS = ['sapi', 'papi', 'xapi', 'sync', 'batch', 'listener', 'events'] as const
const FAILURES = [
  'Deployment failed: could not resolve placeholder ${db.password}',
  'Deployment failed: port 8081 is already in use',
  'Deployment failed: artifact is not a valid Mule application (mule-artifact.json missing)',
] as const

function pad(n: number, width: number) {
  return String(n).padStart(width, '0')
}

function hexString(rng: Rng, length: number) {
  let s = ''
  for (let i = 0; i < length; i++) s += Math.floor(rng.next() * 16).toString(16)
  return s
}

/** Builds the whole demo world for a fleet size, relative to `anchor` (the demo's first start). */
export function generateSeed(fleet: FleetSize, anchor: number): SeedData {
  const rng = createRng(SEED + (fleet === 'large' ? 1 : 0))
  let nextId = 100_001
  const newId = () => nextId++
  const organization: Organization = { id: rng.uuid(), name: 'Acme Logistics' }
  const environments: EnvironmentRow[] = []
  const servers: ServerRow[] = []
  const groups: GroupRow[] = []
  const clusters: ClusterRow[] = []
  const applications: ApplicationRow[] = []

  for (const plan of PLANS[fleet]) {
    const env: EnvironmentRow = {
      id: rng.uuid(),
      name: plan.name,
      organizationId: organization.id,
      isProduction: plan.type === 'production',
      type: plan.type,
    }
    environments.push(env)
    const envServers: ServerRow[] = []
    const counters = new Map<string, number>()
    for (let i = 0; i < plan.servers; i++) {
      const gateway = rng.chance(0.12)
      const region = rng.pick(REGIONS)
      const kind = gateway ? 'gw' : 'mule'
      const counterKey = `${kind}-${region}`
      const n = (counters.get(counterKey) ?? 0) + 1
      counters.set(counterKey, n)
      const created = anchor - rng.int(20, 900) * DAY
      const statusRoll = rng.next()
      const status = statusRoll < 0.86 ? 'RUNNING' : statusRoll < 0.97 ? 'DISCONNECTED' : 'CREATED'
      const subnet = REGIONS.indexOf(region) + 10
      const addresses = [
        { ip: `10.${subnet}.${rng.int(0, 31)}.${rng.int(2, 254)}`, networkInterface: 'eth0' },
      ]
      if (rng.chance(0.2))
        addresses.push({
          ip: `172.20.${rng.int(0, 255)}.${rng.int(2, 254)}`,
          networkInterface: 'eth1',
        })
      const licenceDays = rng.chance(0.06) ? rng.int(-20, 25) : rng.int(60, 700)
      const certDays = rng.chance(0.07) ? rng.int(-10, 28) : rng.int(45, 365)
      const server: ServerRow = {
        id: newId(),
        envId: env.id,
        name: `${plan.short}-${kind}-${region}-${pad(n, plan.servers > 99 ? 3 : 2)}`,
        type: 'SERVER',
        serverType: gateway ? 'GATEWAY' : 'MULE',
        muleVersion: gateway ? null : rng.pick(MULE_VERSIONS),
        gatewayVersion: gateway ? rng.pick(GATEWAY_VERSIONS) : null,
        agentVersion: status === 'CREATED' ? null : rng.pick(AGENT_VERSIONS),
        status,
        addresses: status === 'CREATED' ? [] : addresses,
        timeCreated: created,
        timeUpdated:
          status === 'RUNNING' ? anchor - rng.int(1, 3600) * 1000 : created + rng.int(1, 15) * DAY,
        licenseExpirationDate: anchor + licenceDays * DAY,
        certificateExpirationDate: anchor + certDays * DAY,
        runtimeInformation:
          status === 'CREATED'
            ? null
            : {
                jvmInformation: { runtime: rng.pick(JVMS) },
                osInformation: rng.pick(OSES),
                timezone: rng.pick(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata']),
                encoding: 'UTF-8',
                availableProcessors: rng.pick([2, 4, 8, 16]),
              },
      }
      envServers.push(server)
    }
    servers.push(...envServers)

    // Groups and clusters take their members from the front of a shuffled pool, so no
    // server belongs to two of them.
    const pool = envServers.filter((s) => s.serverType === 'MULE' && s.status !== 'CREATED')
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1))
      const a = pool[i]
      const b = pool[j]
      if (a && b) {
        pool[i] = b
        pool[j] = a
      }
    }
    let cursor = 0
    const take = (count: number) => {
      const members = pool.slice(cursor, cursor + count)
      cursor += members.length
      return members
    }
    for (let g = 0; g < plan.groups; g++) {
      const members = take(plan.groupSize)
      if (members.length === 0) break
      const created = anchor - rng.int(10, 400) * DAY
      groups.push({
        id: newId(),
        envId: env.id,
        name: `${plan.short}-${rng.pick(DOMAINS)}-group-${pad(g + 1, 2)}`,
        serverIds: members.map((s) => s.id),
        timeCreated: created,
        timeUpdated: created + rng.int(0, 9) * DAY,
      })
    }
    for (let c = 0; c < plan.clusters; c++) {
      const members = take(plan.clusterSize)
      if (members.length === 0) break
      const multicast = rng.chance(0.4)
      const created = anchor - rng.int(10, 400) * DAY
      clusters.push({
        id: newId(),
        envId: env.id,
        name: `${plan.short}-${rng.pick(DOMAINS)}-cluster-${pad(c + 1, 2)}`,
        multicastEnabled: multicast,
        members: members.map((s) => ({ serverId: s.id, serverIp: s.addresses?.[0]?.ip ?? '' })),
        primaryNodeId: members[0]?.id ?? null,
        timeCreated: created,
        timeUpdated: created + rng.int(0, 9) * DAY,
      })
    }

    // Applications: most on single servers, some on groups and clusters.
    const groupedIds = new Set(pool.slice(0, cursor).map((s) => s.id))
    const loneServers = envServers.filter((s) => !groupedIds.has(s.id) && s.status !== 'CREATED')
    const envGroups = groups.filter((g) => g.envId === env.id)
    const envClusters = clusters.filter((c) => c.envId === env.id)
    const serverById = new Map(envServers.map((s) => [s.id, s]))
    const usedNames = new Set<string>()
    for (let a = 0; a < plan.applications; a++) {
      const roll = rng.next()
      let targetId: number
      let memberIds: number[]
      if (roll < 0.25 && envGroups.length > 0) {
        const group = rng.pick(envGroups)
        targetId = group.id
        memberIds = group.serverIds
      } else if (roll < 0.4 && envClusters.length > 0) {
        const cluster = rng.pick(envClusters)
        targetId = cluster.id
        memberIds = cluster.members.map((m) => m.serverId)
      } else if (loneServers.length > 0) {
        const server = rng.pick(loneServers)
        targetId = server.id
        memberIds = [server.id]
      } else break
      let name = `${rng.pick(DOMAINS)}-${rng.pick(LAYERS)}`
      if (usedNames.has(name)) name = `${name}-${pad(a, plan.applications > 999 ? 5 : 3)}`
      usedNames.add(name)
      const version = `${rng.int(1, 4)}.${rng.int(0, 12)}.${rng.int(0, 9)}`
      const stopped = rng.chance(0.08)
      const failed = !stopped && rng.chance(0.04)
      const created = anchor - rng.int(1, 300) * DAY
      const updated = created + rng.int(0, 20) * DAY
      const deploymentId = newId()
      const serverArtifacts = memberIds.map((serverId) => {
        const server = serverById.get(serverId)
        const disconnected = server?.status !== 'RUNNING'
        const status = failed
          ? 'DEPLOYMENT_FAILED'
          : stopped
            ? 'STOPPED'
            : disconnected
              ? 'STOPPED'
              : 'STARTED'
        return {
          id: newId(),
          serverId,
          desiredStatus: stopped ? 'STOPPED' : 'STARTED',
          lastReportedStatus: status,
          message: failed
            ? rng.pick(FAILURES)
            : disconnected && !stopped
              ? 'Server is disconnected'
              : null,
          deploymentId,
        }
      })
      applications.push({
        id: newId(),
        envId: env.id,
        name,
        targetId,
        desiredStatus: stopped ? 'STOPPED' : 'STARTED',
        lastReportedStatus: failed ? 'DEPLOYMENT_FAILED' : stopped ? 'STOPPED' : 'STARTED',
        artifact: {
          id: newId(),
          name,
          fileName: `${name}-${version}-mule-application.jar`,
          fileChecksum: hexString(rng, 40),
          fileSize: rng.int(1_500_000, 60_000_000),
          timeUpdated: updated,
        },
        configuration: rng.chance(0.5) ? { 'http.port': '8081', env: plan.short } : {},
        serverArtifacts,
        timeCreated: created,
        timeUpdated: updated,
        startedAt: stopped || failed ? null : anchor - rng.int(1, 30 * 24) * 3_600_000,
      })
    }
  }
  return { organization, environments, servers, groups, clusters, applications, nextId }
}
