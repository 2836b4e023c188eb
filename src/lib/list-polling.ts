import { replaceEqualDeep } from '@tanstack/react-query'

/**
 * How often a whole list is read again, and the facts of its last read (ADR 016).
 *
 * The hybrid API's lists are not paginated and the vendor documents no `ETag` on them.
 * With an `ETag` a read of an unchanged list is a 304 of a few hundred bytes, so the
 * heartbeat stays at 30 s. Without one each read is the whole list (10,000 applications:
 * about 10 MB, 1.2 MB gzip), so the heartbeat slows down with the list's size: 15 s up
 * to 500 rows, 45 s at 10,000, linear in between, and never slower than 2 minutes.
 * What is settling is followed by reading those items, not the list (see the factories).
 */

/** Revalidation of a list whose server sends an `ETag` (ADR 010). */
export const LIST_POLL_WITH_ETAG_MS = 30_000
/** Full reads without an `ETag`: at most this many rows are read every 15 s… */
export const LIST_POLL_SMALL_ROWS = 500
export const LIST_POLL_SMALL_MS = 15_000
/** …and 10,000 rows every 45 s (a change made elsewhere shows within a minute). */
export const LIST_POLL_LARGE_ROWS = 10_000
export const LIST_POLL_LARGE_MS = 45_000
/** The slowest full read, however long the list. */
export const LIST_POLL_MAX_MS = 120_000
/** Following what is settling (one item or one target per read). */
export const LIST_FOLLOW_MS = 2_000

/** What a full read of a list found out about it. */
export interface ListRead {
  /** When the whole list was last read (epoch ms). */
  readAt: number
  /** How many rows it had. */
  rows: number
  /** Whether the answer carried an `ETag` (its next read is a cheap revalidation). */
  etag: boolean
  /** How many times the settling items were followed since; rotates who is read first. */
  follows: number
}

/** The interval between full reads of a list of `rows` rows, with or without an `ETag`. */
export function fullListInterval(read: Pick<ListRead, 'rows' | 'etag'>): number {
  if (read.etag) return LIST_POLL_WITH_ETAG_MS
  if (read.rows <= LIST_POLL_SMALL_ROWS) return LIST_POLL_SMALL_MS
  const perRow =
    (LIST_POLL_LARGE_MS - LIST_POLL_SMALL_MS) / (LIST_POLL_LARGE_ROWS - LIST_POLL_SMALL_ROWS)
  const ms = LIST_POLL_SMALL_MS + (read.rows - LIST_POLL_SMALL_ROWS) * perRow
  return Math.min(Math.round(ms), LIST_POLL_MAX_MS)
}

const reads = new WeakMap<object, ListRead>()

/** Remembers the facts of a full read (or carries them to a list merged from it). */
export function noteListRead(list: object, read: ListRead): void {
  reads.set(list, read)
}

/**
 * Notes that `list` was just read in full (its rows, and whether it came with an `ETag`)
 * and returns it: the read of a polled list whose fetch always reads all of it.
 */
export function notedFullRead<T extends { items: readonly unknown[]; etag?: string }>(list: T): T {
  noteListRead(list, {
    readAt: Date.now(),
    rows: list.items.length,
    etag: list.etag !== undefined,
    follows: 0,
  })
  return list
}

/** The facts of the full read a list came from; none for a list nobody noted. */
export function listReadOf(list: object): ListRead | undefined {
  return reads.get(list)
}

/**
 * React Query's structural sharing, keeping the facts of the read: the list it stores is
 * a new object made of the old one's unchanged parts (or the old one itself), which the
 * facts noted on the answer would otherwise not reach. Use as `structuralSharing`.
 */
export function shareKeepingRead(oldData: unknown, newData: unknown): unknown {
  const shared = replaceEqualDeep(oldData, newData)
  if (typeof newData === 'object' && newData !== null && typeof shared === 'object' && shared) {
    const read = reads.get(newData)
    if (read) reads.set(shared, read)
  }
  return shared
}

/** Whether the whole list is due to be read again (always, when its read is unknown). */
export function fullReadDue(list: object, now: number): boolean {
  const read = reads.get(list)
  return !read || now - read.readAt >= fullListInterval(read)
}

/**
 * The `refetchInterval` of a polled list: 2 s while something settles (the fetch then
 * follows those items, or reads the whole list when its time has come), otherwise the
 * time left until the next full read. React Query re-arms the timer on every update, so
 * the time left is measured from the last full read, not from the last follow.
 */
export function listPollInterval(
  list: object | undefined,
  settling: boolean,
  now: number = Date.now(),
): number {
  if (settling) return LIST_FOLLOW_MS
  const read = list ? reads.get(list) : undefined
  if (!read) return LIST_POLL_WITH_ETAG_MS
  return Math.max(1_000, read.readAt + fullListInterval(read) - now)
}
