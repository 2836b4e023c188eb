import type { QueryClient } from '@tanstack/react-query'
import type { RouteObject } from 'react-router'
import { DeviceNotFoundError, deviceQueries } from '../api/device-admin/devices.ts'
import { clientAppQueries } from '../api/app-store/client-apps.ts'
import { applicationQueries } from '../api/runtime-manager/applications.ts'
import { serverQueries } from '../api/runtime-manager/servers.ts'
import { ApiText } from '../components/api-text.tsx'
import { LoadingState } from '../components/states.tsx'
import { isApiError } from '../lib/api-error.ts'
import type { EnvScope } from '../lib/describe-request.ts'
import { idFromPath, paths, TARGET_KINDS, type TargetKind } from '../lib/paths.ts'
import {
  dataRoute,
  detailRoute,
  envDetailRoute,
  notFound,
  type DetailRouteOptions,
} from './detail-route.tsx'
import { lazyPage } from './lazy-page.tsx'
import { NotFoundPage } from './not-found-page.tsx'
import { RequireSession } from './require-session.tsx'
import { RootLayout } from './root-layout.tsx'
import { RouteErrorPage } from './route-error-page.tsx'

/** The id in a path segment, or the route's not-found view for one that is not a number. */
function idOrNotFound(segment: string | undefined): number {
  const id = idFromPath(segment ?? '')
  return Number.isFinite(id) ? id : notFound()
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
  const { label, title, segment } = TARGET_KINDS[kind]
  return detailRoute(queryClient, {
    path: `${segment}/:${param}`,
    lazy,
    load: ({ params, scope }) => {
      const id = idOrNotFound(params[param])
      // An import that fails leaves the read to the page, whose own code then fails to load
      // the same way and says so.
      return scope && prefetch(scope, id).catch(() => undefined)
    },
    errors: {
      noun: label,
      notFound: ({ params, environment }) => ({
        title: `${title} not found`,
        sentence: (
          <>
            There is no {label} <code>{params[param]}</code> in {environment}. It may have been
            deleted.
          </>
        ),
        back: { to: paths.targets(params.envId ?? '', kind), label: `Back to ${label}s` },
        showAnswer: true,
      }),
    },
  })
}

