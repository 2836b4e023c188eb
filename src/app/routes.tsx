import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { RouteObject } from 'react-router'
import { DeviceNotFoundError } from '../api/device-admin/device-lookup.ts'
import { message } from '../components/i18n.tsx'
import { LoadingState } from '../components/states.tsx'
import { isApiError } from '../lib/api-error.ts'
import { loadOnce } from '../lib/load-once.ts'
import { loadArea, t, type Area, type MessageKey } from '../lib/i18n.ts'
import type { EnvScope } from '../lib/describe-request.ts'
import { idFromPath, paths, TARGET_KINDS, type TargetKind } from '../lib/paths.ts'
import { ApiText } from '../components/api-text.tsx'
import {
  dataRoute,
  detailRoute,
  envDetailRoute,
  notFound,
  readableScope,
  type DetailRouteOptions,
} from './detail-route.tsx'
import { lazyPage } from './lazy-page.tsx'
import { NotFoundPage } from './not-found-page.tsx'
import { RequireSession } from './require-session.tsx'
import { RootLayout } from './root-layout.tsx'
import { RouteErrorPage } from './route-error-page.tsx'

/**
 * Starts a page's read whose query comes from its api module, imported here rather than at
 * the top: imported at the top, every api family loaded on the first visit (the sign-in
 * page, docs/decisions/027-first-rows-at-fleet-scale.md). The module loads beside the
 * page's, which imports it too. An import that fails leaves the read to the page, whose own
 * code then fails to load the same way and says so.
 */
function prefetchFrom<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: () => Promise<FetchQueryOptions<TQueryFnData, TError, TData, TQueryKey>>,
): Promise<void> {
  return options().then(
    (query) => queryClient.prefetchQuery(query),
    () => undefined,
  )
}

// The api modules of the Runtime Manager sections' reads, one place for each: their routes'
// loaders start them, and the signed-in shell loads the two largest ahead
// (`preloadListReads`). Each is kept once loaded (`loadOnce`): `import()` of a module already
// loaded still answers in a task of its own, queued behind what a click's navigation does
// first (the pending page's render, the history's move), and the list read its loader
// starts left ~30 ms after the click (ADR 027 "Seventh round"); a kept module answers
// within the click's own task.
const serverReads = loadOnce(() => import('../api/runtime-manager/servers.ts'))
const serverGroupReads = loadOnce(() => import('../api/runtime-manager/server-groups.ts'))
const clusterReads = loadOnce(() => import('../api/runtime-manager/clusters.ts'))
const applicationReads = loadOnce(() => import('../api/runtime-manager/applications.ts'))

/**
 * The list read each Runtime Manager section's route starts in its loader (the page reads
 * the same query). The other sections' lists depend on the page's own state (a runtime,
 * a page of the store, the activity's filters) and start with the page.
 */
const listReads = {
  servers: (queryClient: QueryClient, scope: EnvScope) =>
    prefetchFrom(queryClient, async () => (await serverReads.load()).serverQueries.list(scope)),
  'server-groups': (queryClient: QueryClient, scope: EnvScope) =>
    prefetchFrom(queryClient, async () =>
      (await serverGroupReads.load()).serverGroupQueries.list(scope),
    ),
  clusters: (queryClient: QueryClient, scope: EnvScope) =>
    prefetchFrom(queryClient, async () => (await clusterReads.load()).clusterQueries.list(scope)),
  applications: (queryClient: QueryClient, scope: EnvScope) =>
    prefetchFrom(queryClient, async () =>
      (await applicationReads.load()).applicationQueries.list(scope),
    ),
} satisfies Partial<Record<Section, (queryClient: QueryClient, scope: EnvScope) => Promise<void>>>

const hasListRead = (section: Section): section is keyof typeof listReads => section in listReads

/**
 * Starts a section's list read when its link is pressed: the click comes only when the
 * button is released, a tenth of a second or so later, and the route's loader then finds
 * the read already on its way (the query client shares it). Pointing at a link loads code
 * only (`preloadSection`): a 10 MB list is not read for a pointer passing over the links.
 * The same rule as the loader decides whether the read may be sent now.
 */
export function startSectionRead(queryClient: QueryClient, section: Section, envId: string): void {
  if (!hasListRead(section)) return
  const scope = readableScope(queryClient, { envId }, 'arm')
  if (scope) void listReads[section](queryClient, scope)
}

