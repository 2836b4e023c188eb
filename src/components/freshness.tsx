import { formatAgo } from '../lib/format.ts'
import { errorMessage } from '../lib/api-error.ts'
import { Msg, useT } from './i18n.tsx'
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
  const t = useT()
  if (!query.dataUpdatedAt) return null
  const ago = formatAgo(query.dataUpdatedAt, now)
  if (query.isRefetchError) {
    return (
      <span className="updated stale" role="status" title={errorMessage(query.error)}>
        <Msg
          id="ui.freshness.stale"
          values={{ ago: <>{ago}</>, error: errorMessage(query.error) }}
        />
      </span>
    )
  }
  return (
    <span className="updated" role="status" aria-live="off">
      {query.isFetching ? t('ui.freshness.refreshing') : t('ui.freshness.updated', { ago })}
    </span>
  )
}