/**
 * Every route; pages are lazy modules so the first load carries only the shell. Loaders
 * start a page's reads in `queryClient` while its module loads (ADR 020).
 */
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    Component: RootLayout,
    ErrorBoundary: RouteErrorPage,
    HydrateFallback: () => <LoadingState label="Loading…" />,
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
                lazy: async () =>
                  (await import('../features/servers/servers-page.tsx')).ServersPage,
                load: ({ scope }) => scope && queryClient.prefetchQuery(serverQueries.list(scope)),
              }),
              envDetailRoute(queryClient, {
                path: 'servers/:serverId',
                view: async () => (await import('../features/servers/server-page.tsx')).ServerView,
                id: (params) => idOrNotFound(params.serverId),
                query: serverQueries.detail,
                loading: 'Loading server…',
                errors: {
                  noun: 'server',
                  notFound: ({ params, environment }) => ({
                    title: 'Server not found',
                    sentence: (
                      <>
                        There is no server <code>{params.serverId}</code> in {environment}. It may
                        have been unregistered.
                      </>
                    ),
                    back: { to: paths.servers(params.envId ?? ''), label: 'Back to servers' },
                    showAnswer: true,
                  }),
                },
              }),
              {
                path: 'server-groups',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/targets/target-routes.tsx')).ServerGroupsPage,
                ),
              },
              targetRoute(queryClient, 'group', {
                param: 'groupId',
                lazy: async () =>
                  (await import('../features/targets/target-routes.tsx')).ServerGroupPage,
                prefetch: async (scope, id) => {
                  const { serverGroupQueries } =
                    await import('../api/runtime-manager/server-groups.ts')
                  return queryClient.prefetchQuery(serverGroupQueries.detail(scope, id))
                },
              }),
              {
                path: 'clusters',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/targets/target-routes.tsx')).ClustersPage,
                ),
              },
              targetRoute(queryClient, 'cluster', {
                param: 'clusterId',
                lazy: async () =>
                  (await import('../features/targets/target-routes.tsx')).ClusterPage,
                prefetch: async (scope, id) => {
                  const { clusterQueries } = await import('../api/runtime-manager/clusters.ts')
                  return queryClient.prefetchQuery(clusterQueries.detail(scope, id))
                },
              }),
              dataRoute(queryClient, {
                path: 'applications',
                lazy: async () =>
                  (await import('../features/applications/applications-page.tsx')).ApplicationsPage,
                load: ({ scope }) =>
                  scope && queryClient.prefetchQuery(applicationQueries.list(scope)),
              }),
              envDetailRoute(queryClient, {
                path: 'applications/:applicationId',
                view: async () =>
                  (await import('../features/applications/application-page.tsx')).ApplicationView,
                id: (params) => idOrNotFound(params.applicationId),
                query: applicationQueries.detail,
                loading: 'Loading application…',
                errors: {
                  noun: 'application',
                  notFound: ({ params, environment }) => ({
                    title: 'Application not found',
                    sentence: (
                      <>
                        There is no application <code>{params.applicationId}</code> in {environment}
                        . It may have been deleted.
                      </>
                    ),
                    back: {
                      to: paths.applications(params.envId ?? ''),
                      label: 'Back to applications',
                    },
                  }),
                },
              }),
              {
                path: 'client-apps',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/client-apps/client-apps-page.tsx')).ClientAppsPage,
                ),
              },
              detailRoute(queryClient, {
                path: 'client-apps/:applicationId',
                family: 'store',
                lazy: async () =>
                  (await import('../features/client-apps/client-app-page.tsx')).ClientAppPage,
                load: ({ params, scope }) =>
                  scope &&
                  queryClient.prefetchQuery(clientAppQueries.detail(params.applicationId ?? '')),
                errors: {
                  noun: 'client application',
                  notFound: ({ params }) => ({
                    title: 'Client application not found',
                    sentence: (
                      <>
                        There is no client application <code>{params.applicationId}</code>. It may
                        have been deleted.
                      </>
                    ),
                    back: {
                      to: paths.clientApps(params.envId ?? ''),
                      label: 'Back to client applications',
                    },
                  }),
                },
              }),
              {
                path: 'devices',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/devices/runtime-picker.tsx')).DevicesIndex,
                ),
              },
              {
                path: 'devices/:runtime',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/devices/devices-page.tsx')).DevicesPage,
                ),
              },
              detailRoute(queryClient, {
                path: 'devices/:runtime/:deviceId',
                family: 'mfp',
                lazy: async () => (await import('../features/devices/device-page.tsx')).DevicePage,
                load: ({ params, url, scope }) =>
                  scope &&
                  queryClient.prefetchQuery(
                    deviceQueries.detail(
                      params.runtime ?? '',
                      params.deviceId ?? '',
                      url.searchParams.get('hint') ?? '',
                    ),
                  ),
                errors: {
                  noun: 'device',
                  isMissing: (error) =>
                    error instanceof DeviceNotFoundError ||
                    (isApiError(error) && error.status === 404),
                  notFound: ({ params, error }) => ({
                    title: 'Device not found',
                    sentence: <ApiText>{error instanceof Error ? error.message : ''}</ApiText>,
                    back: {
                      to: paths.devices(params.envId ?? '', params.runtime ?? ''),
                      label: (
                        <>
                          Back to the devices of <ApiText>{params.runtime ?? ''}</ApiText>
                        </>
                      ),
                    },
                  }),
                },
              }),
              {
                path: 'activity',
                ErrorBoundary: RouteErrorPage,
                lazy: async () => ({
                  Component: (await import('../features/activity/activity-page.tsx')).ActivityPage,
                }),
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
