import { formatNumber } from '../../lib/format.ts'
import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, useState } from 'react'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { Freshness } from '../../components/freshness.tsx'
import {
  ListToolbar,
  removeAction,
  RowSelectionBar,
  StatusFacets,
} from '../../components/list-toolbar.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { NoneYet } from '../../components/list-states.tsx'
import { PageHeader } from '../../components/page-header.tsx'
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
  return [
    {
      id: 'name',
      header: 'Name',
      width: '19%',
      sortable: true,
      cell: (s) => <CellLink to={paths.server(envId, s.id)}>{s.name}</CellLink>,
    },
    {
      id: 'status',
      header: 'Status',
      width: '13%',
      sortable: true,
      cell: (s) => <ServerStatusBadge status={s.status} />,
    },
    {
      id: 'type',
      header: 'Type',
      width: '8%',
      sortable: true,
      cell: (s) => (s.serverType === 'GATEWAY' ? 'Gateway' : 'Mule'),
    },
    {
      id: 'version',
      header: 'Runtime',
      width: '8%',
      sortable: true,
      cell: (s) => runtimeVersion(s) || '—',
    },
    {
      id: 'agent',
      header: 'Agent',
      width: '8%',
      sortable: true,
      cell: (s) => s.agentVersion ?? '—',
    },
    {
      id: 'addresses',
      header: 'Addresses',
      width: '12%',
      cell: (s) => <span className="mono">{addressesText(s)}</span>,
    },
    {
      id: 'membership',
      header: 'Group / cluster',
      width: '15%',
      sortable: true,
      cell: (s) => {
        const m = membershipOf(s)
        return m ? (
          <>
            {m.kind === 'group' ? 'Group' : 'Cluster'}: <ApiText>{m.name}</ApiText>
          </>
        ) : (
          <span className="muted">—</span>
        )
      },
    },
    {
      id: 'expiry',
      header: 'Expiry',
      width: '17%',
      sortable: true,
      cell: (s) => <ExpiryTags server={s} now={now} />,
    },
  ]
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
  const [registerOpen, setRegisterOpen] = useState(false)
  const [unregisterOpen, setUnregisterOpen] = useState(false)

  const all = servers.data?.items
  const base = useMemo(() => (all ? filterServersExceptStatus(all, filters) : []), [all, filters])
  const counts = useMemo(() => statusCounts(base), [base])
  const rows = useMemo(
    () => (all ? sortServers(filterServers(all, filters), filters.sort) : []),
    [all, filters],
  )
  const selection = useRowSelection(rows, serverKey)
  const columns = useMemo(() => serverColumns(scope.envId, now), [scope.envId, now])

  const register = (
    <Button variant="primary" permission={canManage} onClick={() => setRegisterOpen(true)}>
      Register a server
    </Button>
  )

  return (
    <ListPage
      header={
        <PageHeader
          title="Servers"
          subtitle={
            all ? (
              <>
                {formatNumber(all.length)} registered in <ApiText>{environment.name}</ApiText>
                {filtered ? ` · ${formatNumber(rows.length)} shown` : ''}
              </>
            ) : (
              <ApiText>{environment.name}</ApiText>
            )
          }
          actions={
            <>
              <Freshness query={servers} />
              <Button
                variant="primary"
                permission={canManage}
                onClick={() => setRegisterOpen(true)}
              >
                Register server
              </Button>
            </>
          }
        />
      }
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
      selection={
        <RowSelectionBar
          selection={selection}
          total={rows.length}
          actions={[removeAction('Unregister selected…', canManage, () => setUnregisterOpen(true))]}
        />
      }
      query={servers}
      nouns={['server', 'servers']}
      rejected={servers.data?.rejected}
      total={all?.length ?? 0}
      shown={rows.length}
      empty={
        <NoneYet noun="servers" where={environment.name}>
          <p>Register a server: run the agent setup on the host with a registration token.</p>
          {register}
        </NoneYet>
      }
      onClear={clear}
      after={
        <>
          <RegisterServerDialog open={registerOpen} onOpenChange={setRegisterOpen} />
          {unregisterOpen && (
            <BulkUnregisterDialog
              servers={selection.selectedRows}
              open={unregisterOpen}
              onOpenChange={setUnregisterOpen}
              onDone={selection.drop}
            />
          )}
        </>
      }
    >
      <DataTable
        label="Servers"
        rows={rows}
        columns={columns}
        rowKey={serverKey}
        rowLabel={(s) => s.name}
        sort={params.sort}
        onSortChange={(sort: SortState) => set({ sort })}
        selection={selection.table}
      />
    </ListPage>
  )
}
