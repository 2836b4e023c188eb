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
import { message, ApiList } from '../../components/i18n.tsx'
import { t } from '../../lib/i18n.ts'
import { CellLink } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
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
        label: 'targets.cluster.mode',
        options: [
          { value: '', label: 'targets.cluster.modeAll' },
          { value: 'multicast', label: 'targets.cluster.multicast' },
          { value: 'unicast', label: 'targets.cluster.unicast' },
        ],
        matches: (c, mode) => (mode === 'multicast') === (c.multicastEnabled === true),
      },
    },
    columns: (envId, tr) =>
      columnTable({
        name: [
          tr('targets.list.name'),
          '24%',
          (c) => <CellLink to={paths.cluster(envId, c.id)}>{c.name}</CellLink>,
        ],
        status: [
          tr('targets.list.membersRunning'),
          '15%',
          (c) => <RollupBadge servers={c.servers} />,
        ],
        mode: [
          tr('targets.cluster.mode'),
          '11%',
          (c) =>
            c.multicastEnabled ? tr('targets.cluster.multicast') : tr('targets.cluster.unicast'),
        ],
        servers: [
          tr('targets.list.servers'),
          '12%',
          (c) =>
            tr('targets.cluster.serversOf', { count: c.servers.length, max: MAX_CLUSTER_SERVERS }),
        ],
        primary: [
          tr('targets.cluster.primaryNode'),
          '20%',
          (c) =>
            primaryName(c) || <span className="muted">{tr('targets.cluster.noneReported')}</span>,
        ],
        created: [
          tr('targets.list.created'),
          '18%',
          (c) => formatDateTime(toEpochMs(c.timeCreated)),
        ],
      }),
    placeholder: 'targets.cluster.filterPlaceholder',
    emptyText: 'targets.cluster.emptyText',
  },
  page: {
    subtitle: (c) => modeLine(c.multicastEnabled === true, memberRollup(c.servers).total),
    sections: (c) => <ClusterSections cluster={c} />,
    memberColumns: [
      statusColumn(160),
      {
        header: 'targets.members.clusteringIp',
        mono: true,
        cell: (s) => s.currentClusteringIp ?? s.serverIp ?? '—',
      },
      {
        header: 'targets.members.port',
        width: 90,
        mono: true,
        cell: (s) => s.currentClusteringPort ?? '—',
      },
      {
        header: 'targets.members.role',
        width: 100,
        cell: (s, c) =>
          c.primaryNodeId === s.id ? (
            <strong>{t('targets.members.primary')}</strong>
          ) : (
            t('targets.members.member')
          ),
      },
      {
        header: 'targets.members.sees',
        width: 150,
        cell: (s, c) => {
          const total = c.servers.length
          const seen = readVisibility(c.visibilityMap)?.get(s.id)
          const others = seen ? [...seen].filter((id) => id !== s.id).length : null
          return others === null
            ? t('targets.members.notReported')
            : t('targets.members.seesOthers', { seen: others, count: total - 1 })
        },
      },
    ],
    addPermission: (c, canManage) => {
      if (!canManage.allowed) return canManage
      if (c.servers.length >= MAX_CLUSTER_SERVERS)
        return {
          allowed: false,
          reason: t('targets.cluster.full', { max: MAX_CLUSTER_SERVERS }),
        }
      return { allowed: true }
    },
    removeNote: (c, server) => (
      <>
        {message('targets.cluster.removeNote', { server: server.name })}
        {c.primaryNodeId === server.id && <> {t('targets.cluster.removePrimary')}</>}
      </>
    ),
    bulkRemoveNote: (c, selected) => {
      const primary = selected.find((s) => s.id === c.primaryNodeId)
      return primary
        ? message('targets.cluster.bulkRemovePrimary', { server: primary.name })
        : undefined
    },
  },
  add: {
    description: (c) => modeLine(c.multicastEnabled === true, c.servers.length),
    limit: (c) => {
      const room = roomIn(c)
      return {
        max: room,
        reason: t('targets.cluster.addLimit', {
          count: c.servers.length,
          max: MAX_CLUSTER_SERVERS,
          room,
        }),
      }
    },
    memberIps: true,
    validate: validateAddMembers,
    notice: addNotice,
  },
  create: {
    title: 'targets.cluster.createTitle',
    description: 'targets.cluster.createDescription',
    nameId: 'cluster-name',
    nameLabel: 'targets.cluster.nameLabel',
    submit: 'targets.cluster.createSubmit',
    errorTitle: 'targets.cluster.createFailed',
    clustering: true,
    limit: {
      max: MAX_CLUSTER_SERVERS,
      reason: 'targets.cluster.createLimit',
    },
    validate: validateCreateCluster,
  },
}

/** "Unicast cluster · 2 of 8 servers": the page's subtitle and the add dialog's description. */
function modeLine(multicast: boolean, count: number): string {
  return multicast
    ? t('targets.cluster.multicastLine', { count, max: MAX_CLUSTER_SERVERS })
    : t('targets.cluster.unicastLine', { count, max: MAX_CLUSTER_SERVERS })
}

/** What joining does to the cluster's applications. */
function addNotice({ picked, apps }: AddNoticeInput<Cluster>) {
  if (apps.isPending) return t('targets.cluster.checkingApps')
  const servers = <ApiList names={picked.map((s) => s.name)} />
  if (apps.own.length > 0)
    return message(
      picked.length > 1 ? 'targets.cluster.addDeploysEach' : 'targets.cluster.addDeploysOne',
      { count: apps.own.length, servers, apps: <ApiList names={apps.own.map((a) => a.name)} /> },
    )
  return message('targets.cluster.addNoApps', { servers })
}
