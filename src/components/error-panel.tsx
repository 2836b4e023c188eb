import type { ReactNode } from 'react'
import { isApiError } from '../lib/api-error.ts'
import type { MessageKey } from '../lib/i18n.ts'
import { isOutcomeUnknownError } from '../lib/outcome.ts'
import { ApiText } from './api-text.tsx'
import { Button } from './button.tsx'
import { useT } from './i18n.tsx'

/**
 * An error as an operator needs it: what happened (the API's own message), which request
 * failed, and what to do next (retry, when that can help).
 */
export function ErrorPanel({
  error,
  title,
  onRetry,
  retrying,
  creating,
}: {
  error: unknown
  /** The console's words; a name in them is isolated by the caller (`apiMessage`). */
  title: ReactNode
  onRetry?: () => void
  retrying?: boolean
  /**
   * The request created something: a 404 then means that where it was to be created (or
   * a server or target it names) was not found, not that an existing item was removed.
   */
  creating?: boolean
}) {
  // A change whose answer was lost and could not be read back is not a failure: the
  // page's "... failed" title would claim more than the console knows.
  const t = useT()
  const unknown = isOutcomeUnknownError(error)
  const api = isApiError(error) ? error : unknown ? error.lost : null
  const message = error instanceof Error ? error.message : String(error)
  const next = !unknown && api ? nextStep(api.status, api.kind, creating === true) : null
  return (
    <div className={unknown ? 'alert alert-warn' : 'alert alert-error'} role="alert">
      <div className="alert-title">{unknown ? t('ui.error.unknownOutcome') : title}</div>
      <div>
        <ApiText>{message}</ApiText>
      </div>
      {api && api.details.length > 0 && (
        <ul>
          {api.details.map((detail, i) => (
            <li key={i}>
              <ApiText>{detail}</ApiText>
            </li>
          ))}
        </ul>
      )}
      {api && (
        <div className="request-line">
          {api.status > 0 ? `HTTP ${api.status} · ` : ''}
          <ApiText>{api.summary}</ApiText>
        </div>
      )}
      {next && <div className="muted">{t(next)}</div>}
      {onRetry && (
        <div style={{ marginTop: 8 }}>
          <Button onClick={onRetry} busy={retrying}>
            {t('ui.error.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}

function nextStep(status: number, kind: string, creating: boolean): MessageKey | null {
  if (kind === 'network') return 'ui.error.next.network'
  if (kind === 'schema') return 'ui.error.next.schema'
  if (status === 403) return 'ui.error.next.forbidden'
  if (status === 404 && creating) return 'ui.error.next.notFoundCreating'
  if (status === 404) return 'ui.error.next.notFound'
  if (status >= 500) return 'ui.error.next.serverError'
  return null
}

/** What a failed read offers for its error panel (a react-query result fits). */
export interface RetryableRead {
  error: unknown
  isFetching: boolean
  refetch: () => Promise<unknown>
}

/** A read that failed with nothing to show: its error, and a retry that stays busy while it runs. */
export function ReadErrorPanel({ query, title }: { query: RetryableRead; title: ReactNode }) {
  return (
    <ErrorPanel
      error={query.error}
      title={title}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  )
}

/**
 * A read that failed, as the operator sees it: its error and a retry (in a select's place
 * when the read feeds its options, under a list when it read the next page). Undefined
 * while it has not failed, so what it feeds shows.
 */
export function failedRead(
  read: { error: unknown; refetch: () => unknown; isFetching?: boolean },
  title: string,
): ReactNode {
  if (read.error === null || read.error === undefined) return undefined
  return (
    <ErrorPanel
      error={read.error}
      title={title}
      onRetry={() => void read.refetch()}
      retrying={read.isFetching}
    />
  )
}
