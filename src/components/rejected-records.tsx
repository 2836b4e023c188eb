import { useId } from 'react'
import { Msg, useT } from './i18n.tsx'
import type { RejectedRecord } from '../lib/partial-list.ts'
import { issueText } from '../lib/issue-text.ts'

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
  const t = useT()
  if (!rejected || rejected.length === 0) return null
  const count = rejected.length
  const [one, many] = noun
  return (
    <div className="alert alert-warn rejected-records" role="status" aria-labelledby={titleId}>
      <div className="alert-title" id={titleId}>
        {t('ui.rejected.title', { count, one, many })}
      </div>
      <div>{t('ui.rejected.explain', { count })}</div>
      <details>
        <summary>{t('ui.rejected.whatWasWrong')}</summary>
        <ul>
          {rejected.slice(0, DETAIL_LIMIT).map((record) => (
            <li key={record.index}>
              <Msg
                id={record.id === undefined ? 'ui.rejected.record' : 'ui.rejected.recordWithId'}
                values={{
                  index: record.index + 1,
                  id: <bdi className="break-anywhere">{record.id}</bdi>,
                  issues: (
                    <>
                      {record.issues.map((issue, i) => (
                        <span key={i}>
                          {i > 0 && '; '}
                          {issue.path ? (
                            // A record's own keys (a map's) are the API's text.
                            <code className="break-anywhere">
                              <bdi>{issue.path}</bdi>
                            </code>
                          ) : (
                            t('ui.rejected.wholeRecord')
                          )}
                          : {issueText(issue.problem)}
                        </span>
                      ))}
                    </>
                  ),
                }}
              />
            </li>
          ))}
          {count > DETAIL_LIMIT && (
            <li>{t('ui.rejected.more', { count: count - DETAIL_LIMIT })}</li>
          )}
        </ul>
      </details>
    </div>
  )
}
