import {
  addClusterServerRequest,
  clusterQueries,
  CLUSTERS,
  listClusters,
} from '../../api/runtime-manager/clusters.ts'
import { memberRollup, readVisibility } from '../../api/runtime-manager/target-rules.ts'
import {
  MAX_CLUSTER_SERVERS,
  type Cluster,
  type CreateClusterBody,
} from '../../api/runtime-manager/target-schemas.ts'
import { apiMessage, ApiText } from '../../components/api-text.tsx'
import { CellLink } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { listText } from '../../lib/list-text.ts'
import { paths } from '../../lib/paths.ts'
import { roomIn, validateAddMembers } from './add-cluster-members-model.ts'
import { ClusterSections, primaryName } from './cluster-sections.tsx'
import { memberBody, validateCreateCluster } from './create-cluster-form-model.ts'
import { RollupBadge } from './rollup-badge.tsx'
import { statusColumn } from './status-column.tsx'
import type { AddNoticeInput, TargetKindSpec } from './target-kind.ts'

/** Clusters: up to 8 servers running each application as one, with clustering addresses. */
export const CLUSTER: TargetKindSpec<Cluster, CreateClusterBody> = {
  kind: 'cluster',
  auditKind: 'cluster',
  api: {
    resource: CLUSTERS,
    queries: clusterQueries,
    list: listClusters,
    addRequest: (scope, clusterId, member, label) =>
      addClusterServerRequest(scope, clusterId, memberBody(member), label),
  },
  list: {
    rules: {
      sortKeys: ['name', 'status', 'mode', 'servers', 'primary', 'created'],
      sortValue: (c, id) =>
        id === 'mode'
          ? c.multicastEnabled
            ? 'multicast'
            : 'unicast'
          : id === 'primary'
            ? primaryName(c)
            : undefined,
      memberWords: (s) => [s.name, s.serverIp ?? '', ...(s.addresses ?? []).map((a) => a.ip)],
      filter: {
        param: 'mode',
        label: 'Mode',
        options: [
          { value: '', label: 'Multicast and unicast' },
          { value: 'multicast', label: 'Multicast' },
          { value: 'unicast', label: 'Unicast' },
        ],
        matches: (c, mode) => (mode === 'multicast') === (c.multicastEnabled === true),
      },
    },
    columns: (envId) =>
      columnTable({
        name: ['Name', '24%', (c) => <CellLink to={paths.cluster(envId, c.id)}>{c.name}</CellLink>],
        status: ['Members running', '15%', (c) => <RollupBadge servers={c.servers} />],
        mode: ['Mode', '11%', (c) => (c.multicastEnabled ? 'Multicast' : 'Unicast')],
        servers: ['Servers', '12%', (c) => `${c.servers.length} of ${MAX_CLUSTER_SERVERS}`],
        primary: [
          'Primary node',
          '20%',
          (c) => primaryName(c) || <span className="muted">None reported</span>,
        ],
        created: ['Created', '18%', (c) => formatDateTime(toEpochMs(c.timeCreated))],
      }),
    placeholder: 'Filter by name, member or IP…',
    emptyText: `A cluster runs each application on all of its servers as one, sharing state between them. Create one from up to ${MAX_CLUSTER_SERVERS} individual servers.`,
  },
  page: {
    subtitle: (c) =>
      `${c.multicastEnabled ? 'Multicast' : 'Unicast'} cluster · ${memberRollup(c.servers).total} of ${MAX_CLUSTER_SERVERS} servers`,
    sections: (c) => <ClusterSections cluster={c} />,
    memberColumns: [
      statusColumn(160),
      {
        header: 'Clustering IP',
        mono: true,
        cell: (s) => s.currentClusteringIp ?? s.serverIp ?? '—',
      },
      { header: 'Port', width: 90, mono: true, cell: (s) => s.currentClusteringPort ?? '—' },
      {
        header: 'Role',
        width: 100,
        cell: (s, c) => (c.primaryNodeId === s.id ? <strong>Primary</strong> : 'Member'),
      },
      {
        header: 'Sees',
        width: 150,
        cell: (s, c) => {
          const total = c.servers.length
          const seen = readVisibility(c.visibilityMap)?.get(s.id)
          const others = seen ? [...seen].filter((id) => id !== s.id).length : null
          return others === null
            ? 'Not reported'
            : `${others} of ${total - 1} other${total - 1 === 1 ? '' : 's'}`
        },
      },
    ],
    addPermission: (c, canManage) => {
      if (!canManage.allowed) return canManage
      if (c.servers.length >= MAX_CLUSTER_SERVERS)
        return {
          allowed: false,
          reason: `The cluster has ${MAX_CLUSTER_SERVERS} servers, the most a cluster can hold.`,
        }
      return { allowed: true }
    },
    removeNote: (c, server) => (
      <>
        <ApiText>{server.name}</ApiText> leaves the cluster and becomes an individual server.
        {c.primaryNodeId === server.id &&
          ' It is the primary node: another running member takes that role.'}
      </>
    ),
    bulkRemoveNote: (c, selected) => {
      const primary = selected.find((s) => s.id === c.primaryNodeId)
      return primary
        ? apiMessage`${primary.name} is the primary node: another running member takes that role.`
        : undefined
    },
  },
  add: {
    description: (c) =>
      `${c.multicastEnabled === true ? 'Multicast' : 'Unicast'} cluster · ${c.servers.length} of ${MAX_CLUSTER_SERVERS} servers`,
    limit: (c) => {
      const room = roomIn(c)
      return {
        max: room,
        reason: `The cluster has ${c.servers.length} of ${MAX_CLUSTER_SERVERS} servers, so ${room} more at most: unselect one to choose this one.`,
      }
    },
    memberIps: true,
    validate: validateAddMembers,
    notice: addNotice,
  },
  create: {
    title: 'Create a cluster',
    description:
      'The servers of a cluster run each application as one: its instances know each other and share state.',
    nameId: 'cluster-name',
    nameLabel: 'Cluster name',
    submit: 'Create cluster',
    errorTitle: 'The cluster was not created',
    clustering: true,
    limit: {
      max: MAX_CLUSTER_SERVERS,
      reason: `A cluster holds at most ${MAX_CLUSTER_SERVERS} servers: unselect one to choose this one.`,
    },
    validate: validateCreateCluster,
  },
}

/** What joining does to the cluster's applications. */
function addNotice({ picked, apps }: AddNoticeInput<Cluster>) {
  if (apps.isPending) return 'Checking the cluster’s applications…'
  if (apps.own.length > 0)
    return `The cluster’s ${apps.own.length} application${apps.own.length === 1 ? '' : 's'} will be deployed to ${picked.length > 1 ? 'each of ' : ''}${listText(picked.map((s) => s.name))}: ${listText(apps.own.map((a) => a.name))}.`
  return `The cluster has no applications yet: nothing is deployed to ${listText(picked.map((s) => s.name))} now.`
}
