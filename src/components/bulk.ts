import { errorMessage } from '../lib/api-error.ts'

/** The outcome of one item of a bulk action. */
export type BulkItemResult =
  | { id: string; label: string; ok: true }
  | { id: string; label: string; ok: false; message: string }

/**
 * Runs `action` for every item, a few at a time, and collects one result per item: a
 * bulk action never stops at the first failure and never hides one.
 */
export async function runBulk<T>(
  items: readonly T[],
  describe: (item: T) => { id: string; label: string },
  action: (item: T) => Promise<unknown>,
  concurrency = 4,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const item = items[index]!
      const { id, label } = describe(item)
      try {
        await action(item)
        results[index] = { id, label, ok: true }
      } catch (error) {
        results[index] = { id, label, ok: false, message: errorMessage(error) }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

/** Failures first, then successes, each in the original order. */
export function failuresFirst(results: readonly BulkItemResult[]): BulkItemResult[] {
  return [...results.filter((r) => !r.ok), ...results.filter((r) => r.ok)]
}
