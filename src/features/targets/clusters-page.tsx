import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { clusterQueries } from '../../api/runtime-manager/clusters.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
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
import {
  clusterListSearch,
  filterClusters,
  filterClustersExceptStatus,
  parseClusterListParams,
  primaryName,
  sortClusters,
  type ClusterListParams,
} from './cluster-list-model.ts'
import { CreateClusterDialog } from './create-cluster-dialog.tsx'
import { BulkDeleteClustersDialog } from './delete-clusters.tsx'

function clusterColumns(envId: string): Column<Cluster>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      width: '24%',
      sortable: true,
      cell: (c) => <CellLink to={paths.cluster(envId, c.id)}>{c.name}</CellLink>,
    },
    {
      id: 'status',
      header: 'Members running',
      width: '15%',
      sortable: true,
      cell: (c) => <RollupBadge servers={c.servers} />,
    },
    {
      id: 'mode',
      header: 'Mode',
      width: '11%',
      sortable: true,
      cell: (c) => (c.multicastEnabled ? 'Multicast' : 'Unicast'),
    },
    {
      id: 'servers',
      header: 'Servers',
      width: '12%',
      sortable: true,
      cell: (c) => `${c.servers.length} of ${MAX_CLUSTER_SERVERS}`,
    },
    {
      id: 'primary',
      header: 'Primary node',
      width: '20%',
      sortable: true,
      cell: (c) => primaryName(c) || <span className="muted">None reported</span>,
    },
    {
      id: 'created',
      header: 'Created',
      width: '18%',
      sortable: true,
      cell: (c) => formatDateTime(toEpochMs(c.timeCreated)),
    },
  ]
}

/** Clusters of the environment: roll-up health, mode, primary node, create and bulk delete. */
export function ClustersPage() {
  const { scope, environment } = useConsole()
  const canManage = usePermission('manageServers')
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(() => parseClusterListParams(searchParams), [searchParams])
  const clusters = useQuery(clusterQueries.list(scope))
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [createOpen, setCreateOpen] = useState(false)
  const [deleteOpen, setDeleteOpen] = useState(false)

  // flushSync: the URL is the input's state; without it fast typing drops characters.
  const update = (change: Partial<ClusterListParams>) =>
    setSearchParams(clusterListSearch({ ...params, ...change }), { replace: true, flushSync: true })

  const all = clusters.data?.items
  const facetBase = useMemo(
    () => (all ? filterClustersExceptStatus(all, params) : []),
    [all, params],
  )
  const rows = useMemo(
    () => (all ? sortClusters(filterClusters(all, params), params.sort) : []),
    [all, params],
  )
  const selectedRows = useMemo(
    () => rows.filter((c) => selected.has(String(c.id))),
    [rows, selected],
  )
  const columns = useMemo(() => clusterColumns(scope.envId), [scope.envId])
  const filtered = params.q !== '' || params.statuses.length > 0 || params.mode !== ''
  const clear = () => setSearchParams(new URLSearchParams(), { replace: true })

  return (
    <div className="page">
      <PageHeader
        title="Clusters"
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
            <Freshness query={clusters} />
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create cluster
            </Button>
          </>
        }
      />
      <ListToolbar
        searchLabel="Filter clusters"
        placeholder="Filter by name, member or IP…"
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
        <select
          aria-label="Mode"
          value={params.mode}
          onChange={(e) =>
            update({
              mode:
                e.target.value === 'multicast' || e.target.value === 'unicast'
                  ? e.target.value
                  : '',
            })
          }
        >
          <option value="">Multicast and unicast</option>
          <option value="multicast">Multicast</option>
          <option value="unicast">Unicast</option>
        </select>
      </ListToolbar>
      {selectedRows.length > 0 && (
        <SelectionBar
          count={selectedRows.length}
          total={rows.length}
          onSelectAll={() => setSelected(new Set(rows.map((c) => String(c.id))))}
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
        query={clusters}
        noun="clusters"
        nouns={['cluster', 'clusters']}
        shown={rows.length}
        empty={
          <EmptyState
            title={
              <>
                No clusters in <ApiText>{environment.name}</ApiText> yet
              </>
            }
          >
            <p>
              A cluster runs each application on all of its servers as one, sharing state between
              them. Create one from up to {MAX_CLUSTER_SERVERS} individual servers.
            </p>
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create a cluster
            </Button>
          </EmptyState>
        }
        onClear={clear}
      >
        <DataTable
          label="Clusters"
          rows={rows}
          columns={columns}
          rowKey={(c) => String(c.id)}
          rowLabel={(c) => c.name}
          sort={params.sort}
          onSortChange={(sort: SortState) => update({ sort })}
          selection={{ selected, onChange: setSelected }}
        />
      </ListStates>
      {createOpen && <CreateClusterDialog open={createOpen} onOpenChange={setCreateOpen} />}
      {deleteOpen && (
        <BulkDeleteClustersDialog
          clusters={selectedRows}
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
