import { useBulkDialog } from '../../components/bulk-action-dialog.tsx'
import { useQuery } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { membershipOf } from '../../api/runtime-manager/target-rules.ts'
import { useDialogAction } from '../../components/page-commands.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { CellLink, type Column } from '../../components/data-table.tsx'
import { columnTable } from '../../components/column-table.ts'
import { ListToolbar, removeAction, StatusFacets } from '../../components/list-toolbar.tsx'
import { ListPage } from '../../components/list-page.tsx'
import { NoneYet } from '../../components/list-states.tsx'
import { serverStatus } from '../../components/status-tones.ts'
import { useListSearch } from '../../components/use-list-params.ts'
import { useNow } from '../../components/use-now.ts'
import { useRowSelection } from '../../components/use-row-selection.ts'
import { namedRowKey, namedTable } from '../../components/named-table.ts'
import { Msg, useT } from '../../components/i18n.tsx'
import type { t as translate } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { RegisterServerDialog } from './register-server-dialog.tsx'
import { addressesText, ExpiryTags, ServerStatusBadge } from './server-cells.tsx'
import {
  filterServers,
  filterServersExceptStatus,
  runtimeVersion,
  SERVER_LIST_PARAMS,
  sortServers,
  statusCounts,
} from './server-list-model.ts'
import { BulkUnregisterDialog } from './unregister-servers.tsx'

const FACETS = ['RUNNING', 'DISCONNECTED', 'CREATED'] as const

/** The list's columns; cells are render functions called by the table, not components. */
function serverColumns(envId: string, now: number, t: typeof translate): Column<Server>[] {
  return columnTable<Server>({
    name: [
      t('servers.list.name'),
      '19%',
      (s) => <CellLink to={paths.server(envId, s.id)}>{s.name}</CellLink>,
    ],
    status: [t('servers.list.status'), '13%', (s) => <ServerStatusBadge status={s.status} />],
    type: [
      t('servers.list.type'),
      '8%',
      (s) => (s.serverType === 'GATEWAY' ? t('servers.type.gateway') : t('servers.type.mule')),
    ],
    version: [t('servers.list.runtime'), '8%', (s) => runtimeVersion(s) || '—'],
    agent: [t('servers.list.agent'), '8%', (s) => s.agentVersion ?? '—'],
    addresses: [
      t('servers.list.addresses'),
      '12%',
      (s) => <span className="mono">{addressesText(s)}</span>,
      'unsorted',
    ],
    membership: [t('servers.list.membership'), '15%', membershipCell],
    expiry: [t('servers.list.expiry'), '17%', (s) => <ExpiryTags server={s} now={now} />],
  })
}

function membershipCell(s: Server): ReactNode {
  const m = membershipOf(s)
  return m ? (
    <Msg
      id={m.kind === 'group' ? 'servers.list.inGroup' : 'servers.list.inCluster'}
      values={{ name: m.name }}
    />
  ) : (
    <span className="muted">—</span>
  )
}

export function ServersPage() {
  const { scope, environment } = useConsole()
  const t = useT()
  const canManage = usePermission('manageServers')
  // Written at once: filtering the list per key is cheap, and a reload keeps the text.
  const list = useListSearch(SERVER_LIST_PARAMS, undefined, { draft: false })
  const { params, set, filters, filtered, clear } = list
  const servers = useQuery(serverQueries.list(scope))
  const now = useNow(60_000)
  const register = useDialogAction({
    id: 'register',
    label: t('servers.list.register'),
    permission: canManage,
  })

  const all = servers.data?.items
  const base = useMemo(() => (all ? filterServersExceptStatus(all, filters) : []), [all, filters])
  const counts = useMemo(() => statusCounts(base), [base])
  const rows = useMemo(
    () => (all ? sortServers(filterServers(all, filters), filters.sort) : []),
    [all, filters],
  )
  const selection = useRowSelection(rows, namedRowKey)
  const unregister = useBulkDialog(selection.drop)
  const columns = useMemo(() => serverColumns(scope.envId, now, t), [scope.envId, now, t])

  return (
    <ListPage
      title={t('servers.list.title')}
      count={{
        where: environment.name,
        messages: { all: 'servers.list.count', shown: 'servers.list.countShown' },
        filtered,
      }}
      actions={register.button()}
      toolbar={
        <ListToolbar
          searchLabel={t('servers.list.filterLabel')}
          placeholder={t('servers.list.filterPlaceholder')}
          list={list}
        >
          <StatusFacets
            label={t('servers.list.status')}
            facets={FACETS}
            active={params.status}
            labelFor={(status) => serverStatus(status).label}
            countFor={(status) => counts.get(status) ?? 0}
            onChange={(status) => set({ status })}
          />
          <select
            aria-label={t('servers.list.typeFilter')}
            value={params.type}
            onChange={(e) =>
              set({
                type:
                  e.target.value === 'MULE' || e.target.value === 'GATEWAY' ? e.target.value : '',
              })
            }
          >
            <option value="">{t('servers.list.allTypes')}</option>
            <option value="MULE">{t('servers.type.mule')}</option>
            <option value="GATEWAY">{t('servers.type.gateway')}</option>
          </select>
        </ListToolbar>
      }
      query={servers}
      nouns={[t('servers.list.nounOne'), t('servers.list.nounOther')]}
      rejected={servers.data?.rejected}
      total={all?.length ?? 0}
      empty={
        <NoneYet noun={t('servers.list.nounOther')} where={environment.name}>
          <p>{t('servers.list.emptyText')}</p>
          {register.button(t('servers.register.title'))}
        </NoneYet>
      }
      onClear={clear}
      after={
        <>
          <RegisterServerDialog {...register.dialog} />
          {unregister.open && (
            <BulkUnregisterDialog servers={selection.selectedRows} {...unregister.state} />
          )}
        </>
      }
      table={namedTable({
        label: t('servers.list.title'),
        rows,
        columns,
        sort: list,
        bulk: {
          selection,
          actions: [removeAction(t('servers.list.unregisterSelected'), canManage, unregister.show)],
        },
      })}
    />
  )
}
