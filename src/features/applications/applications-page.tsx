import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import { usePageAction } from '../../components/page-commands.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { ListToolbar, removeAction, StatusFacets } from '../../components/list-toolbar.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { NoneYet } from '../../components/list-states.tsx'
import { useListSearch } from '../../components/use-list-params.ts'
import { useRowSelection } from '../../components/use-row-selection.ts'
import { formatAgo, formatBytes } from '../../lib/format.ts'
import type { MessageKey } from '../../lib/i18n.ts'
import { message, useT } from '../../components/i18n.tsx'
import { paths, targetKindOf } from '../../lib/paths.ts'
import { useNow } from '../../components/use-now.ts'
import { ApplicationStatusBadge } from './application-status-badge.tsx'
import {
  APPLICATION_LIST_PARAMS,
  createNarrowingFilter,
  facetCounts,
  FACET_LABELS,
  filterByStatus,
  prepareTextSearch,
  sortRows,
  STATUS_FACETS,
  targetsOf,
  targetWordOf,
  toRows,
  type ApplicationRow,
} from './application-list-model.ts'
import { BulkApplicationDialog, type BulkAction } from './bulk-application-actions.tsx'
import { DeployDialog } from './deploy-dialog.tsx'
import { TargetFilter } from './target-filter.tsx'

/** A cell's link to an application's target: a server's page or its group's or cluster's. */
function targetCell(envId: string, target: Application['target']): ReactNode {
  const kind = targetKindOf(target.type)
  if (kind === null) return <CellLink to={paths.server(envId, target.id)}>{target.name}</CellLink>
  return (
    <span title={target.name}>
      {message('applications.target.choice', {
        // An element, not text: the word is the console's, not the API's.
        kind: <>{targetWordOf(target.type)}</>,
        name: <CellLink to={paths.target(envId, kind, target.id)}>{target.name}</CellLink>,
      })}
    </span>
  )
}

/** Columns; cells are render functions the table calls, not components. */
function applicationColumns(
  envId: string,
  now: number,
  t: (key: MessageKey) => string,
): Column<ApplicationRow>[] {
  return columnTable<ApplicationRow>({
    name: [
      t('applications.list.name'),
      '20%',
      (r) => <CellLink to={paths.application(envId, r.app.id)}>{r.app.name}</CellLink>,
    ],
    status: [
      t('applications.list.status'),
      '20%',
      (r) => <ApplicationStatusBadge app={r.app} state={r.state} showDetail />,
    ],
    target: [t('applications.list.target'), '20%', (r) => targetCell(envId, r.app.target)],
    artifact: [
      t('applications.list.artifact'),
      '20%',
      // The API's text: the table isolates it and gives it its tooltip.
      (r) => r.app.artifact.fileName ?? r.app.artifact.name,
    ],
    size: [
      t('applications.list.size'),
      '8%',
      (r) => (r.app.artifact.fileSize !== undefined ? formatBytes(r.app.artifact.fileSize) : '—'),
    ],
    updated: [
      t('applications.list.updated'),
      '12%',
      (r) => (r.updated ? formatAgo(r.updated, now) : '—'),
    ],
  })
}

const appKey = (r: ApplicationRow) => String(r.app.id)

