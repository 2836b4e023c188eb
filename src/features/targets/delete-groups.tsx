import {
  serverGroupQueries,
  deleteServerGroup,
  deleteServerGroupRequest,
  useDeleteServerGroup,
} from '../../api/runtime-manager/server-groups.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { paths } from '../../lib/paths.ts'
import { useConsole } from '../../components/console-context.tsx'
import { BulkDeleteTargetsDialog, DeleteTargetButton, type TargetNoun } from './delete-target.tsx'

/** How the console names a server group. */
export const GROUP: TargetNoun = { full: 'server group', short: 'group' }

/** Deletes one group from its page, naming the applications that go with it. */
export function DeleteGroupButton({ group }: { group: ServerGroup }) {
  const { scope } = useConsole()
  const remove = useDeleteServerGroup(scope)
  return (
    <DeleteTargetButton
      target={group}
      noun={GROUP}
      remove={remove}
      deleteRequest={deleteServerGroupRequest(scope, group.id, { name: group.name })}
      listPath={paths.serverGroups(scope.envId)}
    />
  )
}

/** Deletes several groups, one request each, with a result per group. */
export function BulkDeleteGroupsDialog({
  groups,
  open,
  onOpenChange,
  onDone,
}: {
  groups: readonly ServerGroup[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (succeeded: ReadonlySet<string>) => void
}) {
  const { scope } = useConsole()
  return (
    <BulkDeleteTargetsDialog
      targets={groups}
      noun={GROUP}
      deleteRequest={(g) => deleteServerGroupRequest(scope, g.id, { name: g.name })}
      remove={(g, options) => deleteServerGroup(scope, g.id, { name: g.name }, options)}
      targetKey={serverGroupQueries.all(scope)}
      open={open}
      onOpenChange={onOpenChange}
      onDone={onDone}
    />
  )
}
