import {
  bulkSummary,
  countOutcomes,
  failuresFirst,
  OUTCOME_LABEL,
  type BulkItemResult,
  type BulkSummaryMessages,
} from './bulk.ts'
import { useT } from './i18n.tsx'
import { StatusBadge, type Tone } from './status-badge.tsx'

const TONE: Record<BulkItemResult['outcome'], Tone> = {
  succeeded: 'ok',
  failed: 'danger',
  unknown: 'warn',
}

/**
 * One line per item of a bulk action (unknown and failed first) with a plain summary, in
 * the action's own sentences (`summary`, with `values` such as the application's name).
 */
export function BulkResults({
  results,
  summary,
  values,
}: {
  results: readonly BulkItemResult[]
  summary: BulkSummaryMessages
  values?: Readonly<Record<string, string>>
}) {
  const t = useT()
  const counts = countOutcomes(results)
  const allOk = counts.succeeded === results.length
  return (
    <div className="field">
      <div role="status" className={allOk ? 'alert alert-info' : 'alert alert-warn'}>
        {bulkSummary(summary, results, values)}
      </div>
      <ul className="results-list" aria-label={t('ui.bulk.resultPerItem')}>
        {failuresFirst(results).map((r) => (
          <li key={r.id}>
            <StatusBadge label={t(OUTCOME_LABEL[r.outcome])} tone={TONE[r.outcome]} />
            <strong>{r.label}</strong>
            {r.outcome === 'succeeded' ? r.note && <span>{r.note}</span> : <span>{r.message}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
