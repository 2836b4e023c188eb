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
import { ApiList, ApiText } from '../../components/api-text.tsx'
import { CellLink } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { listText } from '../../lib/list-text.ts'
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
    columns: (envId) =>
      columnTable({
        name: [
          'Name',
          '26%',
          (g) => <CellLink to={paths.serverGroup(envId, g.id)}>{g.name}</CellLink>,
        ],
        status: ['Members running', '16%', (g) => <RollupBadge servers={g.servers} />],
        servers: ['Servers', '38%', serversCell],
        created: ['Created', '20%', (g) => formatDateTime(toEpochMs(g.timeCreated))],
      }),
    placeholder: 'Filter by name, member or address…',
    emptyText:
      'A server group deploys each application to all of its servers. Create one from individual servers.',
  },
  page: {
    subtitle: (g) => {
      const { total } = memberRollup(g.servers)
      return `Server group · ${total} server${total === 1 ? '' : 's'} · created ${formatDateTime(toEpochMs(g.timeCreated))}`
    },
    memberColumns: [
      statusColumn(180),
      {
        header: 'Addresses',
        mono: true,
        cell: (s) => (s.addresses ?? []).map((a) => a.ip).join(', ') || '—',
      },
      { header: 'Runtime', width: 140, cell: (s) => s.muleVersion ?? s.gatewayVersion ?? '—' },
    ],
    addPermission: (_group, canManage) => canManage,
    removeNote: (_group, server) => (
      <>
        <ApiText>{server.name}</ApiText> becomes an individual server. Later deployments to the
        group no longer reach it.
      </>
    ),
  },
  add: { memberIps: false, notice: addNotice },
  create: {
    title: 'Create a server group',
    description:
      'Applications deployed to a group run on each of its servers, isolated from each other.',
    nameId: 'group-name',
    nameLabel: 'Group name',
    submit: 'Create group',
    errorTitle: 'The group was not created',
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
  const n = picked.length
  const away = picked.filter((s) => s.status !== 'RUNNING')
  if (apps.isPending) return 'Checking the group’s applications…'
  if (apps.own.length === 0)
    return `The group has no applications yet: nothing is deployed to ${listText(picked.map((s) => s.name))} now; later deployments to the group include ${n === 1 ? 'it' : 'them'}.`
  return (
    <>
      The group’s {apps.own.length} application{apps.own.length === 1 ? '' : 's'} will be deployed
      to {picked.length > 1 ? 'each of ' : ''}
      <ApiList names={picked.map((s) => s.name)} />: <ApiList names={apps.own.map((a) => a.name)} />
      .
      {away.length > 0 &&
        ` ${listText(away.map((s) => s.name))} ${away.length === 1 ? 'is' : 'are'} not running: ${away.length === 1 ? 'its' : 'their'} copies wait until ${away.length === 1 ? 'it reconnects' : 'they reconnect'}.`}
    </>
  )
}

/** How many servers a group has, and their names. */
function serversCell(g: ServerGroup) {
  const names = g.servers.map((s) => s.name).join(', ')
  return (
    <span title={names}>
      <strong>{g.servers.length}</strong>
      {names ? <span className="muted"> · {names}</span> : null}
    </span>
  )
}
