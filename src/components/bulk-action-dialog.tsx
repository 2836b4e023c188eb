import { useMutation } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { RequestInit_ } from '../lib/describe-request.ts'
import { BulkConfirmNote } from './bulk-confirm-note.tsx'
import { BulkResults } from './bulk-results.tsx'
import {
  settleBulk,
  runBulk,
  succeededIds,
  type BulkActionOptions,
  type BulkItemResult,
  type BulkSummaryMessages,
} from './bulk.ts'
import { Button } from './button.tsx'
import { useT } from './i18n.tsx'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { Modal, type DialogState } from './modal.tsx'
import { toastSucceeded } from './outcome-message.tsx'
import type { MessageKey } from '../lib/i18n.ts'

/**
 * A bulk action's whole sentences, from the feature's catalog (each language words and
 * inflects them its own way; nothing is spliced from a verb and a noun).
 */
export interface BulkMessages {
  /** Takes `count`: "Delete {count, plural, one {# server group} other {# server groups}}?" */
  confirmTitle: MessageKey
  /** Takes `count`: "Delete {count, number}". */
  confirmLabel: MessageKey
  /** Takes `count` as typed digits: what to type to confirm several ("delete {count}"). */
  typeToConfirm: MessageKey
  /** "Delete server groups: results". */
  resultsTitle: MessageKey
  /** What `bulkSummary` says over the results. */
  summary: BulkSummaryMessages
  /** Takes `count`: the toast when every item succeeded ("Deleted {count, plural, …}"). */
  succeeded: MessageKey
}

/** How a page drives a bulk dialog: open or not, and told which ids succeeded when done. */
export interface BulkDialogState extends DialogState {
  onDone: (succeeded: ReadonlySet<string>) => void
}

/**
 * A list's bulk dialog: whether it is open, a way to open it (the selection bar's action),
 * and the state to hand the dialog, which tells `onDone` the ids that succeeded.
 */
export function useBulkDialog(onDone: BulkDialogState['onDone']) {
  const [open, setOpen] = useState(false)
  const state: BulkDialogState = { open, onOpenChange: setOpen, onDone }
  return { open, show: () => setOpen(true), state }
}

/**
 * Confirms one action on several items (one request each, all shown as curl), runs it and
 * refreshes the affected queries before the outcome shows (so the table is true to the
 * backend). One message per action: when every item succeeded the dialog closes with one
 * toast ("Deleted 3 applications"); otherwise it stays open with a result per item and no
 * toast. `onDone` gets the ids that succeeded, so the page can drop them from its selection.
 */
export function BulkActionDialog<T>({
  items,
  describe,
  requestFor,
  run,
  refresh,
  messages,
  open,
  onOpenChange,
  onDone,
  children,
}: {
  items: readonly T[]
  /** The id (as the page's selection holds it) and the name shown for an item. */
  describe: (item: T) => { id: string; label: string }
  /** The exact request sent for an item, for the curl preview. */
  requestFor: (item: T) => RequestInit_
  /**
   * Sends the action for one item; pass `options` to `sendAndVerify` (an api function
   * does) so a lost answer is read back instead of reported as a failure.
   */
  run: (item: T, options: BulkActionOptions) => Promise<unknown>
  /** Invalidates what the action changed; the results wait for it. */
  refresh: () => Promise<unknown>
  /** The action's sentences: confirmation, results and toast. */
  messages: BulkMessages
  /** What happens to each item, in the operator's terms; the names follow it. */
  children: ReactNode
} & BulkDialogState) {
  const t = useT()
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const [checking, setChecking] = useState<string[]>([])
  const bulk = useMutation({
    mutationFn: async (targets: readonly T[]) => {
      setChecking([])
      const outcome = await runBulk(targets, describe, run, undefined, ({ label }) =>
        setChecking((labels) => [...labels, label]),
      )
      await refresh()
      return outcome
    },
    onSuccess: (outcome) => {
      onDone(succeededIds(outcome))
      settleBulk(outcome, setResults, () => {
        onOpenChange(false)
        toastSucceeded(messages.succeeded, { count: outcome.length })
      })
    },
  })
  const close = (next: boolean) => {
    if (!next) setResults(null)
    onOpenChange(next)
  }
  if (results) {
    return (
      <Modal
        open={open}
        onOpenChange={close}
        title={t(messages.resultsTitle)}
        footer={<Button onClick={() => close(false)}>{t('ui.common.close')}</Button>}
      >
        <BulkResults results={results} summary={messages.summary} />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={close}
      title={t(messages.confirmTitle, { count: items.length })}
      confirmLabel={t(messages.confirmLabel, { count: items.length })}
      // Every bulk change of this dialog removes something for good (ADR 028): one item is
      // confirmed by its name, several by the action's word and their count.
      risk="irreversible"
      typeToConfirm={
        items.length === 1 && items[0] !== undefined
          ? describe(items[0]).label
          : t(messages.typeToConfirm, { count: String(items.length) })
      }
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(items)}
      requests={items.map(requestFor)}
    >
      {children}
      <BulkConfirmNote
        pending={bulk.isPending}
        checking={checking}
        names={items.map((item) => describe(item).label)}
        shown={5}
      />
    </ConfirmDialog>
  )
}
