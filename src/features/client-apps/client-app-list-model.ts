import { CLIENT_APP_PAGE_SIZE, type ClientAppListParams } from '../../api/app-store/client-apps.ts'

/** What the list shows, as kept in the URL: `?page=3&name=Weather%20Widget`. */
export interface ClientAppListView {
  /** 1-based page number. */
  page: number
  /** An exact application name to look up, or '' for every application. */
  name: string
}

/** Reads the list's URL; anything unreadable falls back to the first page of everything. */
export function parseClientAppListView(search: URLSearchParams): ClientAppListView {
  const pageText = search.get('page') ?? ''
  const page = /^\d{1,6}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1
  return { page, name: search.get('name') ?? '' }
}

/** The URL search for a view, leaving defaults out so the plain list has a plain URL. */
export function clientAppListSearch(view: ClientAppListView): URLSearchParams {
  const search = new URLSearchParams()
  if (view.name !== '') search.set('name', view.name)
  if (view.page > 1) search.set('page', String(view.page))
  return search
}

/** The API's `limit`/`offset` for a page of the view. */
export function listParamsFor(
  view: ClientAppListView,
  pageSize = CLIENT_APP_PAGE_SIZE,
): ClientAppListParams {
  return { name: view.name, limit: pageSize, offset: (view.page - 1) * pageSize }
}

/** "26–50": the positions of the rows on a page (the API reports no total). */
export function pageRangeLabel(
  view: ClientAppListView,
  count: number,
  pageSize = CLIENT_APP_PAGE_SIZE,
) {
  if (count === 0) return 'none'
  const from = (view.page - 1) * pageSize + 1
  return `${from}–${from + count - 1}`
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
