import type { RouteObject } from 'react-router'
import { LoadingState } from '../components/states.tsx'
import { lazyPage } from './lazy-page.tsx'
import { NotFoundPage } from './not-found-page.tsx'
import { RequireSession } from './require-session.tsx'
import { RootLayout } from './root-layout.tsx'
import { RouteErrorPage } from './route-error-page.tsx'

/** Every route; pages are lazy modules so the first load carries only the shell. */
export const routes: RouteObject[] = [
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
              {
                path: 'servers',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/servers/servers-page.tsx')).ServersPage,
                ),
              },
              {
                path: 'servers/:serverId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/servers/server-page.tsx')).ServerPage,
                ),
              },
              {
                path: 'server-groups',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/targets/target-routes.tsx')).ServerGroupsPage,
                ),
              },
              {
                path: 'server-groups/:groupId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/targets/target-routes.tsx')).ServerGroupPage,
                ),
              },
              {
                path: 'clusters',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/targets/target-routes.tsx')).ClustersPage,
                ),
              },
              {
                path: 'clusters/:clusterId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/targets/target-routes.tsx')).ClusterPage,
                ),
              },
              {
                path: 'applications',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/applications/applications-page.tsx'))
                      .ApplicationsPage,
                ),
              },
              {
                path: 'applications/:applicationId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/applications/application-page.tsx')).ApplicationPage,
                ),
              },
              {
                path: 'client-apps',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/client-apps/client-apps-page.tsx')).ClientAppsPage,
                ),
              },
              {
                path: 'client-apps/:applicationId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () =>
                    (await import('../features/client-apps/client-app-page.tsx')).ClientAppPage,
                ),
              },
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
              {
                path: 'devices/:runtime/:deviceId',
                ErrorBoundary: RouteErrorPage,
                lazy: lazyPage(
                  async () => (await import('../features/devices/device-page.tsx')).DevicePage,
                ),
              },
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
