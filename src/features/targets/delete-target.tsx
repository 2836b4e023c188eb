import { ApiList } from '../../components/api-text.tsx'
import { useNavigate } from 'react-router'
import {
  deleteTarget,
  deleteTargetRequest,
  targetKey,
  useDeleteTarget,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import { useRefreshAfterMembershipChange } from '../../api/runtime-manager/targets.ts'
import { paths } from '../../lib/paths.ts'
import { BulkActionDialog, type BulkDialogState } from '../../components/bulk-action-dialog.tsx'
import { confirmTitle, MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { OwnApplicationsNote } from './own-applications-note.tsx'
import { nounOf, type TargetKindSpec } from './target-kind.ts'
import { toastOutcome } from '../../components/outcome-message.tsx'

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
  const count = target.servers.length
  return (
    <MutationConfirmButton
      trigger={{ variant: 'danger', permission: canManage, children: `Delete ${noun.short}…` }}
      mutation={remove}
      title={confirmTitle(`Delete ${noun.full}`, target.name)}
      confirmLabel={`Delete ${noun.short}`}
      risk="irreversible"
      typeToConfirm={target.name}
      requests={[deleteTargetRequest(kind.api.resource, scope, target.id, { name: target.name })]}
      variables={{ id: target.id, label: { name: target.name } }}
      onSuccess={() => {
        toastOutcome(
          { verb: 'delete', past: 'Deleted' },
          { kind: noun.full, name: target.name },
          { kind: 'succeeded' },
        )
        void navigate(paths.targets(scope.envId, kind.kind))
      }}
    >
      <p style={{ marginTop: 0 }}>
        Its {count} server{count === 1 ? '' : 's'} become individual servers again and stay
        registered.
      </p>
      <OwnApplicationsNote
        targetId={target.id}
        short={noun.short}
        renderApps={(own) => (
          <p className="alert alert-warn">
            {own.length} application{own.length === 1 ? '' : 's'} deployed to this {noun.short} will
            be undeployed from its servers and removed with it:{' '}
            <ApiList names={own.map((a) => a.name)} />.
          </p>
        )}
        none={`No applications are deployed to this ${noun.short}.`}
      />
    </MutationConfirmButton>
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
