import {
  addGroupServerRequest,
  listServerGroups,
  serverGroupQueries,
  SERVER_GROUPS,
} from '../../api/runtime-manager/server-groups.ts'
import type {
  CreateServerGroupBody,
  ServerGroup,
} from '../../api/runtime-manager/target-schemas.ts'
import { message, ApiList } from '../../components/i18n.tsx'
import { t } from '../../lib/i18n.ts'
import { CellLink } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { memberRollup } from '../../api/runtime-manager/target-rules.ts'
import { paths } from '../../lib/paths.ts'
import { validateCreateGroup } from './create-group-form-model.ts'
import { RollupBadge } from './rollup-badge.tsx'
import { statusColumn } from './status-column.tsx'
import type { AddNoticeInput, TargetKindSpec } from './target-kind.ts'

/** Server groups: the same applications on every member, each copy on its own. */
export const GROUP: TargetKindSpec<ServerGroup, CreateServerGroupBody> = {
  kind: 'group',
  auditKind: 'server-group',
  api: {
    resource: SERVER_GROUPS,
    queries: serverGroupQueries,
    list: listServerGroups,
    addRequest: (scope, groupId, member, label) =>
      addGroupServerRequest(scope, groupId, member.serverId, label),
  },
  list: {
    rules: {
      sortKeys: ['name', 'status', 'servers', 'created'],
      memberWords: (s) => [s.name, ...(s.addresses ?? []).map((a) => a.ip)],
    },
    columns: (envId, tr) =>
      columnTable({
        name: [
          tr('targets.list.name'),
          '26%',
          (g) => <CellLink to={paths.serverGroup(envId, g.id)}>{g.name}</CellLink>,
        ],
        status: [
          tr('targets.list.membersRunning'),
          '16%',
          (g) => <RollupBadge servers={g.servers} />,
        ],
        servers: [tr('targets.list.servers'), '38%', serversCell],
        created: [
          tr('targets.list.created'),
          '20%',
          (g) => formatDateTime(toEpochMs(g.timeCreated)),
        ],
      }),
    placeholder: 'targets.group.filterPlaceholder',
    emptyText: 'targets.group.emptyText',
  },
  page: {
    subtitle: (g) =>
      t('targets.group.subtitle', {
        count: memberRollup(g.servers).total,
        created: formatDateTime(toEpochMs(g.timeCreated)),
      }),
    memberColumns: [
      statusColumn(180),
      {
        header: 'targets.members.addresses',
        mono: true,
        cell: (s) => (s.addresses ?? []).map((a) => a.ip).join(', ') || '—',
      },
      {
        header: 'targets.members.runtime',
        width: 140,
        cell: (s) => s.muleVersion ?? s.gatewayVersion ?? '—',
      },
    ],
    addPermission: (_group, canManage) => canManage,
    removeNote: (_group, server) => message('targets.group.removeNote', { server: server.name }),
  },
  add: { memberIps: false, notice: addNotice },
  create: {
    title: 'targets.group.createTitle',
    description: 'targets.group.createDescription',
    nameId: 'group-name',
    nameLabel: 'targets.group.nameLabel',
    submit: 'targets.group.createSubmit',
    errorTitle: 'targets.group.createFailed',
    clustering: false,
    validate: (values, servers, takenNames) =>
      validateCreateGroup(
        { name: values.name, serverIds: values.members.map((m) => m.serverId) },
        servers,
        takenNames,
      ),
  },
}

/** What joining does to the group's applications, and to servers that are not running. */
function addNotice({ picked, apps }: AddNoticeInput<ServerGroup>) {
  const away = picked.filter((s) => s.status !== 'RUNNING')
  const servers = <ApiList names={picked.map((s) => s.name)} />
  if (apps.isPending) return t('targets.group.checkingApps')
  if (apps.own.length === 0)
    return message('targets.group.addNoApps', { count: picked.length, servers })
  return (
    <>
      {message(picked.length > 1 ? 'targets.group.addDeploysEach' : 'targets.group.addDeploysOne', {
        count: apps.own.length,
        servers,
        apps: <ApiList names={apps.own.map((a) => a.name)} />,
      })}
      {away.length > 0 && (
        <>
          {' '}
          {message('targets.group.addNotRunning', {
            count: away.length,
            servers: <ApiList names={away.map((s) => s.name)} />,
          })}
        </>
      )}
    </>
  )
}

/** How many servers a group has, and their names. */
function serversCell(g: ServerGroup) {
  const names = g.servers.map((s) => s.name)
  // Each name isolated (a right-to-left override in one cannot reorder the next); the
  // tooltip holds them all where the column cuts them.
  return (
    <span title={names.join(', ')}>
      <strong>{g.servers.length}</strong>
      {names.length > 0 ? (
        <span className="muted">
          {' · '}
          <ApiList names={names} max={names.length} />
        </span>
      ) : null}
    </span>
  )
}
