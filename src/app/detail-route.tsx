import type { QueryClient, QueryKey, UseSuspenseQueryOptions } from '@tanstack/react-query'
import type { ComponentType, ReactNode } from 'react'
import { data, useParams, type Params, type RouteObject } from 'react-router'
import { consoleSessionQueries } from '../api/console/session.ts'
import { accountQueries } from '../api/runtime-manager/account.ts'
import { useConsole } from '../components/console-context.tsx'
import { DetailFrame, type DetailViewProps } from '../components/detail-page.tsx'
import { getConsoleMode } from '../lib/config.ts'
import type { EnvScope } from '../lib/describe-request.ts'
import { getInterruption, getSession, type Family } from '../lib/session-store.ts'
import type { Area, MessageKey } from '../lib/i18n.ts'
import { useT } from '../components/i18n.tsx'
import { lazyPage } from './lazy-page.tsx'
import { RouteErrorPage, type DetailErrors } from './route-error-page.tsx'

/** What a route's `load` gets: the address, the query client, and where it may read. */
export interface LoadArgs {
  params: Params
  /** The address being loaded (its search parameters). */
  url: URL
  queryClient: QueryClient
  /**
   * The environment the page works in, or null while nothing may be read yet: signed
   * out, the account not known yet (a first load reads it in the shell), or, in live
   * mode, the sign-in of the route's family still pending (the page shows it in place).
   */
  scope: EnvScope | null
}

export interface DataRouteOptions {
  path: string
  /** The page's module, loaded in parallel with `load` (ADR 012 when it cannot load). */
  lazy: () => Promise<ComponentType>
  /** Whose sign-in the page's reads need; Runtime Manager unless said otherwise. */
  family?: Family
  /** The feature whose words the page shows: its catalog loads beside its module (ADR 029). */
  area: Area
  /**
   * Starts the page's reads while its code loads (no waterfall): typically
   * `scope && void queryClient.prefetchQuery(...)`. It does not wait for them, so the
   * navigation is as quick as before and the page shows its own loading state; the page
   * reads the same query with `useSuspenseQuery`. An address that cannot exist (an id
   * that is not a number) throws `notFound()`.
   */
  load?: (args: LoadArgs) => unknown
}

/** What a detail route's page says when its item cannot be loaded (ADR 020). */
export interface DetailRouteOptions extends DataRouteOptions {
  errors: DetailErrors
}

/** Thrown by a `load` for an address that cannot name an item: the route's not-found view. */
export function notFound(): never {
  throw data(null, { status: 404 })
}

/**
 * A page route whose reads start in a loader while its lazy module loads, with the
 * console's own error element (so a list page can start its list query too).
 */
export function dataRoute(
  queryClient: QueryClient,
  { path, lazy, family = 'arm', load, area }: DataRouteOptions,
  ErrorBoundary: ComponentType = RouteErrorPage,
): RouteObject {
  return {
    path,
    ErrorBoundary,
    lazy: lazyPage(lazy, area),
    loader: load
      ? ({ params, request }) => {
          const scope = readableScope(queryClient, params, family)
          load({ params, url: new URL(request.url), queryClient, scope })
          return null
        }
      : undefined,
    // A change of the search parameters only (a filter, a tab) reads nothing new: not
    // running the loader keeps such a navigation synchronous, as the URL-bound search
    // boxes expect (a draft typed over the old URL would be dropped).
    shouldRevalidate: ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
      defaultShouldRevalidate &&
      (currentUrl.pathname !== nextUrl.pathname || currentUrl.search === nextUrl.search),
  }
}

/**
 * A detail page's route: its item's query starts in the loader, the page reads it with
 * `useSuspenseQuery`, and an item that is not there (404) or cannot be read goes to the
 * route's error element, which says so with the page's words inside the shell.
 */
export function detailRoute(queryClient: QueryClient, options: DetailRouteOptions): RouteObject {
  const { errors } = options
  function DetailRouteError(): ReactNode {
    return <RouteErrorPage detail={errors} />
  }
  return dataRoute(queryClient, options, DetailRouteError)
}

/**
 * What an environment's detail route needs to read its item for the page as well as in
 * the loader: the item's id from the address and its query, so the page module is only
 * the view of a loaded item.
 */
export interface EnvDetailRouteOptions<TData, TKey extends QueryKey, TId> extends Omit<
  DetailRouteOptions,
  'lazy' | 'load'
> {
  /** The item's id in the address; throws `notFound()` for one that cannot name an item. */
  id: (params: Params) => TId
  /**
   * The item's read in an environment (the loader starts it, the page suspends on it), from
   * its api module loaded when the route is: not on the first visit.
   */
  query: () => Promise<
    (scope: EnvScope, id: TId) => UseSuspenseQueryOptions<TData, Error, TData, TKey>
  >
  /** What the page says while the item loads (translated as it renders). */
  loading: MessageKey
  /** The page's module: the view of the loaded item, with its "updated N s ago". */
  view: () => Promise<ComponentType<DetailViewProps<TData>>>
}

/**
 * A detail route in an environment whose page is only its item's view: the route reads the
 * id from the address, starts the item's query in the loader and frames the view in
 * `DetailFrame` on the same query, so no page repeats that top.
 */
export function envDetailRoute<TData, TKey extends QueryKey, TId>(
  queryClient: QueryClient,
  { id, query, loading, view, ...options }: EnvDetailRouteOptions<TData, TKey, TId>,
): RouteObject {
  return detailRoute(queryClient, {
    ...options,
    lazy: async () => {
      const [View, read] = await Promise.all([view(), query()])
      return function EnvDetailPage(): ReactNode {
        const { scope } = useConsole()
        const t = useT()
        // The loader has already refused an id that cannot exist, so this one reads.
        const itemId = id(useParams())
        return (
          <DetailFrame loading={t(loading)} query={read(scope, itemId)}>
            {(item, freshness) => <View item={item} freshness={freshness} />}
          </DetailFrame>
        )
      }
    },
    load: ({ params, scope }) => {
      // The id first: an address that cannot exist is not found even before a sign-in.
      const itemId = id(params)
      // An import that fails leaves the read to the page, whose code then fails to load
      // the same way and says so.
      return (
        scope &&
        query().then(
          (read) => queryClient.prefetchQuery(read(scope, itemId)),
          () => undefined,
        )
      )
    },
  })
}

/**
 * The scope a route's reads may use now: the environment of the address, when the
 * identity's environments are known and its family is signed in (else null: no read).
 */
export function readableScope(
  queryClient: QueryClient,
  params: Params,
  family: Family,
): EnvScope | null {
  if (!familyReady(queryClient, family)) return null
  const orgId = queryClient.getQueryData(accountQueries.me().queryKey)?.user.organization.id
  const envId = params.envId
  if (orgId === undefined || envId === undefined) return null
  const environments = queryClient.getQueryData(accountQueries.environments(orgId).queryKey)
  if (!environments?.items.some((e) => e.id === envId)) return null
  return { orgId, envId }
}

/**
 * Whether a read of `family` may be sent now without asking for a sign-in: the same
 * rule as the shell's `useFamilyReady`, from what the cache and the session store know.
 */
function familyReady(queryClient: QueryClient, family: Family): boolean {
  if (getConsoleMode() !== 'live') return getSession() !== null
  const state = queryClient.getQueryData(consoleSessionQueries.state().queryKey)
  if (!state) return false
  return state.families[family].signedIn && !getInterruption().families.has(family)
}
