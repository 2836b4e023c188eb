import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import { isApiError } from '../lib/api-error.ts'
import { backoffDelay, isTransientError } from '../lib/outcome.ts'
import { endSession } from '../lib/session-store.ts'

function expireOn401(error: unknown) {
  if (isApiError(error) && error.status === 401) endSession('expired')
}

/** How many times a failed read is tried again before its error is shown. */
export const QUERY_RETRIES = 3

/**
 * The console's query client. A 401 anywhere ends the session (the sign-in page comes
 * back and returns the operator afterwards); a background refresh that fails while data
 * is on screen raises a toast, since nothing else on the page would announce it.
 */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        expireOn401(error)
        if (query.state.data !== undefined && !(isApiError(error) && error.status === 401)) {
          toast.error(`Refresh failed: ${error.message}`, { id: `refresh-${query.queryHash}` })
        }
      },
    }),
    mutationCache: new MutationCache({ onError: expireOn401 }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Retry only what a retry can fix: no answer, 5xx, 408 and 429 (never another
        // 4xx or a malformed answer), 3 times with exponential backoff (0.5, 1, 2 s): a
        // blip heals unseen, and a real outage still shows within a few seconds.
        retry:
          options.retry ?? ((count, error) => count < QUERY_RETRIES && isTransientError(error)),
        retryDelay: (attempt) => backoffDelay(attempt, 500, 8_000),
        // A query that failed is read again when the browser is back online, and when the
        // operator comes back to the tab (focus or visibility).
        refetchOnReconnect: true,
        refetchOnWindowFocus: true,
      },
    },
  })
}