/**
 * Loads the Servers and Applications reads' modules with the signed-in shell: a click on
 * either link then sends its read at once, while the page's own code loads beside it
 * (~20 ms of Applications' first rows, issue 17). The pages' code still loads when asked
 * for (a section's code loaded ahead for every section hid the "cannot load" path).
 */
export function preloadListReads(): void {
  serverReads.load().catch(() => undefined)
  applicationReads.load().catch(() => undefined)
}

// The sections' list pages: each route loads its own, and the navigation loads one as soon
// as the operator points at or focuses its link (`preloadSection`).
const serversPage = async () => (await import('../features/servers/servers-page.tsx')).ServersPage
const serverGroupsPage = async () =>
  (await import('../features/targets/target-routes.tsx')).ServerGroupsPage
const clustersPage = async () =>
  (await import('../features/targets/target-routes.tsx')).ClustersPage
const applicationsPage = async () =>
  (await import('../features/applications/applications-page.tsx')).ApplicationsPage
const clientAppsPage = async () =>
  (await import('../features/client-apps/client-apps-page.tsx')).ClientAppsPage
const devicesIndex = async () =>
  (await import('../features/devices/runtime-picker.tsx')).DevicesIndex
const devicesPage = async () => (await import('../features/devices/devices-page.tsx')).DevicesPage
const activityPage = async () =>
  (await import('../features/activity/activity-page.tsx')).ActivityPage

/** The sections of the navigation, by their path segment. */
export type Section =
  'servers' | 'server-groups' | 'clusters' | 'applications' | 'devices' | 'client-apps' | 'activity'

const SECTION_PAGES: Record<Section, readonly [() => Promise<unknown>, Area]> = {
  servers: [serversPage, 'servers'],
  'server-groups': [serverGroupsPage, 'targets'],
  clusters: [clustersPage, 'targets'],
  applications: [applicationsPage, 'applications'],
  // `/devices` picks a runtime and goes on to its list.
  devices: [() => Promise.all([devicesIndex(), devicesPage()]), 'devices'],
  'client-apps': [clientAppsPage, 'client-apps'],
  activity: [activityPage, 'activity'],
}

/**
 * Loads a section's list page and its words ahead of the click, when its link is pointed
 * at or focused: the router's own `lazy` then finds them loaded, and the move waits for
 * its data only (the Applications route's seven files were about 30 ms of its first rows,
 * issue 17). Loading every section while the page is idle was measured and dropped: the
 * idle moments were the ones in which a page waited for its own answer, and its first rows
 * came later. A file that fails to load is left to its route, which says so when opened.
 */
export function preloadSection(section: Section): void {
  const [load, area] = SECTION_PAGES[section]
  Promise.all([load(), loadArea(area)]).catch(() => undefined)
}

/**
 * Why the device route found no device: the lookup's finding in the language shown, or the
 * API's own message for a 404.
 */
function deviceMissing(error: unknown): ReactNode {
  if (error instanceof DeviceNotFoundError) {
    const { key, values } = error.words
    return message(key, values)
  }
  return error instanceof Error ? <ApiText>{error.message}</ApiText> : null
}

/** The id in a path segment, or the route's not-found view for one that is not a number. */
function idOrNotFound(segment: string | undefined): number {
  const id = idFromPath(segment ?? '')
  return Number.isFinite(id) ? id : notFound()
}

/** What a server group's or cluster's route says when it cannot show its item: one sentence each. */
const TARGET_WORDS: Record<
  TargetKind,
  { title: MessageKey; sentence: MessageKey; back: MessageKey; notLoaded: MessageKey }
> = {
  group: {
    title: 'shell.routes.group.notFound',
    sentence: 'shell.routes.group.notFoundSentence',
    back: 'shell.routes.group.back',
    notLoaded: 'shell.routes.group.notLoaded',
  },
  cluster: {
    title: 'shell.routes.cluster.notFound',
    sentence: 'shell.routes.cluster.notFoundSentence',
    back: 'shell.routes.cluster.back',
    notLoaded: 'shell.routes.cluster.notLoaded',
  },
}

