import { ApiText } from '../../components/api-text.tsx'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useParams } from 'react-router'
import type { Device } from '../../api/device-admin/device-schemas.ts'
import { DEVICE_PAGE_SIZE } from '../../api/device-admin/device-lookup.ts'
import { deviceQueries } from '../../api/device-admin/devices.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { Msg, message, useT } from '../../components/i18n.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { ListToolbar, SelectionBar } from '../../components/list-toolbar.tsx'
import { EmptyState } from '../../components/states.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { useListParams } from '../../components/use-list-params.ts'
import { useNow } from '../../components/use-now.ts'
import { formatAgo, formatDateTime } from '../../lib/format.ts'
import type { t as translate } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { useSettledText } from '../../lib/use-search-draft.ts'
import { BulkAppStatusDialog } from './bulk-app-status-dialog.tsx'
import {
  deviceLabel,
  DEVICE_LIST_PARAMS,
  deviceStatusTone,
  disabledCount,
  lookupHint,
  mergeShown,
  orderByOf,
  usersOf,
} from './device-list-model.ts'
import { useDeviceChangePermission } from './device-permission.ts'
import { RuntimePicker } from './runtime-picker.tsx'
import { TransactionsPanel } from './transactions-panel.tsx'
import './devices.css'

function deviceColumns(
  t: typeof translate,
  envId: string,
  runtime: string,
  now: number,
): Column<Device>[] {
  return [
    {
      id: 'name',
      header: t('devices.list.name'),
      width: '20%',
      sortable: true,
      cell: (d) => (
        <CellLink to={paths.device(envId, runtime, d.id, lookupHint(d))}>{deviceLabel(d)}</CellLink>
      ),
    },
    {
      id: 'status',
      header: t('devices.list.status'),
      width: '10%',
      sortable: true,
      cell: (d) => <StatusBadge {...deviceStatusTone(d.status)} />,
    },
    {
      id: 'users',
      header: t('devices.list.users'),
      width: '15%',
      cell: (d) => (
        <span title={usersOf(d)}>
          <ApiText>{usersOf(d)}</ApiText>
        </span>
      ),
    },
    {
      id: 'model',
      header: t('devices.list.model'),
      width: '13%',
      sortable: true,
      cell: (d) => d.deviceModel,
    },
    {
      id: 'os',
      header: t('devices.list.os'),
      width: '11%',
      sortable: true,
      cell: (d) => d.deviceOs,
    },
    {
      id: 'lastAccessed',
      header: t('devices.list.lastAccess'),
      width: '12%',
      sortable: true,
      cell: (d) => {
        const at = d.lastAccessed ? Date.parse(d.lastAccessed) : NaN
        return Number.isNaN(at) ? '—' : <span title={formatDateTime(at)}>{formatAgo(at, now)}</span>
      },
    },
    {
      id: 'disabled',
      header: t('devices.list.appsDisabled'),
      width: '14%',
      cell: (d) => {
        const { disabled, total } = disabledCount(d)
        if (total === 0) return <span className="muted">{t('devices.list.noApps')}</span>
        return disabled > 0 ? (
          <StatusBadge label={t('devices.list.someDisabled', { disabled, total })} tone="warn" />
        ) : (
          <span className="muted">{t('devices.list.noneDisabled', { total })}</span>
        )
      },
    },
  ]
}

/**
 * One runtime's devices: searched, sorted and paged by the server (bookmarks), all of it
 * in the URL, so 50,000 devices cost one page of 100 at a time.
 */
