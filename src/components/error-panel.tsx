import type { ReactNode } from 'react'
import { isApiError } from '../lib/api-error.ts'
import { isOutcomeUnknownError } from '../lib/outcome.ts'
import { ApiText } from './api-text.tsx'
import { Button } from './button.tsx'

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
  const unknown = isOutcomeUnknownError(error)
  const api = isApiError(error) ? error : unknown ? error.lost : null
  const message = error instanceof Error ? error.message : String(error)
  return (
    <div className={unknown ? 'alert alert-warn' : 'alert alert-error'} role="alert">
      <div className="alert-title">
        {unknown ? 'Unknown: the change may have been applied' : title}
      </div>
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
      {!unknown && api && nextStep(api.status, api.kind, creating === true) && (
        <div className="muted">{nextStep(api.status, api.kind, creating === true)}</div>
      )}
      {onRetry && (
        <div style={{ marginTop: 8 }}>
          <Button onClick={onRetry} busy={retrying}>
            Retry
          </Button>
        </div>
      )}
    </div>
  )
}

function nextStep(status: number, kind: string, creating: boolean): string | null {
  if (kind === 'network')
    return 'The backend did not answer. Check that it is running and reachable, then retry.'
  if (kind === 'schema')
    return 'The backend answered in an unexpected format; it may be a different API version.'
  if (status === 403)
    return 'Your connected app lacks a scope this needs. Ask an administrator to grant it.'
  if (status === 404 && creating)
    return 'Nothing was created: the backend did not find where to create it, or a server or target the request names. Check the choices against the current lists, then try again.'
  if (status === 404)
    return 'It may have been removed by someone else. Go back to the list to see the current state.'
  if (status >= 500)
    return 'The backend failed. Retry; if it keeps failing, check the backend’s logs.'
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
