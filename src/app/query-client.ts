import { QueryCache, QueryClient } from '@tanstack/react-query'
import { toast } from 'sonner'
import { isApiError } from '../lib/api-error.ts'

/**
 * The console's query client. A 401 is not its business: `request` reports it to the
 * session store, which asks for the sign-in over the page (and the call waits for it). A
 * background refresh that fails while data is on screen raises a toast, since nothing
 * else on the page would announce it.
 */
export function createQueryClient(options: { retry?: false } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined && !(isApiError(error) && error.status === 401)) {
          toast.error(`Refresh failed: ${error.message}`, { id: `refresh-${query.queryHash}` })
        }
      },
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
}
