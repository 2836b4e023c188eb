import { useQuery } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { DataTable, type SortState } from '../../components/data-table.tsx'
import { Freshness } from '../../components/freshness.tsx'
import { ListStates } from '../../components/list-states.tsx'
import { ListToolbar, SelectionBar } from '../../components/list-toolbar.tsx'
import { PageHeader } from '../../components/page-header.tsx'
import { EmptyState } from '../../components/states.tsx'
import { TARGET_KINDS } from '../../lib/paths.ts'
import { CreateTargetDialog } from './create-target-dialog.tsx'
import { BulkDeleteTargetsDialog } from './delete-target.tsx'
import { RollupFacets } from './rollup-facets.tsx'
import type { TargetKindSpec } from './target-kind.ts'
import {
  filterTargets,
  filterTargetsExceptStatus,
  parseTargetListParams,
  sortTargets,
  targetListSearch,
  type TargetListParams,
} from './target-list-model.ts'

/**
 * The server groups or clusters of the environment: roll-up health, the kind's own
 * columns and filter, create and bulk delete.
 */
export function TargetsPage<T extends TargetRecord, B extends { name: string }>({
  kind,
}: {
  kind: TargetKindSpec<T, B>
}) {
  const { scope, environment } = useConsole()
  const canManage = usePermission('manageServers')
  const [searchParams, setSearchParams] = useSearchParams()
  const { rules } = kind.list
  const params = useMemo(() => parseTargetListParams(rules, searchParams), [rules, searchParams])
  const targets = useQuery(kind.api.queries.list(scope))
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [createOpen, setCreateOpen] = useState(false)
  const [deleteOpen, setDeleteOpen] = useState(false)

  // flushSync: the URL is the input's state; without it fast typing drops characters.
  const update = (change: Partial<TargetListParams>) =>
    setSearchParams(targetListSearch(rules, { ...params, ...change }), {
      replace: true,
      flushSync: true,
    })

  const all = targets.data?.items
  const facetBase = useMemo(
    () => (all ? filterTargetsExceptStatus(rules, all, params) : []),
    [rules, all, params],
  )
  const rows = useMemo(
    () => (all ? sortTargets(rules, filterTargets(rules, all, params), params.sort) : []),
    [rules, all, params],
  )
  const selectedRows = useMemo(
    () => rows.filter((t) => selected.has(String(t.id))),
    [rows, selected],
  )
  const { columns: columnsFor } = kind.list
  const columns = useMemo(() => columnsFor(scope.envId), [columnsFor, scope.envId])
  const filtered = params.q !== '' || params.statuses.length > 0 || params.filter !== ''
  const clear = () => setSearchParams(new URLSearchParams(), { replace: true })
  const { filter } = rules
  const words = TARGET_KINDS[kind.kind]
  const plural = `${words.label}s`

  return (
    <div className="page">
      <PageHeader
        title={words.plural}
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
            <Freshness query={targets} />
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create {words.label}
            </Button>
          </>
        }
      />
      <ListToolbar
        searchLabel={`Filter ${plural}`}
        placeholder={kind.list.placeholder}
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
        {filter && (
          <select
            aria-label={filter.label}
            value={params.filter}
            onChange={(e) =>
              update({
                filter: filter.options.some((o) => o.value === e.target.value)
                  ? e.target.value
                  : '',
              })
            }
          >
            {filter.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </ListToolbar>
      {selectedRows.length > 0 && (
        <SelectionBar
          count={selectedRows.length}
          total={rows.length}
          onSelectAll={() => setSelected(new Set(rows.map((t) => String(t.id))))}
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
        query={targets}
        noun={plural}
        nouns={[words.label, plural]}
        shown={rows.length}
        empty={
          <EmptyState
            title={
              <>
                No {plural} in <ApiText>{environment.name}</ApiText> yet
              </>
            }
          >
            <p>{kind.list.emptyText}</p>
            <Button variant="primary" permission={canManage} onClick={() => setCreateOpen(true)}>
              Create a {words.label}
            </Button>
          </EmptyState>
        }
        onClear={clear}
      >
        <DataTable
          label={words.plural}
          rows={rows}
          columns={columns}
          rowKey={(t) => String(t.id)}
          rowLabel={(t) => t.name}
          sort={params.sort}
          onSortChange={(sort: SortState) => update({ sort })}
          selection={{ selected, onChange: setSelected }}
        />
      </ListStates>
      {createOpen && (
        <CreateTargetDialog kind={kind} open={createOpen} onOpenChange={setCreateOpen} />
      )}
      {deleteOpen && (
        <BulkDeleteTargetsDialog
          kind={kind}
          targets={selectedRows}
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
