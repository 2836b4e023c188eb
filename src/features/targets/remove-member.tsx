import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { keptApplicationName } from '../../api/runtime-manager/target-rules.ts'
import {
  removeTargetServerRequest,
  useRemoveTargetServer,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import { MutationConfirmButton } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { OwnApplicationsNote } from './own-applications-note.tsx'
import { wordsOf, type TargetProps } from './target-kind.ts'
import { toastSucceeded } from '../../components/outcome-message.tsx'
import { Msg, useT, ApiList } from '../../components/i18n.tsx'

/**
 * Removes one server from a server group or cluster after a confirmation that names the
 * applications the server keeps as its own. Disabled for the last member: the target
 * needs one, so the operator deletes it instead.
 */
export function RemoveMemberButton<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
  server,
}: TargetProps<T, B> & {
  server: Server
}) {
  const { scope } = useConsole()
  const t = useT()
  const words = wordsOf(kind.kind)
  const remove = useRemoveTargetServer(scope, kind.api.resource)
  const label = { name: target.name, on: server.name }
  const variables = { targetId: target.id, serverId: server.id, label }
  const removeRequest = removeTargetServerRequest(
    kind.api.resource,
    scope,
    target.id,
    server.id,
    label,
  )
  // What happens to the server itself, first in the confirmation.
  const children = kind.page.removeNote(target, server)
  const canManage = usePermission('manageServers')
  const permission: Permission = !canManage.allowed
    ? canManage
    : target.servers.length <= 1
      ? { allowed: false, reason: t(words.removeLast) }
      : { allowed: true }
  return (
    <MutationConfirmButton
      trigger={{
        size: 'small',
        permission,
        'aria-label': t(words.removeAria, { server: server.name }),
        children: t('targets.remove.trigger'),
      }}
      mutation={remove}
      title={
        <Msg id="targets.remove.title" values={{ server: server.name, target: target.name }} />
      }
      confirmLabel={t(words.removeConfirm)}
      risk="availability"
      requests={[removeRequest]}
      variables={variables}
      onSuccess={(_, close) => {
        toastSucceeded('targets.remove.succeeded', { name: server.name, target: target.name })
        close()
      }}
    >
      <p style={{ marginTop: 0 }}>{children}</p>
      <OwnApplicationsNote
        targetId={target.id}
        checking={t(words.checkingApps)}
        pick={(own) => own.filter((a) => a.serverArtifacts?.some((c) => c.serverId === server.id))}
        renderApps={(kept) => (
          <p className="alert alert-info">
            <Msg
              id={words.removeKeeps}
              values={{
                count: kept.length,
                server: server.name,
                names: (
                  <ApiList names={kept.map((a) => keptApplicationName(a.name, server.name))} />
                ),
              }}
            />
          </p>
        )}
        none={t(words.removeNone)}
      />
    </MutationConfirmButton>
  )
}
