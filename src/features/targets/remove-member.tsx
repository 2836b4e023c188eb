import { ApiList, ApiText } from '../../components/api-text.tsx'
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
import { nounOf, type TargetKindSpec } from './target-kind.ts'
import { toastOutcome } from '../../components/outcome-message.tsx'

/**
 * Removes one server from a server group or cluster after a confirmation that names the
 * applications the server keeps as its own. Disabled for the last member: the target
 * needs one, so the operator deletes it instead.
 */
export function RemoveMemberButton<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
  server,
}: {
  kind: TargetKindSpec<T, B>
  target: T
  server: Server
}) {
  const { scope } = useConsole()
  const noun = nounOf(kind.kind)
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
      ? {
          allowed: false,
          reason: `A ${noun.full} needs at least one server: delete the ${noun.short} instead.`,
        }
      : { allowed: true }
  return (
    <MutationConfirmButton
      trigger={{
        size: 'small',
        permission,
        'aria-label': `Remove ${server.name} from the ${noun.short}`,
        children: 'Remove…',
      }}
      mutation={remove}
      title={
        <>
          Remove <ApiText>{server.name}</ApiText> from <ApiText>{target.name}</ApiText>?
        </>
      }
      confirmLabel={`Remove from ${noun.short}`}
      risk="availability"
      requests={[removeRequest]}
      variables={variables}
      onSuccess={(_, close) => {
        toastOutcome(
          { verb: 'remove', past: 'Removed' },
          { name: server.name, relation: { word: 'from', name: target.name } },
          { kind: 'succeeded' },
        )
        close()
      }}
    >
      <p style={{ marginTop: 0 }}>{children}</p>
      <OwnApplicationsNote
        targetId={target.id}
        short={noun.short}
        pick={(own) => own.filter((a) => a.serverArtifacts?.some((c) => c.serverId === server.id))}
        renderApps={(kept) => (
          <p className="alert alert-info">
            The server keeps the {kept.length} application{kept.length === 1 ? '' : 's'} it runs for
            the {noun.short}, each as an application of its own on <ApiText>{server.name}</ApiText>:{' '}
            <ApiList names={kept.map((a) => keptApplicationName(a.name, server.name))} />.
          </p>
        )}
        none={`It runs none of the ${noun.short}’s applications.`}
      />
    </MutationConfirmButton>
  )
}