export function DevicesPage() {
  const t = useT()
  const { scope } = useConsole()
  const { runtime = '' } = useParams()
  const canChange = useDeviceChangePermission()
  const { params, set } = useListParams(DEVICE_LIST_PARAMS)
  // The URL holds every key (a reload keeps it); the server is asked once typing pauses.
  const query = useSettledText(params.q.trim())
  const list = useQuery(
    deviceQueries.list(runtime, {
      query,
      orderBy: orderByOf(params.sort),
      bookmark: params.page,
      pageSize: DEVICE_PAGE_SIZE,
    }),
  )
  const now = useNow(30_000)
  // Selected devices are kept whole: the selection outlives the page they were picked on.
  const [selected, setSelected] = useState<ReadonlyMap<string, Device>>(new Map())
  const [bulk, setBulk] = useState<'selected' | 'user' | null>(null)
  const columns = useMemo(
    () => deviceColumns(t, scope.envId, runtime, now),
    [t, scope.envId, runtime, now],
  )
  // A new search or order starts at its first page: a bookmark belongs to one list.
  const search = (q: string) => set({ q, page: '' })
  const clearSearch = () => search('')

  const page = list.data
  const rows = page?.items ?? []
  const selection = {
    selected: new Set(selected.keys()),
    // The table speaks for the rows it shows (a row's checkbox or "select all shown"):
    // only those are added or removed, picks from other pages stay selected.
    onChange: (keys: Set<string>) => setSelected((current) => mergeShown(current, rows, keys)),
    acrossPages: true,
  }
  const selectedHere = rows.reduce((n, d) => n + (selected.has(d.id) ? 1 : 0), 0)
  const start = page?.startIndex ?? 0

  return (
    <ListPage
      title={t('devices.list.title')}
      subtitle={
        page ? (
          <Msg
            id={params.q ? 'devices.list.countMatching' : 'devices.list.count'}
            values={{ count: page.totalListSize, runtime }}
          />
        ) : (
          <Msg id="devices.list.runtime" values={{ runtime }} />
        )
      }
      actions={
        <>
          <RuntimePicker />
          <Button permission={canChange} onClick={() => setBulk('user')}>
            {t('devices.list.changeForUser')}
          </Button>
        </>
      }
      toolbar={
        <ListToolbar
          searchLabel={t('devices.list.searchLabel')}
          placeholder={t('devices.list.searchPlaceholder')}
          list={{ text: params.q, setText: search, filtered: params.q !== '', clear: clearSearch }}
          searchWidth={300}
          clearLabel={t('devices.list.clearSearch')}
        />
      }
      selection={
        selected.size > 0 && (
          <SelectionBar
            count={selected.size}
            summary={
              <>
                <strong>{t('devices.list.selected', { count: selected.size })}</strong>
                <span className="muted">
                  {selected.size > selectedHere
                    ? t('devices.list.selectedHereAndElsewhere', {
                        here: selectedHere,
                        elsewhere: selected.size - selectedHere,
                      })
                    : t('devices.list.selectedHere', { here: selectedHere })}
                </span>
              </>
            }
            onClear={() => setSelected(new Map())}
            actions={[
              {
                label: t('devices.list.enableOrDisable'),
                permission: canChange,
                onClick: () => setBulk('selected'),
              },
            ]}
          />
        )
      }
      query={list}
      nouns={[t('devices.noun.device'), t('devices.noun.devices')]}
      errorTitle={message('devices.list.loadFailed', { runtime })}
      rejected={page?.rejected}
      total={rows.length}
      shown={rows.length}
      empty={
        params.q ? (
          <EmptyState title={message('devices.list.noMatch', { query: params.q })}>
            <p>{t('devices.list.searchHint')}</p>
            <Button onClick={clearSearch}>{t('devices.list.clearSearch')}</Button>
          </EmptyState>
        ) : (
          <EmptyState title={message('devices.list.empty', { runtime })}>
            <p>{t('devices.list.emptyHint')}</p>
          </EmptyState>
        )
      }
      onClear={clearSearch}
      listClassName="devices-table"
      after={
        <>
          {page && page.totalListSize > 0 && (
            <nav className="pager" aria-label={t('devices.list.pages')}>
              <span className="muted" role="status">
                {t('devices.list.range', {
                  first: start + 1,
                  last: start + rows.length,
                  total: page.totalListSize,
                })}
              </span>
              <Button
                size="small"
                disabled={!page.prevPageBookmark || list.isPlaceholderData}
                onClick={() => set({ page: page.prevPageBookmark ?? '' }, { history: 'push' })}
              >
                {t('devices.list.previous')}
              </Button>
              <Button
                size="small"
                disabled={!page.nextPageBookmark || list.isPlaceholderData}
                onClick={() => set({ page: page.nextPageBookmark ?? '' }, { history: 'push' })}
              >
                {t('devices.list.next')}
              </Button>
            </nav>
          )}
          {/* Only for a runtime that answered: an unknown one has one error to show, not two. */}
          {page && (
            <TransactionsPanel runtime={runtime} devices={[...selected.values(), ...rows]} />
          )}
          {bulk && (
            <BulkAppStatusDialog
              runtime={runtime}
              devices={[...selected.values()]}
              byUser={bulk === 'user'}
              onClose={() => setBulk(null)}
            />
          )}
        </>
      }
    >
      <DataTable
        label={t('devices.list.title')}
        rows={rows}
        columns={columns}
        rowKey={(d) => d.id}
        rowLabel={deviceLabel}
        sort={params.sort}
        onSortChange={(sort: SortState) => set({ sort, page: '' })}
        selection={selection}
        // The pager and the transactions follow the rows: the page scrolls once.
        followPage
      />
    </ListPage>
  )
}
