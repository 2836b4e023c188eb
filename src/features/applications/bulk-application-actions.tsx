import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import {
  applicationQueries,
  deleteApplication,
  deleteApplicationRequest,
  desiredStatusRequest,
  setDesiredStatus,
} from '../../api/runtime-manager/applications.ts'
import { Button } from '../../components/button.tsx'
import { BulkConfirmNote } from '../../components/bulk-confirm-note.tsx'
import { BulkResults } from '../../components/bulk-results.tsx'
import { runBulk, settleBulk, succeededIds, type BulkItemResult } from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { Modal } from '../../components/modal.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { useT } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'

export type BulkAction = 'start' | 'stop' | 'delete'

/** Each action's words, as keys: translated when they are shown. */
const WORDS = {
  start: {
    succeeded: 'applications.bulk.startSucceeded',
    summaryAll: 'applications.bulk.startSummaryAll',
    summarySome: 'applications.bulk.startSummarySome',
    confirmTitle: 'applications.bulk.startTitle',
    confirmLabel: 'applications.bulk.startConfirm',
    resultsTitle: 'applications.bulk.startResults',
    explain: 'applications.bulk.startExplain',
  },
  stop: {
    succeeded: 'applications.bulk.stopSucceeded',
    summaryAll: 'applications.bulk.stopSummaryAll',
    summarySome: 'applications.bulk.stopSummarySome',
    confirmTitle: 'applications.bulk.stopTitle',
    confirmLabel: 'applications.bulk.stopConfirm',
    resultsTitle: 'applications.bulk.stopResults',
    explain: 'applications.bulk.stopExplain',
  },
  delete: {
    succeeded: 'applications.bulk.deleteSucceeded',
    summaryAll: 'applications.bulk.deleteSummaryAll',
    summarySome: 'applications.bulk.deleteSummarySome',
    confirmTitle: 'applications.bulk.deleteTitle',
    confirmLabel: 'applications.bulk.deleteConfirm',
    resultsTitle: 'applications.bulk.deleteResults',
    explain: 'applications.bulk.deleteExplain',
  },
} as const satisfies Record<BulkAction, Record<string, MessageKey>>

function requestFor(
  action: BulkAction,
  scope: ReturnType<typeof useConsole>['scope'],
  app: Application,
) {
  const label = { name: app.name, on: app.target.name }
  if (action === 'delete') return deleteApplicationRequest(scope, app.id, label)
  return desiredStatusRequest(scope, app.id, action === 'start' ? 'STARTED' : 'STOPPED', label)
}

/**
 * Starts, stops or deletes many applications, one request each, then, once the list is
 * fresh again, says the outcome once: a toast when every one succeeded (the dialog
 * closes), otherwise one result per application (failures first) and no toast.
 */
export function BulkApplicationDialog({
  action,
  apps,
  onClose,
  onDone,
}: {
  action: BulkAction
  apps: readonly Application[]
  onClose: () => void
  onDone: (succeeded: ReadonlySet<string>) => void
}) {
  const { scope } = useConsole()
  const queryClient = useQueryClient()
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const [checking, setChecking] = useState<string[]>([])
  const t = useT()
  const words = WORDS[action]
  const bulk = useMutation({
    mutationFn: async (targets: readonly Application[]) => {
      setChecking([])
      const outcome = await runBulk(
        targets,
        (app) => ({ id: String(app.id), label: app.name }),
        (app, options) => {
          const label = { name: app.name, on: app.target.name }
          return action === 'delete'
            ? deleteApplication(scope, app.id, label, options)
            : setDesiredStatus(
                scope,
                app.id,
                action === 'start' ? 'STARTED' : 'STOPPED',
                label,
                options,
              )
        },
        undefined,
        ({ label }) => setChecking((labels) => [...labels, label]),
      )
      await queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) })
      return outcome
    },
    onSuccess: (outcome) => {
      onDone(succeededIds(outcome))
      settleBulk(outcome, setResults, () => {
        toastSucceeded(words.succeeded, { count: outcome.length })
        onClose()
      })
    },
  })
  const n = apps.length
  if (results) {
    return (
      <Modal
        open
        onOpenChange={onClose}
        title={t(words.resultsTitle)}
        footer={<Button onClick={onClose}>{t('applications.common.close')}</Button>}
      >
        <BulkResults
          results={results}
          summary={{ all: words.summaryAll, some: words.summarySome }}
        />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={t(words.confirmTitle, { count: n })}
      confirmLabel={t(words.confirmLabel, { count: n })}
      tone={action === 'start' ? 'primary' : 'danger'}
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(apps)}
      requests={apps.map((app) => requestFor(action, scope, app))}
      {...(action === 'delete'
        ? {
            risk: 'irreversible',
            typeToConfirm: t('applications.bulk.deleteTyped', { count: String(n) }),
          }
        : { risk: 'availability' })}
    >
      <p style={{ marginTop: 0 }}>{t(words.explain)}</p>
      <BulkConfirmNote
        pending={bulk.isPending}
        checking={checking}
        names={apps.map((a) => a.name)}
        shown={6}
      />
    </ConfirmDialog>
  )
}
