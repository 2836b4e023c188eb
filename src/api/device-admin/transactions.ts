import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { auditQueries } from '../console/audit.ts'
import { t } from '../../lib/i18n.ts'
import { retryTransient, sleep, type Verify } from '../../lib/outcome.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import {
  TransactionPageSchema,
  TransactionSchema,
  type Transaction,
  type TransactionPage,
  type TransactionType,
} from './device-schemas.ts'
import { mfpLocale } from './locale.ts'
import { bookmarkPageQuery, deviceAdminKeys, runtimePath, type BookmarkPageQuery } from './paths.ts'
import { isTransactionFinished } from './transaction-state.ts'

/** How often an open transaction is read again, and the list while any is open. */
export const TRANSACTION_POLL_MS = 1_000
export const TRANSACTION_LIST_POLL_FAST_MS = 2_000
export const TRANSACTION_LIST_POLL_IDLE_MS = 15_000

/** Sorted by `-created` (newest first), `updated`, `type`, `status`, `user` or `server`. */
export interface TransactionListQuery extends BookmarkPageQuery {
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
    query: bookmarkPageQuery(q, { mode: q.errorsOnly ? 'errors' : undefined }),
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
  /**
   * A page of transactions. When a transaction this list last saw open has ended, the
   * runtime's devices are refetched (they now show the outcome) and `onFinish` is called:
   * the list may see an end before any follower of that transaction does.
   */
  list: (runtime: string, q: TransactionListQuery, onFinish?: (tx: Transaction) => void) =>
    queryOptions({
      queryKey: [...transactionQueries.lists(runtime), q],
      queryFn: async ({ client, queryKey, signal }) => {
        const before = client.getQueryData<TransactionPage>(queryKey)
        const page = await listTransactions(runtime, q, signal)
        const wasOpen = new Set(
          (before?.items ?? [])
            .filter((tx) => !isTransactionFinished(tx.status))
            .map((tx) => tx.id),
        )
        const ended = page.items.filter(
          (tx) => wasOpen.has(tx.id) && isTransactionFinished(tx.status),
        )
        if (ended.length > 0) {
          void client.invalidateQueries({ queryKey: deviceAdminKeys.devices(runtime) })
          // The audit trail records the end of a queued change from this very answer.
          void client.invalidateQueries({ queryKey: auditQueries.all() })
          for (const tx of ended) onFinish?.(tx)
        }
        return page
      },
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
        void queryClient.invalidateQueries({ queryKey: auditQueries.all() })
        void queryClient.invalidateQueries({ queryKey: transactionQueries.lists(runtime) })
      }
      return tx
    },
    initialData: known,
    // What a list said is a starting point, not a fresh reading: fetch at once.
    initialDataUpdatedAt: 0,
  })
}

/** How long `waitForTransaction` follows one transaction before saying it is still open. */
export const TRANSACTION_WAIT_LIMIT_MS = 120_000

/**
 * Reads a transaction until it ends (bulk work queues its changes and reports each
 * device's real outcome, not "queued"). Resolves with the finished transaction; rejects
 * when the limit passes with it still open, or when `signal` aborts.
 */
export async function waitForTransaction(
  runtime: string,
  transaction: Transaction,
  options: { signal?: AbortSignal; intervalMs?: number; limitMs?: number } = {},
): Promise<Transaction> {
  const { signal, intervalMs = TRANSACTION_POLL_MS, limitMs = TRANSACTION_WAIT_LIMIT_MS } = options
  const deadline = Date.now() + limitMs
  let current = transaction
  while (!isTransactionFinished(current.status)) {
    if (Date.now() > deadline)
      throw new Error(
        t('devices.transactions.stillOpen', {
          id: current.id,
          status: current.status,
          seconds: Math.round(limitMs / 1000),
        }),
      )
    await sleep(intervalMs, signal)
    // A read that fails on the way (a 502 from a proxy, a dropped connection) says
    // nothing about the transaction: read again with backoff before giving up on it.
    const id = current.id
    current = await retryTransient(() => getTransaction(runtime, id, signal), { signal })
  }
  return current
}

/** How far back a read-back looks for the transaction of a change whose answer was lost. */
export const LOST_CHANGE_WINDOW_MS = 10 * 60_000

/** What a device change was about, as its transaction's type and description say. */
export interface DeviceChangeKey {
  type: TransactionType
  deviceId: string
  appName?: string
  status?: string
}

/**
 * Reads back a device change whose answer was lost: the newest transaction of this
 * runtime of that type for that device (and application and status, when given),
 * created since shortly before the change was sent. Its status says what happened (it
 * may still be open: then it is followed like any other). `null` when there is none:
 * the change was not applied.
 */
export function verifyDeviceChange(
  runtime: string,
  change: DeviceChangeKey,
  sentAt: number,
): Verify<Transaction> {
  return async () => {
    const page = await listTransactions(runtime, {
      orderBy: '-created',
      pageSize: 50,
      bookmark: '',
      errorsOnly: false,
    })
    const found = page.items.find(
      (tx) =>
        tx.type === change.type &&
        tx.description?.deviceId === change.deviceId &&
        (change.appName === undefined || tx.description.appName === change.appName) &&
        (change.status === undefined || tx.description.status === change.status) &&
        Date.parse(tx.timeCreated ?? '') >= sentAt - LOST_CHANGE_WINDOW_MS,
    )
    return found ?? null
  }
}
