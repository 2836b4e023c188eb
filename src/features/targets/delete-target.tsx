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
import type { BulkDialogState } from '../../components/bulk-action-dialog.tsx'
import { BulkRemoveDialog } from '../../components/bulk-remove-dialog.tsx'
import { MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { OwnApplicationsNote } from './own-applications-note.tsx'
import { wordsOf, type TargetKindSpec, type TargetProps } from './target-kind.ts'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { Msg, useT, ApiList } from '../../components/i18n.tsx'

/**
 * Deletes one server group or cluster from its page after a confirmation that names the
 * applications deleted with it, then goes back to the list.
 */
export function DeleteTargetButton<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
}: TargetProps<T, B>) {
  const { scope } = useConsole()
  const t = useT()
  const words = wordsOf(kind.kind)
  const remove = useDeleteTarget(scope, kind.api.resource)
  const canManage = usePermission('manageServers')
  const navigate = useNavigate()
  const count = target.servers.length
  return (
    <MutationConfirmButton
      trigger={{ variant: 'danger', permission: canManage, children: t(words.deleteTrigger) }}
      mutation={remove}
      title={<Msg id={words.deleteTitle} values={{ name: target.name }} />}
      confirmLabel={t(words.deleteConfirm)}
      risk="irreversible"
      typeToConfirm={target.name}
      requests={[deleteTargetRequest(kind.api.resource, scope, target.id, { name: target.name })]}
      variables={{ id: target.id, label: { name: target.name } }}
      onSuccess={() => {
        toastSucceeded(words.deleted, { name: target.name })
        void navigate(paths.targets(scope.envId, kind.kind))
      }}
    >
      <p style={{ marginTop: 0 }}>{t('targets.delete.serversStay', { count })}</p>
      <OwnApplicationsNote
        targetId={target.id}
        checking={t(words.checkingApps)}
        renderApps={(own) => (
          <p className="alert alert-warn">
            <Msg
              id={words.deleteApps}
              values={{ count: own.length, names: <ApiList names={own.map((a) => a.name)} /> }}
            />
          </p>
        )}
        none={t(words.deleteNone)}
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
  const t = useT()
  const refresh = useRefreshAfterMembershipChange(scope)
  const { api } = kind
  const words = wordsOf(kind.kind)
  return (
    <BulkRemoveDialog
      items={targets}
      explain={t(words.bulkDeleteBody)}
      describe={(one) => ({ id: String(one.id), label: one.name })}
      requestFor={(one) => deleteTargetRequest(api.resource, scope, one.id, { name: one.name })}
      run={(one, options) => deleteTarget(api.resource, scope, one.id, { name: one.name }, options)}
      refresh={() => refresh(targetKey(scope, api.resource))}
      messages={{
        confirmTitle: words.bulkDeleteTitle,
        confirmLabel: 'targets.delete.bulkConfirm',
        typeToConfirm: 'targets.delete.typed',
        resultsTitle: words.bulkDeleteResults,
        summary: { all: 'targets.delete.summaryAll', some: 'targets.delete.summarySome' },
        succeeded: words.bulkDeleted,
      }}
      {...dialog}
    />
  )
}
