import { ApiText, apiMessage } from '../../components/api-text.tsx'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useParams } from 'react-router'
import type { Device } from '../../api/device-admin/device-schemas.ts'
import { DEVICE_PAGE_SIZE, deviceQueries } from '../../api/device-admin/devices.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CellLink, DataTable, type Column, type SortState } from '../../components/data-table.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { ListToolbar, SelectionBar } from '../../components/list-toolbar.tsx'
import { EmptyState } from '../../components/states.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { useListParams } from '../../components/use-list-params.ts'
import { useNow } from '../../components/use-now.ts'
import { formatAgo, formatDateTime, formatNumber } from '../../lib/format.ts'
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

function deviceColumns(envId: string, runtime: string, now: number): Column<Device>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      width: '20%',
      sortable: true,
      cell: (d) => (
        <CellLink to={paths.device(envId, runtime, d.id, lookupHint(d))}>{deviceLabel(d)}</CellLink>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      width: '10%',
      sortable: true,
      cell: (d) => <StatusBadge {...deviceStatusTone(d.status)} />,
    },
    {
      id: 'users',
      header: 'Users',
      width: '15%',
      cell: (d) => (
        <span title={usersOf(d)}>
          <ApiText>{usersOf(d)}</ApiText>
        </span>
      ),
    },
    { id: 'model', header: 'Model', width: '13%', sortable: true, cell: (d) => d.deviceModel },
    { id: 'os', header: 'OS', width: '11%', sortable: true, cell: (d) => d.deviceOs },
    {
      id: 'lastAccessed',
      header: 'Last access',
      width: '12%',
      sortable: true,
      cell: (d) => {
        const at = d.lastAccessed ? Date.parse(d.lastAccessed) : NaN
        return Number.isNaN(at) ? '—' : <span title={formatDateTime(at)}>{formatAgo(at, now)}</span>
      },
    },
    {
      id: 'disabled',
      header: 'Apps disabled',
      width: '14%',
      cell: (d) => {
        const { disabled, total } = disabledCount(d)
        if (total === 0) return <span className="muted">No apps</span>
        return disabled > 0 ? (
          <StatusBadge label={`${disabled} of ${total} disabled`} tone="warn" />
        ) : (
          <span className="muted">None of {total}</span>
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
    () => deviceColumns(scope.envId, runtime, now),
    [scope.envId, runtime, now],
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
      title="Devices"
      subtitle={
        page ? (
          <>
            {`${formatNumber(page.totalListSize)} ${params.q ? 'matching ' : ''}device${page.totalListSize === 1 ? '' : 's'} in runtime `}
            <ApiText>{runtime}</ApiText>
          </>
        ) : (
          <>
            Runtime <ApiText>{runtime}</ApiText>
          </>
        )
      }
      actions={
        <>
          <RuntimePicker />
          <Button permission={canChange} onClick={() => setBulk('user')}>
            Change an app for a user…
          </Button>
        </>
      }
      toolbar={
        <ListToolbar
          searchLabel="Search devices"
          placeholder="Search by device name or user id…"
          list={{ text: params.q, setText: search, filtered: params.q !== '', clear: clearSearch }}
          searchWidth={300}
          clearLabel="Clear search"
        />
      }
      selection={
        selected.size > 0 && (
          <SelectionBar
            count={selected.size}
            summary={
              <>
                <strong>{selected.size} selected in all</strong>
                <span className="muted">
                  {selectedHere} on this page
                  {selected.size > selectedHere &&
                    `, ${selected.size - selectedHere} on other pages`}
                </span>
              </>
            }
            onClear={() => setSelected(new Map())}
            actions={[
              {
                label: 'Enable or disable an app…',
                permission: canChange,
                onClick: () => setBulk('selected'),
              },
            ]}
          />
        )
      }
      query={list}
      nouns={['device', 'devices']}
      errorTitle={apiMessage`Could not load the devices of runtime ${runtime}`}
      rejected={page?.rejected}
      total={rows.length}
      shown={rows.length}
      empty={
        params.q ? (
          <EmptyState title={apiMessage`No device matches “${params.q}”`}>
            <p>The search looks at device names and user ids.</p>
            <Button onClick={clearSearch}>Clear search</Button>
          </EmptyState>
        ) : (
          <EmptyState title={apiMessage`No devices in runtime ${runtime}`}>
            <p>Devices appear here when an application of this runtime first connects from them.</p>
          </EmptyState>
        )
      }
      onClear={clearSearch}
      listClassName="devices-table"
      after={
        <>
          {page && page.totalListSize > 0 && (
            <nav className="pager" aria-label="Pages">
              <span className="muted" role="status">
                {formatNumber(start + 1)}–{formatNumber(start + rows.length)} of{' '}
                {formatNumber(page.totalListSize)}
              </span>
              <Button
                size="small"
                disabled={!page.prevPageBookmark || list.isPlaceholderData}
                onClick={() => set({ page: page.prevPageBookmark ?? '' }, { history: 'push' })}
              >
                Previous page
              </Button>
              <Button
                size="small"
                disabled={!page.nextPageBookmark || list.isPlaceholderData}
                onClick={() => set({ page: page.nextPageBookmark ?? '' }, { history: 'push' })}
              >
                Next page
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
        label="Devices"
        rows={rows}
        columns={columns}
        rowKey={(d) => d.id}
        rowLabel={deviceLabel}
        sort={params.sort}
        onSortChange={(sort: SortState) => set({ sort, page: '' })}
        selection={selection}
      />
    </ListPage>
  )
}
