import { formatAgo } from '../lib/format.ts'
import { errorMessage } from '../lib/api-error.ts'
import { useNow } from './use-now.ts'

export interface FreshnessSource {
  dataUpdatedAt: number
  errorUpdatedAt: number
  isFetching: boolean
  isRefetchError: boolean
  error: unknown
}

/**
 * "Updated 12 s ago", or, when the last refresh failed, a visible warning that the data
 * on screen is from an earlier, successful answer.
 */
export function Freshness({ query }: { query: FreshnessSource }) {
  const now = useNow()
  if (!query.dataUpdatedAt) return null
  const ago = formatAgo(query.dataUpdatedAt, now)
  if (query.isRefetchError) {
    return (
      <span className="updated stale" role="status" title={errorMessage(query.error)}>
        Backend unreachable: showing data from {ago}. {errorMessage(query.error)}
      </span>
    )
  }
  return (
    <span className="updated" role="status" aria-live="off">
      {query.isFetching ? 'Refreshing…' : `Updated ${ago}`}
    </span>
  )
}
