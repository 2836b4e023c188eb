import { failuresFirst, type BulkItemResult } from './bulk.ts'
import { StatusBadge } from './status-badge.tsx'

/** One line per item of a bulk action, failures first, with a plain summary. */
export function BulkResults({
  results,
  verb,
}: {
  results: readonly BulkItemResult[]
  verb: string
}) {
  const failed = results.filter((r) => !r.ok).length
  const ok = results.length - failed
  return (
    <div className="field">
      <div role="status" className={failed > 0 ? 'alert alert-warn' : 'alert alert-info'}>
        {failed === 0
          ? `${verb}: all ${ok} succeeded.`
          : `${verb}: ${ok} of ${results.length} succeeded, ${failed} failed.`}
      </div>
      <ul className="results-list" aria-label="Result per item">
        {failuresFirst(results).map((r) => (
          <li key={r.id}>
            <StatusBadge label={r.ok ? 'Done' : 'Failed'} tone={r.ok ? 'ok' : 'danger'} />
            <strong>{r.label}</strong>
            {!r.ok && <span>{r.message}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}
