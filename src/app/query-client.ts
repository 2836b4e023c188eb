import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { message } from '../components/i18n.tsx'
import { auditQueries } from '../api/console/audit.ts'
import { isApiError } from '../lib/api-error.ts'
import { backoffDelay, isTransientError } from '../lib/outcome.ts'
import { showToasts } from './toasts.tsx'

/** How many times a failed read is tried again before its error is shown. */
export const QUERY_RETRIES = 3

/**
 * The console's query client. A 401 is not its business: `request` reports it to the
 * session store, which asks for the sign-in over the page (and the call waits for it). A
 * background refresh that fails while data is on screen raises a toast, since nothing
 * else on the page would announce it.
 */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined && !(isApiError(error) && error.status === 401)) {
          // Worded now, in the language of the moment; sonner loads with the toaster
          // (toasts.tsx), out of the first visit.
          const text = message('ui.refreshFailed', { message: error.message })
          showToasts()
          void import('sonner').then(({ toast }) =>
            toast.error(text, { id: `refresh-${query.queryHash}` }),
          )
        }
      },
    }),
    mutationCache: new MutationCache({
      // Every change is recorded by the audit trail: what shows it (the Activity page, a
      // resource's recent activity) is refetched, without holding up the mutation.
      onSettled: () => void client.invalidateQueries({ queryKey: auditQueries.all() }),
    }),
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
  return client
}
