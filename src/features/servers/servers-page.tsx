import { useBulkDialog } from '../../components/bulk-action-dialog.tsx'
import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, type ReactNode } from 'react'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { useDialogAction } from '../../components/page-commands.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, type Column } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { ListToolbar, removeAction, StatusFacets } from '../../components/list-toolbar.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { NoneYet } from '../../components/list-states.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { useListSearch } from '../../components/use-list-params.ts'
import { useNow } from '../../components/use-now.ts'
import { useRowSelection } from '../../components/use-row-selection.ts'
import { paths } from '../../lib/paths.ts'
import { RegisterServerDialog } from './register-server-dialog.tsx'
import { addressesText, ExpiryTags, ServerStatusBadge } from './server-cells.tsx'
import {
  filterServers,
  filterServersExceptStatus,
  membershipOf,
  runtimeVersion,
  SERVER_LIST_PARAMS,
  sortServers,
  statusCounts,
} from './server-list-model.ts'
import { BulkUnregisterDialog } from './unregister-servers.tsx'

const FACETS = ['RUNNING', 'DISCONNECTED', 'CREATED'] as const

/** The list's columns; cells are render functions called by the table, not components. */
function serverColumns(envId: string, now: number): Column<Server>[] {
  return columnTable<Server>({
    name: ['Name', '19%', (s) => <CellLink to={paths.server(envId, s.id)}>{s.name}</CellLink>],
    status: ['Status', '13%', (s) => <ServerStatusBadge status={s.status} />],
    type: ['Type', '8%', (s) => (s.serverType === 'GATEWAY' ? 'Gateway' : 'Mule')],
    version: ['Runtime', '8%', (s) => runtimeVersion(s) || '—'],
    agent: ['Agent', '8%', (s) => s.agentVersion ?? '—'],
    addresses: [
      'Addresses',
      '12%',
      (s) => <span className="mono">{addressesText(s)}</span>,
      'unsorted',
    ],
    membership: ['Group / cluster', '15%', membershipCell],
    expiry: ['Expiry', '17%', (s) => <ExpiryTags server={s} now={now} />],
  })
}

function membershipCell(s: Server): ReactNode {
  const m = membershipOf(s)
  return m ? (
    <>
      {m.kind === 'group' ? 'Group' : 'Cluster'}: <ApiText>{m.name}</ApiText>
    </>
  ) : (
    <span className="muted">—</span>
  )
}

const serverKey = (s: Server) => String(s.id)

export function ServersPage() {
  const { scope, environment } = useConsole()
  const canManage = usePermission('manageServers')
  // Written at once: filtering the list per key is cheap, and a reload keeps the text.
  const list = useListSearch(SERVER_LIST_PARAMS, undefined, { draft: false })
  const { params, set, filters, filtered, clear } = list
  const servers = useQuery(serverQueries.list(scope))
  const now = useNow(60_000)
  const register = useDialogAction({
    id: 'register',
    label: 'Register server',
    permission: canManage,
  })

  const all = servers.data?.items
  const base = useMemo(() => (all ? filterServersExceptStatus(all, filters) : []), [all, filters])
  const counts = useMemo(() => statusCounts(base), [base])
  const rows = useMemo(
    () => (all ? sortServers(filterServers(all, filters), filters.sort) : []),
    [all, filters],
  )
  const selection = useRowSelection(rows, serverKey)
  const unregister = useBulkDialog(selection.drop)
  const columns = useMemo(() => serverColumns(scope.envId, now), [scope.envId, now])

  return (
    <ListPage
      title="Servers"
      count={{ where: environment.name, verb: 'registered in', filtered }}
      actions={register.button()}
      toolbar={
        <ListToolbar
          searchLabel="Filter servers"
          placeholder="Filter by name, address, version, group…"
          list={list}
        >
          <StatusFacets
            label="Status"
            facets={FACETS}
            active={params.status}
            labelFor={(status) => serverStatus(status).label}
            countFor={(status) => counts.get(status) ?? 0}
            onChange={(status) => set({ status })}
          />
          <select
            aria-label="Server type"
            value={params.type}
            onChange={(e) =>
              set({
                type:
                  e.target.value === 'MULE' || e.target.value === 'GATEWAY' ? e.target.value : '',
              })
            }
          >
            <option value="">All types</option>
            <option value="MULE">Mule</option>
            <option value="GATEWAY">Gateway</option>
          </select>
        </ListToolbar>
      }
      query={servers}
      nouns={['server', 'servers']}
      rejected={servers.data?.rejected}
      total={all?.length ?? 0}
      empty={
        <NoneYet noun="servers" where={environment.name}>
          <p>Register a server: run the agent setup on the host with a registration token.</p>
          {register.button('Register a server')}
        </NoneYet>
      }
      onClear={clear}
      after={
        <>
          <RegisterServerDialog {...register.dialog} />
          {unregister.open && (
            <BulkUnregisterDialog servers={selection.selectedRows} {...unregister.state} />
          )}
        </>
      }
      table={{
        label: 'Servers',
        rows,
        columns,
        rowKey: serverKey,
        rowLabel: (s) => s.name,
        sort: list,
        bulk: {
          selection,
          actions: [removeAction('Unregister selected…', canManage, unregister.show)],
        },
      }}
    />
  )
}
