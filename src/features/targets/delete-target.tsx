import { useState } from 'react'
import { ApiList, ApiText, apiMessage } from '../../components/api-text.tsx'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import {
  deleteTarget,
  deleteTargetRequest,
  targetKey,
  useDeleteTarget,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import {
  useOwnApplications,
  useRefreshAfterMembershipChange,
} from '../../api/runtime-manager/targets.ts'
import { paths } from '../../lib/paths.ts'
import { BulkActionDialog, type BulkDialogState } from '../../components/bulk-action-dialog.tsx'
import { Button } from '../../components/button.tsx'
import { MutationConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { nounOf, type TargetKindSpec } from './target-kind.ts'

/**
 * Deletes one server group or cluster from its page after a confirmation that names the
 * applications deleted with it, then goes back to the list.
 */
export function DeleteTargetButton<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
}: {
  kind: TargetKindSpec<T, B>
  target: T
}) {
  const { scope } = useConsole()
  const noun = nounOf(kind.kind)
  const remove = useDeleteTarget(scope, kind.api.resource)
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
      <MutationConfirmDialog
        open={open}
        mutation={remove}
        onClose={() => setOpen(false)}
        title={
          <>
            Delete {noun.full} <ApiText>{target.name}</ApiText>?
          </>
        }
        confirmLabel={`Delete ${noun.short}`}
        risk="irreversible"
        typeToConfirm={target.name}
        requests={[deleteTargetRequest(kind.api.resource, scope, target.id, { name: target.name })]}
        onConfirm={() =>
          remove.mutate(
            { id: target.id, label: { name: target.name } },
            {
              onSuccess: () => {
                toast.success(apiMessage`Deleted ${noun.full} ${target.name}`)
                void navigate(paths.targets(scope.envId, kind.kind))
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
      </MutationConfirmDialog>
    </>
  )
}

/** Deletes several server groups or clusters, one request each, with a result per target. */
export function BulkDeleteTargetsDialog<T extends TargetRecord, B extends { name: string }>({
  kind,
  targets,
  ...dialog
}: {
  kind: TargetKindSpec<T, B>
  targets: readonly T[]
} & BulkDialogState) {
  const { scope } = useConsole()
  const refresh = useRefreshAfterMembershipChange(scope)
  const { api } = kind
  const noun = nounOf(kind.kind)
  return (
    <BulkActionDialog
      items={targets}
      describe={(t) => ({ id: String(t.id), label: t.name })}
      requestFor={(t) => deleteTargetRequest(api.resource, scope, t.id, { name: t.name })}
      run={(t, options) => deleteTarget(api.resource, scope, t.id, { name: t.name }, options)}
      refresh={() => refresh(targetKey(scope, api.resource))}
      verb="Delete"
      pastVerb="Deleted"
      noun={noun.full}
      {...dialog}
    >
      <p style={{ marginTop: 0 }}>
        Each {noun.short} is deleted together with the applications deployed to it. Its servers
        become individual servers again and stay registered.
      </p>
    </BulkActionDialog>
  )
}
