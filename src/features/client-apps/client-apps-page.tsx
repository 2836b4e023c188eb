import { ApiText } from '../../components/api-text.tsx'
import { useBulkDialog } from '../../components/bulk-action-dialog.tsx'
import { Msg, useT } from '../../components/i18n.tsx'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent } from 'react'
import type { ClientAppSummary } from '../../api/app-store/client-app-schemas.ts'
import { clientAppQueries } from '../../api/app-store/client-apps.ts'
import { Button } from '../../components/button.tsx'
import { useDialogAction } from '../../components/page-commands.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column } from '../../components/data-table.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { removeAction, SelectionBar } from '../../components/list-toolbar.tsx'
import { EmptyState } from '../../components/states.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { useListParams } from '../../components/use-list-params.ts'
import { encodeListParams } from '../../lib/list-params.ts'
import type { t as translate } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import {
  CLIENT_APP_LIST_PARAMS,
  hasNextPage,
  listParamsFor,
  pageRange,
  type ClientAppListView,
} from './client-app-list-model.ts'
import { clientAppStatus } from './client-app-status.ts'
import { CreateClientAppDialog } from './create-client-app-dialog.tsx'
import { BulkDeleteClientAppsDialog } from './delete-client-apps.tsx'

function columns(t: typeof translate, envId: string): Column<ClientAppSummary>[] {
  return [
    {
      id: 'name',
      header: t('client-apps.field.name'),
      width: '26%',
      cell: (a) => <CellLink to={paths.clientApp(envId, a.applicationId)}>{a.name}</CellLink>,
    },
    {
      id: 'status',
      header: t('client-apps.list.status'),
      width: '14%',
      cell: (a) => <StatusBadge {...pick(clientAppStatus(a.status))} />,
    },
    {
      id: 'tier',
      header: t('client-apps.field.tier'),
      width: '14%',
      cell: (a) => a.throttlingTier,
    },
    {
      id: 'subscriber',
      header: t('client-apps.list.owner'),
      width: '16%',
      cell: (a) => a.subscriber ?? '—',
    },
    {
      id: 'description',
      header: t('client-apps.field.description'),
      width: '30%',
      // API text, isolated; whole in the tooltip where the column cuts it.
      cell: (a) =>
        a.description ? (
          <span title={a.description}>
            <ApiText>{a.description}</ApiText>
          </span>
        ) : (
          ''
        ),
    },
  ]
}

function pick(s: ReturnType<typeof clientAppStatus>) {
  return { label: s.label, tone: s.tone, raw: s.raw }
}

/**
 * Client applications of the API Store, one API page at a time (the store pages with
 * limit/offset and reports no total). Page and name lookup live in the URL.
 */
