import { errorMessage } from '../lib/api-error.ts'
import { currentLanguage, t, type MessageKey } from '../lib/i18n.ts'
import { isOutcomeUnknownError, type VerifyOptions } from '../lib/outcome.ts'

/**
 * The outcome of one item of a bulk action, in the three words the console uses: the
 * backend applied it, it did not, or its answer was lost and reading it back failed too.
 */
export type BulkOutcome = 'succeeded' | 'failed' | 'unknown'

export type BulkItemResult =
  | {
      id: string
      label: string
      outcome: 'succeeded'
      /** Set when the answer was lost and reading the resource back showed it applied. */
      note?: string
    }
  | { id: string; label: string; outcome: 'failed' | 'unknown'; message: string }

/** The operator's word for an outcome (a catalog key, read at render). */
export const OUTCOME_LABEL = {
  succeeded: 'ui.bulk.outcome.succeeded',
  failed: 'ui.bulk.outcome.failed',
  unknown: 'ui.bulk.outcome.unknown',
} satisfies Record<BulkOutcome, MessageKey>

/** What an item's action may ask of the runner: tell it the answer was lost (read-back). */
export type BulkActionOptions = Pick<VerifyOptions, 'onChecking'>

/**
 * Runs `action` for every item, a few at a time, and collects one result per item: a
 * bulk action never stops at the first failure and never hides one. An action whose
 * answer was lost reads its result back (`sendAndVerify`, through the `onChecking` it is
 * given): it succeeds or fails by what it read, or ends "unknown" when even that failed.
 */
export async function runBulk<T>(
  items: readonly T[],
  describe: (item: T) => { id: string; label: string },
  action: (item: T, options: BulkActionOptions) => Promise<unknown>,
  concurrency = 4,
  /** Told when an item's answer was lost and it is being read back ("Unknown — checking"). */
  onChecking?: (item: { id: string; label: string }) => void,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const item = items[index]!
      const { id, label } = describe(item)
      let checked = false
      try {
        await action(item, {
          onChecking: () => {
            checked = true
            onChecking?.({ id, label })
          },
        })
        results[index] = checked
          ? {
              id,
              label,
              outcome: 'succeeded',
              note: t('ui.bulk.readBackApplied'),
            }
          : { id, label, outcome: 'succeeded' }
      } catch (error) {
        results[index] = {
          id,
          label,
          outcome: isOutcomeUnknownError(error) ? 'unknown' : 'failed',
          message: errorMessage(error),
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
  return results
}

/** How many items ended in each outcome. */
export function countOutcomes(results: readonly BulkItemResult[]): Record<BulkOutcome, number> {
  const counts = { succeeded: 0, failed: 0, unknown: 0 }
  for (const r of results) counts[r.outcome]++
  return counts
}

/** True when every item succeeded: the action then says so once, in a toast. */
export function allSucceeded(results: readonly BulkItemResult[]): boolean {
  return results.every((r) => r.outcome === 'succeeded')
}

/**
 * A finished bulk run's one message: when every item succeeded, `done` gets the only item (a
 * run of one, named in its toast) or undefined (several, counted); otherwise `keep` gets the
 * results, which stay on screen with each item's outcome and no toast.
 */
export function settleBulk(
  results: BulkItemResult[],
  keep: (results: BulkItemResult[]) => void,
  done: (only: BulkItemResult | undefined) => void,
): void {
  if (allSucceeded(results)) done(results.length === 1 ? results[0] : undefined)
  else keep(results)
}

/** The ids of the items that succeeded (a page drops them from its selection). */
export function succeededIds(results: readonly BulkItemResult[]): Set<string> {
  return new Set(results.filter((r) => r.outcome === 'succeeded').map((r) => r.id))
}

/**
 * What did not succeed, in the words of every bulk summary: "1 failed, 1 unknown", each
 * left out when nobody had it. `keepFailed` says "0 failed" too, for a sentence that
 * counts the failures whatever they are ("3 queued, 3 succeeded, 0 failed").
 */
export function shortfall(
  results: readonly BulkItemResult[],
  { keepFailed = false }: { keepFailed?: boolean } = {},
): string {
  const { failed, unknown } = countOutcomes(results)
  // One message per combination: the list's comma is the language's, not glued here.
  if (unknown > 0)
    return failed > 0 || keepFailed
      ? t('ui.bulk.shortfall.failedUnknown', { failed, unknown })
      : t('ui.bulk.shortfall.unknown', { unknown })
  return failed > 0 || keepFailed ? t('ui.bulk.shortfall.failed', { failed }) : ''
}

/**
 * A bulk action's summary sentences, one per case, in the feature's catalog: `all` takes
 * `total` ("Delete: all {total, number} succeeded."), `some` takes `succeeded`, `total` and
 * `shortfall` ("Delete: {succeeded, number} of {total, number} succeeded, {shortfall}.").
 */
export interface BulkSummaryMessages {
  all: MessageKey
  some: MessageKey
}

/**
 * One sentence over a bulk action's results: "Delete: all 3 succeeded." or "Delete: 1 of 3
 * succeeded, 1 failed, 1 unknown."; `values` are the action's own (an application's name).
 */
export function bulkSummary(
  messages: BulkSummaryMessages,
  results: readonly BulkItemResult[],
  values: Readonly<Record<string, string>> = {},
): string {
  const { succeeded } = countOutcomes(results)
  const total = results.length
  if (succeeded === total) return t(messages.all, { ...values, total })
  return t(messages.some, { ...values, succeeded, total, shortfall: shortfall(results) })
}

/** Unknown first (they need a look), then failures, then successes, each in order. */
export function failuresFirst(results: readonly BulkItemResult[]): BulkItemResult[] {
  return [
    ...results.filter((r) => r.outcome === 'unknown'),
    ...results.filter((r) => r.outcome === 'failed'),
    ...results.filter((r) => r.outcome === 'succeeded'),
  ]
}

/** The line shown while some items of a bulk action are being read back. */
export function checkingLine(labels: readonly string[]): string {
  const names = new Intl.ListFormat(currentLanguage(), { type: 'unit' }).format(labels)
  return t('ui.bulk.checking', { names, count: labels.length })
}
