import {
  QueryClient,
  type FetchQueryOptions,
  type Query,
  type QueryKey,
} from '@tanstack/react-query'
import { expect, test } from 'vitest'
import { fullListInterval, LIST_POLL_WITH_ETAG_MS, listReadOf } from '../../lib/list-polling.ts'
import { setupTestBackend, signInAs } from '../../test/demo-server.ts'
import { clusterQueries } from './clusters.ts'
import { serverGroupQueries } from './server-groups.ts'
import { serverQueries } from './servers.ts'

const demo = setupTestBackend()

/** Reads a list once through its query; returns its rows, its read and the wait till the next. */
async function afterOneRead<T extends { items: readonly unknown[] }, K extends QueryKey>(
  client: QueryClient,
  options: FetchQueryOptions<T, Error, T, K> & {
    refetchInterval?:
      number | false | ((query: Query<T, Error, T, K>) => number | false | undefined)
  },
) {
  const data = await client.fetchQuery(options)
  // The query that read it (build finds the one in the cache).
  const query = client.getQueryCache().build(client, options)
  const interval = options.refetchInterval
  return {
    rows: data.items.length,
    read: listReadOf(data),
    interval: typeof interval === 'function' ? interval(query) : interval,
  }
}

async function idleIntervals() {
  const { scope } = await signInAs('Administrator')
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return [
    await afterOneRead(client, serverQueries.list(scope)),
    await afterOneRead(client, serverGroupQueries.list(scope)),
    await afterOneRead(client, clusterQueries.list(scope)),
  ]
}

test('without ETags, servers, groups and clusters are read at the pace of their size (ADR 016)', async () => {
  demo.backend.etags = false
  for (const { rows, read, interval } of await idleIntervals()) {
    expect(read).toMatchObject({ rows, etag: false })
    // The time left until the next full read: the list's interval, less the test's own time.
    const full = fullListInterval({ rows, etag: false })
    expect(interval).toBeLessThanOrEqual(full)
    expect(interval).toBeGreaterThan(full - 5_000)
  }
})

test('with ETags they are revalidated every 30 s, as before', async () => {
  for (const { read, interval } of await idleIntervals()) {
    expect(read).toMatchObject({ etag: true })
    expect(interval).toBeLessThanOrEqual(LIST_POLL_WITH_ETAG_MS)
    expect(interval).toBeGreaterThan(LIST_POLL_WITH_ETAG_MS - 5_000)
  }
})
