import { formatNumber } from '../lib/format.ts'
import { useId } from 'react'
import type { RejectedRecord } from '../lib/partial-list.ts'

/** How many records to detail; the rest are counted (a broken backend may send thousands). */
const DETAIL_LIMIT = 50

/**
 * Says that a list answer held records the console could not read (they are left out of
 * the list), with what was wrong with each in an expandable part. Renders nothing when
 * every record was read.
 */
export function RejectedRecords({
  rejected,
  noun,
}: {
  rejected: readonly RejectedRecord[] | undefined
  /** Singular and plural, lower case: ["server", "servers"]. */
  noun: readonly [string, string]
}) {
  const titleId = useId()
  if (!rejected || rejected.length === 0) return null
  const count = rejected.length
  const [one, many] = noun
  return (
    <div className="alert alert-warn rejected-records" role="status" aria-labelledby={titleId}>
      <div className="alert-title" id={titleId}>
        {count === 1
          ? `1 ${one} could not be read and is not shown.`
          : `${formatNumber(count)} ${many} could not be read and are not shown.`}
      </div>
      <div>
        The backend sent {count === 1 ? 'a record' : 'records'} in a form the console does not
        understand; the rest of the list is complete. It may be a different API version, or a
        backend fault.
      </div>
      <details>
        <summary>What was wrong</summary>
        <ul>
          {rejected.slice(0, DETAIL_LIMIT).map((record) => (
            <li key={record.index}>
              Record {record.index + 1}
              {record.id !== undefined && (
                <>
                  {' '}
                  (id <bdi className="break-anywhere">{record.id}</bdi>)
                </>
              )}
              :{' '}
              {record.issues.map((issue, i) => (
                <span key={i}>
                  {i > 0 && '; '}
                  <code className="break-anywhere">{issue.path}</code>: {issue.message}
                </span>
              ))}
            </li>
          ))}
          {count > DETAIL_LIMIT && <li>… and {count - DETAIL_LIMIT} more.</li>}
        </ul>
      </details>
    </div>
  )
}
