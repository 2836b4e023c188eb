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
import { allSucceeded, runBulk, succeededIds, type BulkItemResult } from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { Modal } from '../../components/modal.tsx'
import { countOf, toastOutcome } from '../../components/outcome-message.tsx'
import { formatNumber } from '../../lib/format.ts'

export type BulkAction = 'start' | 'stop' | 'delete'

const VERBS: Record<BulkAction, { title: string; verb: string; done: string }> = {
  start: { title: 'Start', verb: 'start', done: 'Started' },
  stop: { title: 'Stop', verb: 'stop', done: 'Stopped' },
  delete: { title: 'Delete', verb: 'delete', done: 'Deleted' },
}

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
  const words = VERBS[action]
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
      if (!allSucceeded(outcome)) {
        setResults(outcome)
        return
      }
      toastOutcome(
        { verb: words.verb, past: words.done },
        { count: outcome.length, noun: 'application' },
        { kind: 'succeeded' },
      )
      onClose()
    },
  })
  const n = apps.length
  if (results) {
    return (
      <Modal
        open
        onOpenChange={onClose}
        title={`${words.title} applications: results`}
        footer={<Button onClick={onClose}>Close</Button>}
      >
        <BulkResults results={results} verb={words.title} />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={`${words.title} ${countOf(n, 'application')}?`}
      confirmLabel={`${words.title} ${formatNumber(n)}`}
      tone={action === 'start' ? 'primary' : 'danger'}
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(apps)}
      requests={apps.map((app) => requestFor(action, scope, app))}
      {...(action === 'delete'
        ? { risk: 'irreversible', typeToConfirm: `delete ${n}` }
        : { risk: 'availability' })}
    >
      <p style={{ marginTop: 0 }}>
        {action === 'delete'
          ? 'Each application is undeployed from every server of its target and removed. This cannot be undone.'
          : action === 'stop'
            ? 'Each application stops on every server of its target; clients get no answer until it starts again.'
            : 'Each application starts on every connected server of its target.'}
      </p>
      <BulkConfirmNote
        pending={bulk.isPending}
        checking={checking}
        names={apps.map((a) => a.name)}
        shown={6}
      />
    </ConfirmDialog>
  )
}
