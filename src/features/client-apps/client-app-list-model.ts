import * as z from 'zod/mini'
import { CLIENT_APP_PAGE_SIZE, type ClientAppListParams } from '../../api/app-store/client-apps.ts'
import { pageParam, textParam, type ListParams } from '../../lib/list-params.ts'

/**
 * What the list shows, as kept in the URL: `?name=Weather%20Widget&page=3`. `name` is an
 * exact application name to look up ('' for every application), `page` is 1-based;
 * anything unreadable falls back to the first page of everything.
 */
export const CLIENT_APP_LIST_PARAMS = z.object({ name: textParam(), page: pageParam() })
export type ClientAppListView = ListParams<typeof CLIENT_APP_LIST_PARAMS>

/** The API's `limit`/`offset` for a page of the view. */
export function listParamsFor(
  view: ClientAppListView,
  pageSize = CLIENT_APP_PAGE_SIZE,
): ClientAppListParams {
  return { name: view.name, limit: pageSize, offset: (view.page - 1) * pageSize }
}

/** 26 to 50: the positions of the rows on a page (the API reports no total); null for none. */
export function pageRange(
  view: ClientAppListView,
  count: number,
  pageSize = CLIENT_APP_PAGE_SIZE,
): { from: number; to: number } | null {
  if (count === 0) return null
  const from = (view.page - 1) * pageSize + 1
  return { from, to: from + count - 1 }
}

/**
 * Whether a next page exists. `next` is "" (or missing) on the last page; a full page
 * with no `next` at all is read as "maybe more" only when the server sends no links.
 */
export function hasNextPage(
  list: { count: number; next?: string | null },
  pageSize = CLIENT_APP_PAGE_SIZE,
): boolean {
  if (typeof list.next === 'string') return list.next !== ''
  return list.count >= pageSize
}
