import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import { auditQueries } from '../api/console/audit.ts'
import { isApiError } from '../lib/api-error.ts'
import { endSession } from '../lib/session-store.ts'

function expireOn401(error: unknown) {
  if (isApiError(error) && error.status === 401) endSession('expired')
}

/**
 * The console's query client. A 401 anywhere ends the session (the sign-in page comes
 * back and returns the operator afterwards); a background refresh that fails while data
 * is on screen raises a toast, since nothing else on the page would announce it.
 */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        expireOn401(error)
        if (query.state.data !== undefined && !(isApiError(error) && error.status === 401)) {
          toast.error(`Refresh failed: ${error.message}`, { id: `refresh-${query.queryHash}` })
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: expireOn401,
      // Every change is recorded by the audit trail: what shows it (the Activity page, a
      // resource's recent activity) is refetched, without holding up the mutation.
      onSettled: () => void client.invalidateQueries({ queryKey: auditQueries.all() }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Retry only what a retry can fix: the network and server errors, once.
        retry:
          options.retry ??
          ((count, error) =>
            count < 1 && isApiError(error) && (error.kind === 'network' || error.status >= 500)),
        refetchOnWindowFocus: true,
      },
    },
  })
  return client
}
