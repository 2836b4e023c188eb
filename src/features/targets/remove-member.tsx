import { useState } from 'react'
import { ApiList, ApiText, apiMessage } from '../../components/api-text.tsx'
import { toast } from 'sonner'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { keptApplicationName } from '../../api/runtime-manager/target-rules.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import {
  removeTargetServerRequest,
  useRemoveTargetServer,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import { Button } from '../../components/button.tsx'
import { MutationConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { nounOf, type TargetKindSpec } from './target-kind.ts'

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
  const [open, setOpen] = useState(false)
  const apps = useOwnApplications(scope, target.id, open)
  const permission: Permission = !canManage.allowed
    ? canManage
    : target.servers.length <= 1
      ? {
          allowed: false,
          reason: `A ${noun.full} needs at least one server: delete the ${noun.short} instead.`,
        }
      : { allowed: true }
  const kept = apps.own.filter((a) => a.serverArtifacts?.some((c) => c.serverId === server.id))
  return (
    <>
      <Button
        size="small"
        permission={permission}
        aria-label={`Remove ${server.name} from the ${noun.short}`}
        onClick={() => setOpen(true)}
      >
        Remove…
      </Button>
      <MutationConfirmDialog
        open={open}
        mutation={remove}
        onClose={() => setOpen(false)}
        title={
          <>
            Remove <ApiText>{server.name}</ApiText> from <ApiText>{target.name}</ApiText>?
          </>
        }
        confirmLabel={`Remove from ${noun.short}`}
        risk="availability"
        requests={[removeRequest]}
        onConfirm={() =>
          remove.mutate(variables, {
            onSuccess: () => {
              toast.success(apiMessage`Removed ${server.name} from ${target.name}`)
              setOpen(false)
            },
          })
        }
      >
        <p style={{ marginTop: 0 }}>{children}</p>
        {apps.isPending ? (
          <p className="muted">Checking the {noun.short}’s applications…</p>
        ) : kept.length > 0 ? (
          <p className="alert alert-info">
            The server keeps the {kept.length} application{kept.length === 1 ? '' : 's'} it runs for
            the {noun.short}, each as an application of its own on <ApiText>{server.name}</ApiText>:{' '}
            <ApiList names={kept.map((a) => keptApplicationName(a.name, server.name))} />.
          </p>
        ) : (
          <p className="muted">It runs none of the {noun.short}’s applications.</p>
        )}
      </MutationConfirmDialog>
    </>
  )
}
