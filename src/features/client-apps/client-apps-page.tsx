import { useBulkDialog } from '../../components/bulk-action-dialog.tsx'
import { ApiText } from '../../components/api-text.tsx'
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
import { paths } from '../../lib/paths.ts'
import {
  CLIENT_APP_LIST_PARAMS,
  hasNextPage,
  listParamsFor,
  pageRangeLabel,
  type ClientAppListView,
} from './client-app-list-model.ts'
import { clientAppStatus } from './client-app-status.ts'
import { CreateClientAppDialog } from './create-client-app-dialog.tsx'
import { BulkDeleteClientAppsDialog } from './delete-client-apps.tsx'

function columns(envId: string): Column<ClientAppSummary>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      width: '26%',
      cell: (a) => <CellLink to={paths.clientApp(envId, a.applicationId)}>{a.name}</CellLink>,
    },
    {
      id: 'status',
      header: 'Status',
      width: '14%',
      cell: (a) => <StatusBadge {...pick(clientAppStatus(a.status))} />,
    },
    { id: 'tier', header: 'Throttling tier', width: '14%', cell: (a) => a.throttlingTier },
    { id: 'subscriber', header: 'Owner', width: '16%', cell: (a) => a.subscriber ?? '—' },
    {
      id: 'description',
      header: 'Description',
      width: '30%',
      cell: (a) => <span title={a.description ?? undefined}>{a.description ?? ''}</span>,
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
  const { scope } = useConsole()
  const canManage = usePermission('manageClientApps')
  const { params: view, set } = useListParams(CLIENT_APP_LIST_PARAMS)
  const apps = useQuery(clientAppQueries.list(listParamsFor(view)))
  const create = useDialogAction({
    id: 'create',
    label: 'Create client application',
    permission: canManage,
  })
  const tableColumns = useMemo(() => columns(scope.envId), [scope.envId])
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
      <EmptyState
        title={
          <>
            No application is named “<ApiText>{view.name}</ApiText>”
          </>
        }
      >
        <p>
          The lookup matches the whole name exactly. Check the spelling, or list every application.
        </p>
        <Button onClick={showAll}>Show all applications</Button>
      </EmptyState>
    )
  } else if (view.page > 1) {
    empty = (
      <EmptyState title={`Page ${view.page} is past the last application`}>
        <Button onClick={showAll}>Go to the first page</Button>
      </EmptyState>
    )
  } else {
    empty = (
      <EmptyState title="No client applications yet">
        <p>Create one to give a website, mobile app or partner system its own keys.</p>
        {create.button('Create a client application')}
      </EmptyState>
    )
  }
  const more = list ? hasNextPage(list) : false

  return (
    <ListPage
      title="Client applications"
      subtitle="API Store applications of your organization: the same in every environment."
      actions={create.button('Create application')}
      toolbar={
        <form className="toolbar" role="search" onSubmit={lookUp} key={view.name}>
          <input
            type="search"
            name="name"
            aria-label="Exact application name"
            aria-keyshortcuts="/"
            placeholder="Exact application name"
            defaultValue={view.name}
            style={{ width: 280 }}
          />
          <Button type="submit">Look up</Button>
          {view.name !== '' && (
            <Button variant="ghost" onClick={showAll}>
              Show all
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
            actions={[removeAction('Delete…', canManage, remove.show)]}
          />
        )
      }
      query={apps}
      nouns={['client application', 'client applications']}
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
          label="Client applications"
          rows={list?.list ?? []}
          columns={tableColumns}
          rowKey={(a) => a.applicationId}
          rowLabel={(a) => a.name}
          selection={{ selected, onChange: select }}
        />
      </div>
      <nav className="toolbar" aria-label="Pages" style={{ marginTop: 12 }}>
        <Button
          disabled={view.page <= 1 || apps.isPlaceholderData}
          onClick={() => go({ ...view, page: view.page - 1 })}
        >
          Previous page
        </Button>
        <span role="status">
          Page {view.page} · applications {pageRangeLabel(view, count)}
          {more ? '' : ' (last page)'}
        </span>
        <Button
          disabled={!more || apps.isPlaceholderData}
          busy={apps.isPlaceholderData && apps.isFetching}
          onClick={() => go({ ...view, page: view.page + 1 })}
        >
          Next page
        </Button>
      </nav>
    </ListPage>
  )
}
