import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { serverGroupQueries } from '../../api/runtime-manager/server-groups.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { ListStates } from '../../components/list-states.tsx'
import { ListToolbar, SelectionBar } from '../../components/list-toolbar.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { RollupFacets } from './rollup-facets.tsx'
import { RollupBadge } from './rollup-badge.tsx'
import { EmptyState } from '../../components/states.tsx'
import { formatDateTime, toEpochMs } from '../../lib/format.ts'
import { paths } from '../../lib/paths.ts'
import { CreateGroupDialog } from './create-group-dialog.tsx'
import { BulkDeleteGroupsDialog } from './delete-groups.tsx'
import {
  filterGroups,
  filterGroupsExceptStatus,
  groupListSearch,
  parseGroupListParams,
  sortGroups,
  type GroupListParams,
} from './group-list-model.ts'

function groupColumns(envId: string): Column<ServerGroup>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      width: '26%',
      sortable: true,
      cell: (g) => <CellLink to={paths.serverGroup(envId, g.id)}>{g.name}</CellLink>,
    },
    {
      id: 'status',
      header: 'Members running',
      width: '16%',
      sortable: true,
      cell: (g) => <RollupBadge servers={g.servers} />,
    },
    {
      id: 'servers',
      header: 'Servers',
      width: '38%',
      sortable: true,
      cell: (g) => {
        const names = g.servers.map((s) => s.name).join(', ')
        return (
          <span title={names}>
            <strong>{g.servers.length}</strong>
            {names ? <span className="muted"> · {names}</span> : null}
          </span>
        )
      },
    },
    {
      id: 'created',
      header: 'Created',
      width: '20%',
      sortable: true,
      cell: (g) => formatDateTime(toEpochMs(g.timeCreated)),
    },
  ]
}

/** Server groups of the environment: roll-up health, members, create and bulk delete. */
export function ServerGroupsPage() {
  const { scope, environment } = useConsole()
  const canManage = usePermission('manageServers')
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseGroupListParams(searchParams), [searchParams])
  const groups = useQuery(serverGroupQueries.list(scope))
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [createOpen, setCreateOpen] = useState(false)
  const [deleteOpen, setDeleteOpen] = useState(false)

  // flushSync: the URL is the input's state; without it fast typing drops characters.
  const update = (change: Partial<GroupListParams>) =>
    setSearchParams(groupListSearch({ ...params, ...change }), { replace: true, flushSync: true })

  const all = groups.data?.items
  const facetBase = useMemo(() => (all ? filterGroupsExceptStatus(all, params) : []), [all, params])
  const rows = useMemo(
    () => (all ? sortGroups(filterGroups(all, params), params.sort) : []),
    [all, params],
  )
  const selectedRows = useMemo(
    () => rows.filter((g) => selected.has(String(g.id))),
    [rows, selected],
  )
  const columns = useMemo(() => groupColumns(scope.envId), [scope.envId])
  const filtered = params.q !== '' || params.statuses.length > 0
  const clear = () => setSearchParams(new URLSearchParams(), { replace: true })

  return (
    <div className="page">
      <PageHeader
        title="Server groups"
        subtitle={
          all ? (
            <>
              {all.length} in <ApiText>{environment.name}</ApiText>
              {filtered ? ` · ${rows.length} shown` : ''}
            </>
          ) : (
            <ApiText>{environment.name}</ApiText>
          )
        }
        actions={
          <>
            <Freshness query={groups} />
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create server group
            </Button>
          </>
        }
      />
      <ListToolbar
        searchLabel="Filter server groups"
        placeholder="Filter by name, member or address…"
        query={params.q}
        onQueryChange={(q) => update({ q })}
        filtered={filtered}
        onClear={clear}
      >
        <RollupFacets
          targets={facetBase}
          active={params.statuses}
          onChange={(statuses) => update({ statuses })}
        />
      </ListToolbar>
      {selectedRows.length > 0 && (
        <SelectionBar
          count={selectedRows.length}
          total={rows.length}
          onSelectAll={() => setSelected(new Set(rows.map((g) => String(g.id))))}
          onClear={() => setSelected(new Set())}
        >
          <Button
            size="small"
            variant="danger"
            permission={canManage}
            onClick={() => setDeleteOpen(true)}
          >
            Delete selected…
          </Button>
        </SelectionBar>
      )}

      <ListStates
        query={groups}
        noun="server groups"
        nouns={['server group', 'server groups']}
        shown={rows.length}
        empty={
          <EmptyState
            title={
              <>
                No server groups in <ApiText>{environment.name}</ApiText> yet
              </>
            }
          >
            <p>
              A server group deploys each application to all of its servers. Create one from
              individual servers.
            </p>
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create a server group
            </Button>
          </EmptyState>
        }
        onClear={clear}
      >
        <DataTable
          label="Server groups"
          rows={rows}
          columns={columns}
          rowKey={(g) => String(g.id)}
          rowLabel={(g) => g.name}
          sort={params.sort}
          onSortChange={(sort: SortState) => update({ sort })}
          selection={{ selected, onChange: setSelected }}
        />
      </ListStates>
      {createOpen && <CreateGroupDialog open={createOpen} onOpenChange={setCreateOpen} />}
      {deleteOpen && (
        <BulkDeleteGroupsDialog
          groups={selectedRows}
          open={deleteOpen}
          onOpenChange={setDeleteOpen}
          onDone={(done) =>
            setSelected((current) => new Set([...current].filter((id) => !done.has(id))))
          }
        />
      )}
    </div>
  )
}
