import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { request, type RequestSpec } from '../../lib/request.ts'
import {
  TransactionPageSchema,
  TransactionSchema,
  type Transaction,
  type TransactionPage,
} from './device-schemas.ts'
import { mfpLocale } from './locale.ts'
import { deviceAdminKeys, runtimePath } from './paths.ts'
import { isTransactionFinished } from './transaction-state.ts'

/** How often an open transaction is read again, and the list while any is open. */
export const TRANSACTION_POLL_MS = 1_000
export const TRANSACTION_LIST_POLL_FAST_MS = 2_000
export const TRANSACTION_LIST_POLL_IDLE_MS = 15_000

export interface TransactionListQuery {
  /** `-created` (newest first), `updated`, `type`, `status`, `user`, `server`. */
  orderBy: string
  pageSize: number
  bookmark: string
  /** Only the transactions that carry errors. */
  errorsOnly: boolean
}

export function listTransactionsRequest(
  runtime: string,
  q: TransactionListQuery,
): RequestSpec<TransactionPage> {
  return {
    method: 'GET',
    path: `${runtimePath(runtime)}/transactions`,
    query: {
      bookmark: q.bookmark || undefined,
      pageSize: q.pageSize,
      orderBy: q.orderBy || undefined,
      mode: q.errorsOnly ? 'errors' : undefined,
      locale: mfpLocale(),
    },
    schema: TransactionPageSchema,
  }
}

export async function listTransactions(
  runtime: string,
  q: TransactionListQuery,
  signal?: AbortSignal,
): Promise<TransactionPage> {
  return request({ ...listTransactionsRequest(runtime, q), signal })
}

export function getTransactionRequest(runtime: string, id: number): RequestSpec<Transaction> {
  return {
    method: 'GET',
    path: `${runtimePath(runtime)}/transactions/${id}`,
    query: { locale: mfpLocale() },
    schema: TransactionSchema,
  }
}

/** One transaction as it stands now (`GET .../transactions/{id}`). */
export async function getTransaction(
  runtime: string,
  id: number,
  signal?: AbortSignal,
): Promise<Transaction> {
  return request({ ...getTransactionRequest(runtime, id), signal })
}

export const transactionQueries = {
  all: (runtime: string) => deviceAdminKeys.transactions(runtime),
  lists: (runtime: string) => [...deviceAdminKeys.transactions(runtime), 'list'] as const,
  list: (runtime: string, q: TransactionListQuery) =>
    queryOptions({
      queryKey: [...transactionQueries.lists(runtime), q],
      queryFn: ({ signal }) => listTransactions(runtime, q, signal),
      refetchInterval: (query) =>
        query.state.data?.items.some((tx) => !isTransactionFinished(tx.status))
          ? TRANSACTION_LIST_POLL_FAST_MS
          : TRANSACTION_LIST_POLL_IDLE_MS,
    }),
  detail: (runtime: string, id: number) =>
    queryOptions({
      queryKey: [...deviceAdminKeys.transactions(runtime), 'detail', id],
      queryFn: ({ signal }) => getTransaction(runtime, id, signal),
      // A finished transaction never changes again; an open one is read until it ends.
      staleTime: (query) =>
        query.state.data && isTransactionFinished(query.state.data.status) ? Infinity : 0,
      refetchInterval: (query) =>
        query.state.data && isTransactionFinished(query.state.data.status)
          ? false
          : TRANSACTION_POLL_MS,
    }),
}

/**
 * Follows one transaction through `GET .../transactions/{id}` until it ends. `known` is
 * what a list already said about it (shown at once). When it is seen to end, the
 * runtime's devices and transaction lists are refetched (the device now shows the
 * outcome) and `onFinish` is called, once per transaction this hook saw open.
 */
export function useFollowTransaction(
  runtime: string,
  id: number,
  options: { known?: Transaction; onFinish?: (tx: Transaction) => void } = {},
) {
  const queryClient = useQueryClient()
  const { known, onFinish } = options
  const base = transactionQueries.detail(runtime, id)
  return useQuery({
    ...base,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData(base.queryKey) ?? known
      const tx = await getTransaction(runtime, id, signal)
      if (before && !isTransactionFinished(before.status) && isTransactionFinished(tx.status)) {
        onFinish?.(tx)
        void queryClient.invalidateQueries({ queryKey: deviceAdminKeys.devices(runtime) })
        void queryClient.invalidateQueries({ queryKey: transactionQueries.lists(runtime) })
      }
      return tx
    },
    initialData: known,
    // What a list said is a starting point, not a fresh reading: fetch at once.
    initialDataUpdatedAt: 0,
  })
}