export function ClientAppsPage() {
  const t = useT()
  const { scope } = useConsole()
  const canManage = usePermission('manageClientApps')
  const { params: view, set } = useListParams(CLIENT_APP_LIST_PARAMS)
  const apps = useQuery(clientAppQueries.list(listParamsFor(view)))
  const create = useDialogAction({
    id: 'create',
    label: t('client-apps.list.createCommand'),
    permission: canManage,
  })
  const tableColumns = useMemo(() => columns(t, scope.envId), [t, scope.envId])
  // The store pages with limit/offset and reports no total, so a selection belongs to the
  // page it was made on: it is dropped when the page or the lookup changes.
  const pageKey = encodeListParams(CLIENT_APP_LIST_PARAMS, view).toString()
  const [selection, setSelection] = useState<{ page: string; ids: ReadonlySet<string> }>({
    page: pageKey,
    ids: new Set(),
  })
  const selected = selection.page === pageKey ? selection.ids : new Set<string>()
  const select = (ids: ReadonlySet<string>) => setSelection({ page: pageKey, ids })
  const remove = useBulkDialog((done) =>
    select(new Set([...selected].filter((id) => !done.has(id)))),
  )
  const selectedApps = (apps.data?.list ?? []).filter((a) => selected.has(a.applicationId))

  // Another page or lookup is a step the operator can go Back from.
  const go = (next: ClientAppListView) => set(next, { history: 'push' })
  const showAll = () => go({ page: 1, name: '' })
  const lookUp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = new FormData(event.currentTarget).get('name')
    go({ page: 1, name: typeof name === 'string' ? name.trim() : '' })
  }

  const list = apps.data
  const count = list?.list.length ?? 0
  let empty
  if (view.name !== '') {
    empty = (
      <EmptyState title={<Msg id="client-apps.list.noMatch" values={{ name: view.name }} />}>
        <p>{t('client-apps.list.noMatchHint')}</p>
        <Button onClick={showAll}>{t('client-apps.list.showAllApplications')}</Button>
      </EmptyState>
    )
  } else if (view.page > 1) {
    empty = (
      <EmptyState title={t('client-apps.list.pastLast', { page: view.page })}>
        <Button onClick={showAll}>{t('client-apps.list.firstPage')}</Button>
      </EmptyState>
    )
  } else {
    empty = (
      <EmptyState title={t('client-apps.list.empty')}>
        <p>{t('client-apps.list.emptyHint')}</p>
        {create.button(t('client-apps.create.title'))}
      </EmptyState>
    )
  }
  const more = list ? hasNextPage(list) : false
  const range = pageRange(view, count)

  return (
    <ListPage
      title={t('client-apps.list.title')}
      subtitle={t('client-apps.list.subtitle')}
      actions={create.button(t('client-apps.list.create'))}
      toolbar={
        <form className="toolbar" role="search" onSubmit={lookUp} key={view.name}>
          <input
            type="search"
            name="name"
            aria-label={t('client-apps.list.lookupLabel')}
            aria-keyshortcuts="/"
            placeholder={t('client-apps.list.lookupLabel')}
            defaultValue={view.name}
            style={{ width: 280 }}
          />
          <Button type="submit">{t('client-apps.list.lookUp')}</Button>
          {view.name !== '' && (
            <Button variant="ghost" onClick={showAll}>
              {t('client-apps.list.showAll')}
            </Button>
          )}
        </form>
      }
      selection={
        selectedApps.length > 0 && (
          // The header checkbox selects the page; without a total there is no "all matching".
          <SelectionBar
            count={selectedApps.length}
            onClear={() => select(new Set())}
            actions={[removeAction(t('client-apps.list.deleteSelected'), canManage, remove.show)]}
          />
        )
      }
      query={apps}
      nouns={[t('client-apps.noun.app'), t('client-apps.noun.apps')]}
      rejected={list?.rejected}
      total={count}
      shown={count}
      empty={empty}
      onClear={showAll}
      after={
        <>
          {remove.open && <BulkDeleteClientAppsDialog apps={selectedApps} {...remove.state} />}
          <CreateClientAppDialog {...create.dialog} />
        </>
      }
    >
      <div aria-busy={apps.isPlaceholderData || undefined}>
        <DataTable
          label={t('client-apps.list.title')}
          rows={list?.list ?? []}
          columns={tableColumns}
          rowKey={(a) => a.applicationId}
          rowLabel={(a) => a.name}
          selection={{ selected, onChange: select }}
        />
      </div>
      <nav className="toolbar" aria-label={t('client-apps.list.pages')} style={{ marginTop: 12 }}>
        <Button
          disabled={view.page <= 1 || apps.isPlaceholderData}
          onClick={() => go({ ...view, page: view.page - 1 })}
        >
          {t('client-apps.list.previous')}
        </Button>
        <span role="status">
          {range === null
            ? t(more ? 'client-apps.list.pageNone' : 'client-apps.list.pageNoneLast', {
                page: view.page,
              })
            : t(more ? 'client-apps.list.pageRange' : 'client-apps.list.pageRangeLast', {
                page: view.page,
                ...range,
              })}
        </span>
        <Button
          disabled={!more || apps.isPlaceholderData}
          busy={apps.isPlaceholderData && apps.isFetching}
          onClick={() => go({ ...view, page: view.page + 1 })}
        >
          {t('client-apps.list.next')}
        </Button>
      </nav>
    </ListPage>
  )
}
