import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
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
import {
  bulkSummary,
  countOutcomes,
  runBulk,
  succeededIds,
  type BulkItemResult,
} from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { Modal } from '../../components/modal.tsx'

export type BulkAction = 'start' | 'stop' | 'delete'

const VERBS: Record<BulkAction, { title: string; verb: string; done: string }> = {
  start: { title: 'Start', verb: 'Start', done: 'Started' },
  stop: { title: 'Stop', verb: 'Stop', done: 'Stopped' },
  delete: { title: 'Delete', verb: 'Delete', done: 'Deleted' },
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
 * Starts, stops or deletes many applications, one request each, then shows one result
 * per application (failures first) once the list is fresh again.
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
      setResults(outcome)
      const n = outcome.length
      if (countOutcomes(outcome).succeeded === n)
        toast.success(`${words.verb}: all ${n} application${n === 1 ? '' : 's'} succeeded`)
      else toast.error(bulkSummary(words.verb, outcome))
      onDone(succeededIds(outcome))
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
        <BulkResults results={results} verb={words.verb} />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={`${words.title} ${n} application${n === 1 ? '' : 's'}?`}
      confirmLabel={`${words.verb} ${n}`}
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
