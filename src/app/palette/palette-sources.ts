import { useQueries, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { ClientAppList } from '../../api/app-store/client-app-schemas.ts'
import { CLIENT_APP_PAGE_SIZE, clientAppQueries } from '../../api/app-store/client-apps.ts'
import { deviceQueries } from '../../api/device-admin/devices.ts'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import { clusterQueries } from '../../api/runtime-manager/clusters.ts'
import { serverGroupQueries } from '../../api/runtime-manager/server-groups.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { deviceLabel, lookupHint } from '../../features/devices/device-list-model.ts'
import { rankItems, type Ranked, type RankedGroup } from '../../lib/command-model.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { paths, type TargetKind } from '../../lib/paths.ts'
import { t, type MessageKey } from '../../lib/i18n.ts'
import { useSettledText } from '../../lib/use-search-draft.ts'

/** Whether the device administration and API Store sign-ins are there to search. */
export interface Families {
  mfp: boolean
  store: boolean
}

/** A thing to jump to: its name (API text), a second line, and its page. */
export interface EntityItem {
  value: string
  name: string
  detail?: string
  /** What a query is matched against, when more than the name (a device's users). */
  match?: string
  to: string
}

/** One kind of thing the palette finds: its matches, ranked, and where its list stands. */
export interface EntitySource extends RankedGroup<EntityItem> {
  loading: boolean
  failed: boolean
}

/** Each kind of thing found, with its group's heading (translated as the palette renders). */
const HEADINGS = {
  applications: 'shell.areas.applications',
  servers: 'shell.areas.servers',
  serverGroups: 'shell.areas.serverGroups',
  clusters: 'shell.areas.clusters',
  devices: 'shell.areas.devices',
  clientApps: 'shell.areas.clientApps',
} as const satisfies Record<string, MessageKey>

type SourceId = keyof typeof HEADINGS

/** What a query is matched against. */
export function entityText(item: EntityItem): string {
  return item.match ?? item.name
}

/**
 * A list query as the palette uses it: what the cache holds is used as it is (no refetch
 * because the palette opened, no polling of its own); only a list that was never read is
 * fetched, and only once the operator has typed (`wanted`).
 */
const PASSIVE = {
  refetchOnMount: false,
  refetchOnWindowFocus: false,
  refetchInterval: false,
  retry: false,
} as const

/** Fewer than this many characters do not ask the device server. */
const DEVICE_SEARCH_MIN = 2
const DEVICE_PAGE = 25

function source(
  id: SourceId,
  ranked: Ranked<EntityItem>,
  query: { isFetching: boolean; isError: boolean; data?: unknown },
): EntitySource {
  return {
    id,
    heading: t(HEADINGS[id]),
    ...ranked,
    loading: query.data === undefined && query.isFetching,
    failed: query.data === undefined && query.isError,
  }
}

/**
 * Everything the palette can jump to in `scope` that matches `search`, ranked: the
 * servers, groups, clusters and applications from React Query's cache (read through their
 * query options when not loaded yet), client applications from the pages already read
 * (the first page otherwise), and devices from the device server's own search. A list is
 * ranked again only when it or the search changes.
 */
export function useEntitySources(
  scope: EnvScope | null,
  search: string,
  families: Families,
): EntitySource[] {
  const wanted = search.trim() !== '' && scope !== null
  const envId = scope?.envId ?? ''
  // A scope is needed to build the keys; without one nothing is enabled.
  const at = scope ?? { orgId: '', envId: '' }

  const apps = useQuery({ ...applicationQueries.list(at), ...PASSIVE, enabled: wanted })
  const servers = useQuery({ ...serverQueries.list(at), ...PASSIVE, enabled: wanted })
  const groups = useQuery({ ...serverGroupQueries.list(at), ...PASSIVE, enabled: wanted })
  const clusters = useQuery({ ...clusterQueries.list(at), ...PASSIVE, enabled: wanted })

  const appItems = useMemo(
    () =>
      apps.data?.items.map((a) => ({
        value: `application:${a.id}`,
        name: a.name,
        detail: a.target.name,
        to: paths.application(envId, a.id),
      })),
    [apps.data, envId],
  )
  const serverItems = useMemo(
    () =>
      servers.data?.items.map((s) => ({
        value: `server:${s.id}`,
        name: s.name,
        to: paths.server(envId, s.id),
      })),
    [servers.data, envId],
  )
  const groupItems = useMemo(
    () => groups.data && targetItems(envId, 'group', groups.data.items),
    [groups.data, envId],
  )
  const clusterItems = useMemo(
    () => clusters.data && targetItems(envId, 'cluster', clusters.data.items),
    [clusters.data, envId],
  )

  const appsRanked = useMemo(
    () => rankItems(appItems ?? [], entityText, search),
    [appItems, search],
  )
  const serversRanked = useMemo(
    () => rankItems(serverItems ?? [], entityText, search),
    [serverItems, search],
  )
  const groupsRanked = useMemo(
    () => rankItems(groupItems ?? [], entityText, search),
    [groupItems, search],
  )
  const clustersRanked = useMemo(
    () => rankItems(clusterItems ?? [], entityText, search),
    [clusterItems, search],
  )

  const clientApps = useClientApps(wanted && families.store, envId, search)
  const devices = useDevices(wanted && families.mfp ? search : '', envId)

  return [
    source('applications', appsRanked, apps),
    source('servers', serversRanked, servers),
    source('serverGroups', groupsRanked, groups),
    source('clusters', clustersRanked, clusters),
    devices,
    clientApps,
  ]
}

function targetItems(
  envId: string,
  kind: TargetKind,
  list: ReadonlyArray<{ id: number; name: string }>,
): EntityItem[] {
  return list.map((target) => ({
    value: `${kind}:${target.id}`,
    name: target.name,
    to: paths.target(envId, kind, target.id),
  }))
}

/**
 * Client applications: the store pages with limit/offset and searches exact names only,
 * so the palette uses every page the console has read, or reads the first page.
 */
function useClientApps(wanted: boolean, envId: string, search: string): EntitySource {
  const queryClient = useQueryClient()
  const cached = queryClient
    .getQueriesData<ClientAppList>({ queryKey: clientAppQueries.lists() })
    .filter((entry): entry is [QueryKey, ClientAppList] => entry[1] !== undefined)
  const first = useQuery({
    ...clientAppQueries.list({ name: '', offset: 0, limit: CLIENT_APP_PAGE_SIZE }),
    ...PASSIVE,
    enabled: wanted && cached.length === 0,
  })
  const seen = new Map<string, EntityItem>()
  for (const [, page] of cached)
    for (const app of page.list)
      seen.set(app.applicationId, {
        value: `client-app:${app.applicationId}`,
        name: app.name,
        detail: app.subscriber ?? undefined,
        to: paths.clientApp(envId, app.applicationId),
      })
  return {
    ...source('clientApps', rankItems([...seen.values()], entityText, search), first),
    loading: cached.length === 0 && first.isFetching,
    failed: cached.length === 0 && first.isError,
  }
}

/** Devices: the device server's search (friendly name or user id) in each runtime. */
function useDevices(search: string, envId: string): EntitySource {
  const settled = useSettledText(search.trim())
  const wanted = settled.length >= DEVICE_SEARCH_MIN
  const runtimes = useQuery({ ...deviceQueries.runtimes(), ...PASSIVE, enabled: wanted })
  const names = runtimes.data?.names ?? []
  const pages = useQueries({
    queries: names.map((runtime) => ({
      ...deviceQueries.list(runtime, {
        query: settled,
        orderBy: '',
        bookmark: '',
        pageSize: DEVICE_PAGE,
      }),
      ...PASSIVE,
      // A search of its own: the previous search's rows would not match this one.
      placeholderData: undefined,
      enabled: wanted,
    })),
  })
  const items: EntityItem[] = []
  pages.forEach((page, i) => {
    const runtime = names[i] ?? ''
    for (const device of page.data?.items ?? []) {
      const users = device.userIds?.map((u) => u.str).join(', ') ?? ''
      items.push({
        value: `device:${runtime}:${device.id}`,
        name: deviceLabel(device),
        detail: [users, names.length > 1 ? runtime : ''].filter(Boolean).join(' · '),
        match: `${deviceLabel(device)} ${users}`,
        to: paths.device(envId, runtime, device.id, lookupHint(device)),
      })
    }
  })
  const fetching =
    wanted && (runtimes.isFetching || pages.some((p) => p.isFetching && p.data === undefined))
  return {
    id: 'devices',
    heading: t(HEADINGS.devices),
    ...rankItems(wanted ? items : [], entityText, search),
    loading: fetching || (search.trim().length >= DEVICE_SEARCH_MIN && settled !== search.trim()),
    failed: wanted && (runtimes.isError || pages.some((p) => p.isError)),
  }
}
