import { useBulkDialog } from '../../components/bulk-action-dialog.tsx'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { TargetRecord } from '../../api/runtime-manager/target-requests.ts'
import { useDialogAction } from '../../components/page-commands.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { NoneYet } from '../../components/list-states.tsx'
import { ListToolbar, removeAction } from '../../components/list-toolbar.tsx'
import { useListSearch } from '../../components/use-list-params.ts'
import { useRowSelection } from '../../components/use-row-selection.ts'
import { namedRowKey, namedTable } from '../../components/named-table.ts'
import { useT } from '../../components/i18n.tsx'
import { MAX_CLUSTER_SERVERS } from '../../api/runtime-manager/target-schemas.ts'
import { CreateTargetDialog } from './create-target-dialog.tsx'
import { BulkDeleteTargetsDialog } from './delete-target.tsx'
import { RollupFacets } from './rollup-facets.tsx'
import { wordsOf, type TargetKindSpec } from './target-kind.ts'
import {
  filterTargets,
  filterTargetsExceptStatus,
  sortTargets,
  targetListParams,
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
  const t = useT()
  const canManage = usePermission('manageServers')
  const { rules } = kind.list
  const { schema, names } = targetListParams(rules)
  // Written at once: filtering the list per key is cheap, and a reload keeps the text.
  const list = useListSearch(schema, names, { draft: false })
  const { params, set, filters, filtered, clear } = list
  const targets = useQuery(kind.api.queries.list(scope))

  const all = targets.data?.items
  const facetBase = useMemo(
    () => (all ? filterTargetsExceptStatus(rules, all, filters) : []),
    [rules, all, filters],
  )
  const rows = useMemo(
    () => (all ? sortTargets(rules, filterTargets(rules, all, filters), filters.sort) : []),
    [rules, all, filters],
  )
  const selection = useRowSelection(rows, namedRowKey)
  const remove = useBulkDialog(selection.drop)
  const { columns: columnsFor } = kind.list
  const columns = useMemo(() => columnsFor(scope.envId, t), [columnsFor, scope.envId, t])
  const { filter } = rules
  const words = wordsOf(kind.kind)
  const create = useDialogAction({
    id: 'create',
    label: t(words.create),
    permission: canManage,
  })

  return (
    <ListPage
      title={t(words.plural)}
      count={{ where: environment.name, filtered }}
      actions={create.button()}
      toolbar={
        <ListToolbar
          searchLabel={t(words.filterLabel)}
          placeholder={t(kind.list.placeholder)}
          list={list}
        >
          <RollupFacets
            targets={facetBase}
            active={params.status}
            onChange={(status) => set({ status })}
          />
          {filter && (
            <select
              aria-label={t(filter.label)}
              value={params.filter}
              onChange={(e) =>
                set({
                  filter: filter.options.some((o) => o.value === e.target.value)
                    ? e.target.value
                    : '',
                })
              }
            >
              {filter.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {t(o.label)}
                </option>
              ))}
            </select>
          )}
        </ListToolbar>
      }
      query={targets}
      nouns={[t(words.nounOne), t(words.nounOther)]}
      rejected={targets.data?.rejected}
      total={all?.length ?? 0}
      empty={
        <NoneYet noun={t(words.nounOther)} where={environment.name}>
          <p>{t(kind.list.emptyText, { max: MAX_CLUSTER_SERVERS })}</p>
          {create.button(t(words.createA))}
        </NoneYet>
      }
      onClear={clear}
      after={
        <>
          {create.open && <CreateTargetDialog kind={kind} {...create.dialog} />}
          {remove.open && (
            <BulkDeleteTargetsDialog
              kind={kind}
              targets={selection.selectedRows}
              {...remove.state}
            />
          )}
        </>
      }
      table={namedTable({
        label: t(words.plural),
        rows,
        columns,
        sort: list,
        bulk: {
          selection,
          actions: [removeAction(t('targets.list.deleteSelected'), canManage, remove.show)],
        },
      })}
    />
  )
}