/**
 * A server group's or cluster's page (ADR 018): one route for both kinds, its item's read
 * started by `prefetch` while the page loads, and the kind's words when it is not there.
 * `prefetch` imports the kind's api module itself, in parallel with the page's: imported
 * here at the top, the target requests and schemas added 3.6 kB (gzip) to the first visit
 * of every page in bench:ui.
 */
function targetRoute(
  queryClient: QueryClient,
  kind: TargetKind,
  {
    param,
    lazy,
    prefetch,
  }: {
    param: string
    lazy: DetailRouteOptions['lazy']
    prefetch: (scope: EnvScope, id: number) => Promise<void>
  },
): RouteObject {
  const { segment } = TARGET_KINDS[kind]
  const words = TARGET_WORDS[kind]
  return detailRoute(queryClient, {
    path: `${segment}/:${param}`,
    area: 'targets',
    lazy,
    load: ({ params, scope }) => {
      const id = idOrNotFound(params[param])
      // An import that fails leaves the read to the page, whose own code then fails to load
      // the same way and says so.
      return scope && prefetch(scope, id).catch(() => undefined)
    },
    errors: {
      notLoaded: words.notLoaded,
      notFound: ({ params, environment }) => ({
        title: t(words.title),
        sentence: message(words.sentence, { id: <code>{params[param]}</code>, environment }),
        back: { to: paths.targets(params.envId ?? '', kind), label: t(words.back) },
        showAnswer: true,
      }),
    },
  })
}

