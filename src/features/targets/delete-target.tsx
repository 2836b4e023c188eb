import { useState } from 'react'
import { ApiList, ApiText, apiMessage } from '../../components/api-text.tsx'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import {
  useOwnApplications,
  useRefreshAfterMembershipChange,
} from '../../api/runtime-manager/targets.ts'
import type { RequestInit_ } from '../../lib/describe-request.ts'
import type { RequestSpec } from '../../lib/request.ts'
import { BulkActionDialog } from '../../components/bulk-action-dialog.tsx'
import type { BulkActionOptions } from '../../components/bulk.ts'
import { Button } from '../../components/button.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'

/** How the console names a kind of target: "server group" and "group", or "cluster" twice. */
export interface TargetNoun {
  /** In titles and toasts: "server group". */
  full: string
  /** In buttons and sentences: "group". */
  short: string
}

/** A server group or cluster as far as deleting it is concerned. */
interface DeletableTarget {
  id: number
  name: string
  servers: readonly Pick<Server, 'id'>[]
}

/** The parts of a delete mutation hook (`useDeleteCluster`...) the button uses. */
interface DeleteMutation {
  /** The target's id, with its name for the audit trail (ADR 015). */
  mutate: (
    target: { id: number; label: { name: string } },
    options: { onSuccess: () => void },
  ) => void
  isPending: boolean
  error: unknown
  reset: () => void
}

/**
 * Deletes one server group or cluster from its page after a confirmation that names the
 * applications deleted with it, then goes back to the list.
 */
export function DeleteTargetButton({
  target,
  noun,
  remove,
  deleteRequest,
  listPath,
}: {
  target: DeletableTarget
  noun: TargetNoun
  remove: DeleteMutation
  deleteRequest: RequestInit_
  /** Where to go once it is gone. */
  listPath: string
}) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const { own, isPending } = useOwnApplications(scope, target.id, open)
  const count = target.servers.length
  return (
    <>
      <Button variant="danger" permission={canManage} onClick={() => setOpen(true)}>
        Delete {noun.short}…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) remove.reset()
        }}
        title={
          <>
            Delete {noun.full} <ApiText>{target.name}</ApiText>?
          </>
        }
        confirmLabel={`Delete ${noun.short}`}
        pending={remove.isPending}
        error={remove.error ?? undefined}
        requests={[deleteRequest]}
        onConfirm={() =>
          remove.mutate(
            { id: target.id, label: { name: target.name } },
            {
              onSuccess: () => {
                toast.success(apiMessage`Deleted ${noun.full} ${target.name}`)
                void navigate(listPath)
              },
            },
          )
        }
      >
        <p style={{ marginTop: 0 }}>
          Its {count} server{count === 1 ? '' : 's'} become individual servers again and stay
          registered.
        </p>
        {isPending ? (
          <p className="muted">Checking the {noun.short}’s applications…</p>
        ) : own.length > 0 ? (
          <p className="alert alert-warn">
            {own.length} application{own.length === 1 ? '' : 's'} deployed to this {noun.short} will
            be undeployed from its servers and removed with it:{' '}
            <ApiList names={own.map((a) => a.name)} />.
          </p>
        ) : (
          <p className="muted">No applications are deployed to this {noun.short}.</p>
        )}
      </ConfirmDialog>
    </>
  )
}

/** Deletes several server groups or clusters, one request each, with a result per target. */
export function BulkDeleteTargetsDialog<T extends DeletableTarget>({
  targets,
  noun,
  deleteRequest,
  remove,
  targetKey,
  open,
  onOpenChange,
  onDone,
}: {
  targets: readonly T[]
  noun: TargetNoun
  deleteRequest: (target: T) => RequestSpec<unknown>
  /** Sends the delete of one target, reading it back after a lost answer (`deleteCluster`...). */
  remove: (target: T, options: BulkActionOptions) => Promise<unknown>
  /** The query key of this kind of target, refreshed with servers and applications. */
  targetKey: readonly unknown[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (succeeded: ReadonlySet<string>) => void
}) {
  const { scope } = useConsole()
  const refresh = useRefreshAfterMembershipChange(scope)
  return (
    <BulkActionDialog
      items={targets}
      describe={(t) => ({ id: String(t.id), label: t.name })}
      requestFor={deleteRequest}
      run={remove}
      refresh={() => refresh(targetKey)}
      verb="Delete"
      pastVerb="Deleted"
      noun={noun.full}
      open={open}
      onOpenChange={onOpenChange}
      onDone={onDone}
    >
      <p style={{ marginTop: 0 }}>
        Each {noun.short} is deleted together with the applications deployed to it. Its servers
        become individual servers again and stay registered.
      </p>
    </BulkActionDialog>
  )
}
