import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
import {
  serverQueries,
  unregisterServer,
  unregisterServerRequest,
} from '../../api/runtime-manager/servers.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { Button } from '../../components/button.tsx'
import { BulkResults } from '../../components/bulk-results.tsx'
import { runBulk, type BulkItemResult } from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { Modal } from '../../components/modal.tsx'
import { membershipOf } from './server-list-model.ts'

/**
 * Unregisters several servers, one request each, and reports a result per server. The
 * list is refetched before the results show, so the table is true to the backend.
 */
export function BulkUnregisterDialog({
  servers,
  open,
  onOpenChange,
  onDone,
}: {
  servers: readonly Server[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (succeeded: ReadonlySet<string>) => void
}) {
  const { scope } = useConsole()
  const queryClient = useQueryClient()
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const bulk = useMutation({
    mutationFn: async (targets: readonly Server[]) => {
      const outcome = await runBulk(
        targets,
        (s) => ({ id: String(s.id), label: s.name }),
        (s) => unregisterServer(scope, s.id),
      )
      await queryClient.invalidateQueries({ queryKey: serverQueries.all(scope) })
      return outcome
    },
    onSuccess: (outcome) => {
      setResults(outcome)
      const failed = outcome.filter((r) => !r.ok).length
      if (failed === 0)
        toast.success(`Unregistered ${outcome.length} server${outcome.length === 1 ? '' : 's'}`)
      else
        toast.error(
          `Unregistered ${outcome.length - failed} of ${outcome.length} servers; ${failed} failed`,
        )
      onDone(new Set(outcome.filter((r) => r.ok).map((r) => r.id)))
    },
  })
  const close = (next: boolean) => {
    if (!next) setResults(null)
    onOpenChange(next)
  }
  const grouped = servers.filter((s) => membershipOf(s) !== null).length

  if (results) {
    return (
      <Modal
        open={open}
        onOpenChange={close}
        title="Unregister servers: results"
        footer={<Button onClick={() => close(false)}>Close</Button>}
      >
        <BulkResults results={results} verb="Unregister" />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={close}
      title={`Unregister ${servers.length} server${servers.length === 1 ? '' : 's'}?`}
      confirmLabel={`Unregister ${servers.length}`}
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(servers)}
      requests={servers.map((s) => unregisterServerRequest(scope, s.id))}
    >
      <p style={{ marginTop: 0 }}>
        Each server is removed from Runtime Manager; its agent stops reporting. Applications
        deployed to a server alone are removed with it. To manage a host again, register it anew.
      </p>
      {grouped > 0 && (
        <p className="alert alert-warn">
          {grouped} of the selected servers belong to a group or cluster. The backend refuses to
          unregister those until they are removed from it; they will be reported as failed.
        </p>
      )}
      <p className="muted">
        {servers
          .slice(0, 5)
          .map((s) => s.name)
          .join(', ')}
        {servers.length > 5 ? `, and ${servers.length - 5} more` : ''}
      </p>
    </ConfirmDialog>
  )
}
