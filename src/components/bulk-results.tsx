import {
  bulkSummary,
  countOutcomes,
  failuresFirst,
  OUTCOME_LABEL,
  type BulkItemResult,
} from './bulk.ts'
import { useT } from './i18n.tsx'
import { StatusBadge, type Tone } from './status-badge.tsx'

const TONE: Record<BulkItemResult['outcome'], Tone> = {
  succeeded: 'ok',
  failed: 'danger',
  unknown: 'warn',
}

/** One line per item of a bulk action (unknown and failed first) with a plain summary. */
export function BulkResults({
  results,
  verb,
}: {
  results: readonly BulkItemResult[]
  verb: string
}) {
  const t = useT()
  const counts = countOutcomes(results)
  const allOk = counts.succeeded === results.length
  return (
    <div className="field">
      <div role="status" className={allOk ? 'alert alert-info' : 'alert alert-warn'}>
        {bulkSummary(verb, results)}
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