export function ApplicationsPage() {
  const { scope, environment } = useConsole()
  const t = useT()
  const canDeploy = usePermission('createApplications')
  const canManage = usePermission('manageApplications')
  const canDelete = usePermission('deleteApplications')
  // `filterParams` stays the same object when the typed text reaches the URL: nothing that
  // filters has changed, so nothing is filtered again.
  const list = useListSearch(APPLICATION_LIST_PARAMS)
  const { params, set, filters: filterParams, filtered, clear } = list
  const apps = useQuery(applicationQueries.list(scope))
  const now = useNow(30_000)
  // The deploy dialog is mounted the first time it opens and then kept (closed, it keeps
  // what the operator chose), so the list's first render does not build it.
  const [deploy, setDeploy] = useState<'unused' | 'open' | 'closed'>('unused')
  const openDeploy = () => setDeploy('open')
  const onDeployOpenChange = useCallback((open: boolean) => setDeploy(open ? 'open' : 'closed'), [])
  const [bulk, setBulk] = useState<BulkAction | null>(null)
  const deployAction = usePageAction({
    id: 'deploy',
    label: t('applications.list.deployAction'),
    permission: canDeploy,
    run: openDeploy,
  })

  const allRows = useMemo(() => (apps.data ? toRows(apps.data.items) : []), [apps.data])
  // Keyed on the sort's values: `params` is rebuilt on every keystroke, and re-sorting
  // 10,000 rows per keystroke is what made typing slow.
  const { id: sortId, desc: sortDesc } = filterParams.sort
  const sorted = useMemo(
    () => sortRows(allRows, { id: sortId, desc: sortDesc }),
    [allRows, sortId, sortDesc],
  )
  // The text filter's index of the list, made once the page has shown it and is idle.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return
    const idle = requestIdleCallback(() => prepareTextSearch(sorted))
    return () => cancelIdleCallback(idle)
  }, [sorted])
  const [narrowingFilter] = useState(createNarrowingFilter)
  const base = useMemo(
    () => narrowingFilter(sorted, filterParams),
    [narrowingFilter, sorted, filterParams],
  )
  const counts = useMemo(() => facetCounts(base), [base])
  const rows = useMemo(() => filterByStatus(base, filterParams.status), [base, filterParams.status])
  // Made when the Target filter is first reached for (or a target is chosen), not for the
  // first rows: 1,400 labels in the large fleet, each a message, sorted by a collator.
  const targets = useCallback(() => targetsOf(allRows, t), [allRows, t])
  const selection = useRowSelection(rows, appKey)
  const selectedApps = useMemo(
    () => selection.selectedRows.map((r) => r.app),
    [selection.selectedRows],
  )
  const columns = useMemo(() => applicationColumns(scope.envId, now, t), [scope.envId, now, t])
  // Built only when what it shows changes: the URL catching up with the typed text, a
  // refetch that changed nothing (304) or a dialog opening leaves the table alone.
  const { table: tableSelection } = selection
  const table = useMemo(
    () => (
      <DataTable
        label={t('applications.list.title')}
        rows={rows}
        columns={columns}
        rowKey={appKey}
        rowLabel={(r) => r.app.name}
        sort={filterParams.sort}
        onSortChange={(sort: SortState) => set({ sort })}
        selection={tableSelection}
      />
    ),
    [rows, columns, filterParams.sort, tableSelection, set, t],
  )

  return (
    <ListPage
      title={t('applications.list.title')}
      count={{ where: environment.name, filtered }}
      actions={deployAction()}
      toolbar={
        <ListToolbar
          searchLabel={t('applications.list.searchLabel')}
          placeholder={t('applications.list.searchPlaceholder')}
          list={list}
          searchWidth={280}
        >
          <StatusFacets
            label={t('applications.list.status')}
            facets={STATUS_FACETS}
            active={params.status}
            labelFor={(facet) => t(FACET_LABELS[facet])}
            countFor={(facet) => counts[facet]}
            onChange={(status) => set({ status })}
          />
          <TargetFilter
            targets={targets}
            value={params.target}
            onChange={(target) => set({ target })}
          />
        </ListToolbar>
      }
      bulk={{
        selection,
        actions: [
          {
            label: t('applications.bulk.startAction'),
            permission: canManage,
            onClick: () => setBulk('start'),
          },
          {
            label: t('applications.bulk.stopAction'),
            permission: canManage,
            onClick: () => setBulk('stop'),
          },
          removeAction(t('applications.bulk.deleteAction'), canDelete, () => setBulk('delete')),
        ],
      }}
      query={apps}
      nouns={[t('applications.list.nounOne'), t('applications.list.nounOther')]}
      rejected={apps.data?.rejected}
      total={allRows.length}
      shown={rows.length}
      empty={
        <NoneYet noun={t('applications.list.nounOther')} where={environment.name}>
          <p>{t('applications.list.emptyHint')}</p>
          {deployAction(t('applications.list.emptyAction'))}
        </NoneYet>
      }
      onClear={clear}
      after={
        <>
          {deploy !== 'unused' && (
            <DeployDialog open={deploy === 'open'} onOpenChange={onDeployOpenChange} />
          )}
          {bulk && (
            <BulkApplicationDialog
              action={bulk}
              apps={selectedApps}
              onClose={() => setBulk(null)}
              onDone={(done) => bulk === 'delete' && selection.drop(done)}
            />
          )}
        </>
      }
    >
      {table}
    </ListPage>
  )
}
