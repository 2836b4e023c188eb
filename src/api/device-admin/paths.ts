import type { QueryValue } from '../../lib/describe-request.ts'
import { mfpLocale } from './locale.ts'

/** Where the device administration API lives, behind the console's same-origin proxy. */
export const MFP_BASE = '/mfpadmin/management-apis/2.0'

/** The runtime's base path, e.g. `/mfpadmin/management-apis/2.0/runtimes/mfp`. */
export function runtimePath(runtime: string): string {
  return `${MFP_BASE}/runtimes/${encodeURIComponent(runtime)}`
}

/** One page request of a list paged by bookmarks (devices, transactions). */
export interface BookmarkPageQuery {
  /** A sort key of that list; a `-` prefix sorts descending. Empty: the server's order. */
  orderBy: string
  /** Where the page starts (the previous page's `nextPageBookmark`); empty: the first page. */
  bookmark: string
  pageSize: number
}

/** The query string of a list page: its paging, the list's own parameters, and the locale. */
export function bookmarkPageQuery(
  q: BookmarkPageQuery,
  own: Readonly<Record<string, QueryValue>>,
): Record<string, QueryValue> {
  return {
    bookmark: q.bookmark || undefined,
    pageSize: q.pageSize,
    orderBy: q.orderBy || undefined,
    ...own,
    locale: mfpLocale(),
  }
}

/** Query keys: generic to specific, every runtime's data under its own prefix. */
export const deviceAdminKeys = {
  all: ['device-admin'] as const,
  runtimes: () => [...deviceAdminKeys.all, 'runtimes'] as const,
  runtime: (runtime: string) => [...deviceAdminKeys.all, 'runtime', runtime] as const,
  devices: (runtime: string) => [...deviceAdminKeys.runtime(runtime), 'devices'] as const,
  transactions: (runtime: string) => [...deviceAdminKeys.runtime(runtime), 'transactions'] as const,
}