/**
 * Every route; pages are lazy modules so the first load carries only the shell. Loaders
 * start a page's reads in `queryClient` while its module loads (ADR 020).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      Component: RootLayout,
      ErrorBoundary: RouteErrorPage,
      HydrateFallback: () => <LoadingState label={t('shell.routes.loading')} />,
      children: [
        {
          path: 'signin',
          lazy: lazyPage(async () => (await import('./sign-in-route.tsx')).SignInRoute),
        },
        {
          Component: RequireSession,
          children: [
            {
              index: true,
              lazy: lazyPage(async () => (await import('./home-redirect.tsx')).HomeRedirect),
            },
            {
              path: 'env/:envId',
              // Above the shell: a layout that cannot load has no shell to keep.
              ErrorBoundary: RouteErrorPage,
              lazy: lazyPage(async () => (await import('./console-layout.tsx')).ConsoleLayout),
              children: [
                {
                  index: true,
                  ErrorBoundary: RouteErrorPage,
                  lazy: lazyPage(async () => (await import('./env-index.tsx')).EnvIndex),
                },
                dataRoute(queryClient, {
                  path: 'servers',
                  area: 'servers',
                  lazy: serversPage,
                  load: ({ scope }) => scope && listReads.servers(queryClient, scope),
                }),
                envDetailRoute(queryClient, {
                  path: 'servers/:serverId',
                  area: 'servers',
                  view: async () =>
                    (await import('../features/servers/server-page.tsx')).ServerView,
                  id: (params) => idOrNotFound(params.serverId),
                  query: async () => (await serverReads.load()).serverQueries.detail,
                  loading: 'shell.routes.server.loading',
                  errors: {
                    notLoaded: 'shell.routes.server.notLoaded',
                    notFound: ({ params, environment }) => ({
                      title: t('shell.routes.server.notFound'),
                      sentence: message('shell.routes.server.notFoundSentence', {
                        id: <code>{params.serverId}</code>,
                        environment,
                      }),
                      back: {
                        to: paths.servers(params.envId ?? ''),
                        label: t('shell.routes.server.back'),
                      },
                      showAnswer: true,
                    }),
                  },
                }),
                dataRoute(queryClient, {
                  path: 'server-groups',
                  area: 'targets',
                  lazy: serverGroupsPage,
                  load: ({ scope }) => scope && listReads['server-groups'](queryClient, scope),
                }),
                targetRoute(queryClient, 'group', {
                  param: 'groupId',
                  lazy: async () =>
                    (await import('../features/targets/target-routes.tsx')).ServerGroupPage,
                  prefetch: async (scope, id) => {
                    const { serverGroupQueries } = await serverGroupReads.load()
                    return queryClient.prefetchQuery(serverGroupQueries.detail(scope, id))
                  },
                }),
                dataRoute(queryClient, {
                  path: 'clusters',
                  area: 'targets',
                  lazy: clustersPage,
                  load: ({ scope }) => scope && listReads.clusters(queryClient, scope),
                }),
                targetRoute(queryClient, 'cluster', {
                  param: 'clusterId',
                  lazy: async () =>
                    (await import('../features/targets/target-routes.tsx')).ClusterPage,
                  prefetch: async (scope, id) => {
                    const { clusterQueries } = await clusterReads.load()
                    return queryClient.prefetchQuery(clusterQueries.detail(scope, id))
                  },
                }),
                dataRoute(queryClient, {
                  path: 'applications',
                  area: 'applications',
                  lazy: applicationsPage,
                  load: ({ scope }) => scope && listReads.applications(queryClient, scope),
                }),
                envDetailRoute(queryClient, {
                  path: 'applications/:applicationId',
                  area: 'applications',
                  view: async () =>
                    (await import('../features/applications/application-page.tsx')).ApplicationView,
                  id: (params) => idOrNotFound(params.applicationId),
                  query: async () => (await applicationReads.load()).applicationQueries.detail,
                  loading: 'shell.routes.application.loading',
                  errors: {
                    notLoaded: 'shell.routes.application.notLoaded',
                    notFound: ({ params, environment }) => ({
                      title: t('shell.routes.application.notFound'),
                      sentence: message('shell.routes.application.notFoundSentence', {
                        id: <code>{params.applicationId}</code>,
                        environment,
                      }),
                      back: {
                        to: paths.applications(params.envId ?? ''),
                        label: t('shell.routes.application.back'),
                      },
                    }),
                  },
                }),
                {
                  path: 'client-apps',
                  ErrorBoundary: RouteErrorPage,
                  lazy: lazyPage(clientAppsPage, 'client-apps'),
                },
                detailRoute(queryClient, {
                  path: 'client-apps/:applicationId',
                  area: 'client-apps',
                  family: 'store',
                  lazy: async () =>
                    (await import('../features/client-apps/client-app-page.tsx')).ClientAppPage,
                  load: ({ params, scope }) =>
                    scope &&
                    prefetchFrom(queryClient, async () =>
                      (await import('../api/app-store/client-apps.ts')).clientAppQueries.detail(
                        params.applicationId ?? '',
                      ),
                    ),
                  errors: {
                    notLoaded: 'shell.routes.clientApp.notLoaded',
                    notFound: ({ params }) => ({
                      title: t('shell.routes.clientApp.notFound'),
                      sentence: message('shell.routes.clientApp.notFoundSentence', {
                        id: <code>{params.applicationId}</code>,
                      }),
                      back: {
                        to: paths.clientApps(params.envId ?? ''),
                        label: t('shell.routes.clientApp.back'),
                      },
                    }),
                  },
                }),
                {
                  path: 'devices',
                  ErrorBoundary: RouteErrorPage,
                  lazy: lazyPage(devicesIndex, 'devices'),
                },
                {
                  path: 'devices/:runtime',
                  ErrorBoundary: RouteErrorPage,
                  lazy: lazyPage(devicesPage, 'devices'),
                },
                detailRoute(queryClient, {
                  path: 'devices/:runtime/:deviceId',
                  area: 'devices',
                  family: 'mfp',
                  lazy: async () =>
                    (await import('../features/devices/device-page.tsx')).DevicePage,
                  load: ({ params, url, scope }) =>
                    scope &&
                    prefetchFrom(queryClient, async () =>
                      (await import('../api/device-admin/devices.ts')).deviceQueries.detail(
                        params.runtime ?? '',
                        params.deviceId ?? '',
                        url.searchParams.get('hint') ?? '',
                      ),
                    ),
                  errors: {
                    notLoaded: 'shell.routes.device.notLoaded',
                    isMissing: (error) =>
                      error instanceof DeviceNotFoundError ||
                      (isApiError(error) && error.status === 404),
                    notFound: ({ params, error }) => ({
                      title: t('shell.routes.device.notFound'),
                      sentence: deviceMissing(error),
                      back: {
                        to: paths.devices(params.envId ?? '', params.runtime ?? ''),
                        label: message('shell.routes.device.back', {
                          runtime: params.runtime ?? '',
                        }),
                      },
                    }),
                  },
                }),
                {
                  path: 'activity',
                  ErrorBoundary: RouteErrorPage,
                  lazy: lazyPage(activityPage, 'activity'),
                },
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ]
}
