import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { ListToolbar, SelectionBar, StatusFacets } from '../../components/list-toolbar.tsx'
import { RejectedRecords } from '../../components/rejected-records.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { EmptyState, LoadingState } from '../../components/states.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { useNow } from '../../components/use-now.ts'
import { paths } from '../../lib/paths.ts'
import { RegisterServerDialog } from './register-server-dialog.tsx'
import { addressesText, ExpiryTags, ServerStatusBadge } from './server-cells.tsx'
import {
  filterServers,
  filterServersExceptStatus,
  membershipOf,
  parseServerListParams,
  runtimeVersion,
  serverListSearch,
  sortServers,
  statusCounts,
  type ServerListParams,
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

export function ServersPage() {
  const { scope, environment } = useConsole()
  const canManage = usePermission('manageServers')
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseServerListParams(searchParams), [searchParams])
  const servers = useQuery(serverQueries.list(scope))
  const now = useNow(60_000)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [registerOpen, setRegisterOpen] = useState(false)
  const [unregisterOpen, setUnregisterOpen] = useState(false)

  // flushSync: the URL is the input's state, so it must update in the same frame as the
  // keystroke; as a transition, fast typing would render a stale value and drop characters.
  const update = (change: Partial<ServerListParams>) =>
    setSearchParams(serverListSearch({ ...params, ...change }), { replace: true, flushSync: true })

  const all = servers.data?.items
  const base = useMemo(() => (all ? filterServersExceptStatus(all, params) : []), [all, params])
  const counts = useMemo(() => statusCounts(base), [base])
  const rows = useMemo(
    () => (all ? sortServers(filterServers(all, params), params.sort) : []),
    [all, params],
  )
  // Selection only ever acts on rows that are still listed under the current filter.
  const selectedRows = useMemo(
    () => rows.filter((s) => selected.has(String(s.id))),
    [rows, selected],
  )

  const columns = useMemo(() => serverColumns(scope.envId, now), [scope.envId, now])

  const filtered = params.q !== '' || params.statuses.length > 0 || params.type !== ''
  let content
  if (servers.isPending) content = <LoadingState label="Loading servers…" />
  else if (servers.isError && !all) {
    content = (
      <ErrorPanel
        error={servers.error}
        title="Could not load servers"
        onRetry={() => void servers.refetch()}
        retrying={servers.isFetching}
      />
    )
  } else if (all && all.length === 0) {
    content = (
      <EmptyState
        title={
          <>
            No servers in <ApiText>{environment.name}</ApiText> yet
          </>
        }
      >
        <p>Register a server: run the agent setup on the host with a registration token.</p>
        <Button variant="primary" permission={canManage} onClick={() => setRegisterOpen(true)}>
          Register a server
        </Button>
      </EmptyState>
    )
  } else if (rows.length === 0) {
    content = (
      <EmptyState title="No servers match these filters">
        <Button onClick={() => setSearchParams(new URLSearchParams(), { replace: true })}>
          Clear filters
        </Button>
      </EmptyState>
    )
  } else {
    content = (
      <DataTable
        label="Servers"
        rows={rows}
        columns={columns}
        rowKey={(s) => String(s.id)}
        rowLabel={(s) => s.name}
        sort={params.sort}
        onSortChange={(sort: SortState) => update({ sort })}
        selection={{ selected, onChange: setSelected }}
      />
    )
  }

  return (
    <div className="page">
      <PageHeader
        title="Servers"
        subtitle={
          all ? (
            <>
              {all.length} registered in <ApiText>{environment.name}</ApiText>
              {filtered ? ` · ${rows.length} shown` : ''}
            </>
          ) : (
            <ApiText>{environment.name}</ApiText>
          )
        }
        actions={
          <>
            <Freshness query={servers} />
            <Button variant="primary" permission={canManage} onClick={() => setRegisterOpen(true)}>
              Register server
            </Button>
          </>
        }
      />
      <ListToolbar
        searchLabel="Filter servers"
        placeholder="Filter by name, address, version, group…"
        query={params.q}
        onQueryChange={(q) => update({ q })}
        filtered={filtered}
        onClear={() => setSearchParams(new URLSearchParams(), { replace: true })}
      >
        <StatusFacets
          label="Status"
          facets={FACETS}
          active={params.statuses}
          labelFor={(status) => serverStatus(status).label}
          countFor={(status) => counts.get(status) ?? 0}
          onChange={(statuses) => update({ statuses })}
        />
        <select
          aria-label="Server type"
          value={params.type}
          onChange={(e) =>
            update({
              type: e.target.value === 'MULE' || e.target.value === 'GATEWAY' ? e.target.value : '',
            })
          }
        >
          <option value="">All types</option>
          <option value="MULE">Mule</option>
          <option value="GATEWAY">Gateway</option>
        </select>
      </ListToolbar>
      <RejectedRecords rejected={servers.data?.rejected} noun={['server', 'servers']} />
      {selectedRows.length > 0 && (
        <SelectionBar
          count={selectedRows.length}
          total={rows.length}
          onSelectAll={() => setSelected(new Set(rows.map((s) => String(s.id))))}
          onClear={() => setSelected(new Set())}
        >
          <Button
            size="small"
            variant="danger"
            permission={canManage}
            onClick={() => setUnregisterOpen(true)}
          >
            Unregister selected…
          </Button>
        </SelectionBar>
      )}

      {content}
      <RegisterServerDialog open={registerOpen} onOpenChange={setRegisterOpen} />
      {unregisterOpen && (
        <BulkUnregisterDialog
          servers={selectedRows}
          open={unregisterOpen}
          onOpenChange={setUnregisterOpen}
          onDone={(done) =>
            setSelected((current) => new Set([...current].filter((id) => !done.has(id))))
          }
        />
      )}
    </div>
  )
}
