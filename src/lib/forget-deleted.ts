import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'

/**
 * After a delete: refreshes `refreshKey`'s queries except the deleted record's own, and
 * forgets that record once nothing shows it. Removing it at once would make the page
 * still on screen (the record's own page, about to navigate away) read it again and meet
 * a 404; leaving it would let a later visit show the gone record from the cache.
 */
export async function forgetDeleted(
  queryClient: QueryClient,
  detailKey: QueryKey,
  refresh: { queryKey: QueryKey; refetchType?: 'active' | 'all' },
): Promise<void> {
  const hash = hashKey(detailKey)
  const cache = queryClient.getQueryCache()
  await queryClient.cancelQueries({ queryKey: detailKey, exact: true })
  const forget = () => queryClient.removeQueries({ queryKey: detailKey, exact: true })
  const query = cache.find({ queryKey: detailKey, exact: true })
  if (!query || query.getObserversCount() === 0) forget()
  else {
    const unsubscribe = cache.subscribe((event) => {
      if (event.query.queryHash !== hash) return
      if (event.type === 'removed' || query.getObserversCount() === 0) {
        unsubscribe()
        forget()
      }
    })
  }
  await queryClient.invalidateQueries({
    ...refresh,
    predicate: (candidate) => candidate.queryHash !== hash,
  })
}
