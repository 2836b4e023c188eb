import { useQuery } from '@tanstack/react-query'
import { ApiList, ApiText } from '../../components/api-text.tsx'
import { useState } from 'react'
import {
  addGroupServerRequest,
  removeGroupServerRequest,
  serverGroupQueries,
  useRemoveServerFromGroup,
  verifyGroupMember,
} from '../../api/runtime-manager/server-groups.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import {
  useOwnApplications,
  useRefreshAfterMembershipChange,
} from '../../api/runtime-manager/targets.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { listText } from '../../lib/list-text.ts'
import { useConsole } from '../../components/console-context.tsx'
import {
  BulkRemoveMembersButton,
  AddMembersModal,
  useBulkMembership,
  type MemberChange,
  type useMemberSelection,
} from './bulk-membership.tsx'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { RemoveMemberButton } from './remove-member.tsx'
import { GROUP } from './delete-groups.tsx'

/**
 * Adds servers to a group: choose one or several (servers in a group or cluster are shown
 * with the reason they cannot join), read what will happen to applications, see every
 * request, confirm. One request per server, one at a time, then a result per server (a
 * single server that joins just closes the dialog with a toast).
 */
export function AddGroupServerDialog({
  group,
  open,
  onOpenChange,
}: {
  group: ServerGroup
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const servers = useQuery(serverQueries.list(scope))
  const apps = useOwnApplications(scope, group.id, open)
  const refresh = useRefreshAfterMembershipChange(scope)
  const membership = useBulkMembership({
    refresh: () => refresh(serverGroupQueries.all(scope)),
    pastVerb: 'Added',
    preposition: 'to',
    targetName: group.name,
  })
  const [chosen, setChosen] = useState<number[]>([])
  const byId = new Map((servers.data?.items ?? []).map((s) => [s.id, s]))
  const picked = chosen.flatMap((id) => byId.get(id) ?? [])
  // The picker disables them, but a server can join another group while the dialog is open.
  const blocked = picked.filter((s) => membershipReason(s) !== null)
  const away = picked.filter((s) => s.status !== 'RUNNING')
  const changes: MemberChange[] = picked.map((s) => ({
    serverId: s.id,
    label: s.name,
    request: addGroupServerRequest(scope, group.id, s.id, { name: group.name, on: s.name }),
    verify: verifyGroupMember(scope, group.id, s.id, true),
  }))
  const n = picked.length
  const close = (next: boolean) => {
    if (!next) {
      setChosen([])
      membership.reset()
    }
    onOpenChange(next)
  }

  return (
    <AddMembersModal
      noun={GROUP}
      targetName={group.name}
      open={open}
      onOpenChange={close}
      membership={membership}
      changes={changes}
      canSend={n > 0 && blocked.length === 0}
    >
      <LoadedServerPicker
        query={servers}
        legend="Servers to add"
        selected={chosen}
        onChange={setChosen}
        reasonFor={membershipReason}
        error={
          blocked.length > 0
            ? `${listText(blocked.map((s) => s.name))} cannot join any more: unselect ${blocked.length === 1 ? 'it' : 'them'}.`
            : undefined
        }
        disabled={membership.bulk.isPending}
      />
      {n > 0 && (
        <div className="alert alert-info">
          {apps.isPending ? (
            'Checking the group’s applications…'
          ) : apps.own.length > 0 ? (
            <>
              The group’s {apps.own.length} application{apps.own.length === 1 ? '' : 's'} will be
              deployed to {picked.length > 1 ? 'each of ' : ''}
              <ApiList names={picked.map((s) => s.name)} />:{' '}
              <ApiList names={apps.own.map((a) => a.name)} />.
              {away.length > 0 &&
                ` ${listText(away.map((s) => s.name))} ${away.length === 1 ? 'is' : 'are'} not running: ${away.length === 1 ? 'its' : 'their'} copies wait until ${away.length === 1 ? 'it reconnects' : 'they reconnect'}.`}
            </>
          ) : (
            `The group has no applications yet: nothing is deployed to ${listText(picked.map((s) => s.name))} now; later deployments to the group include ${n === 1 ? 'it' : 'them'}.`
          )}
        </div>
      )}
    </AddMembersModal>
  )
}

/** Removes one member after confirmation; the server keeps its applications as its own. */
export function RemoveGroupServerButton({ group, server }: { group: ServerGroup; server: Server }) {
  const { scope } = useConsole()
  const remove = useRemoveServerFromGroup(scope)
  return (
    <RemoveMemberButton
      target={group}
      server={server}
      noun={GROUP}
      remove={remove}
      variables={{
        targetId: group.id,
        serverId: server.id,
        label: { name: group.name, on: server.name },
      }}
      removeRequest={removeGroupServerRequest(scope, group.id, server.id, {
        name: group.name,
        on: server.name,
      })}
    >
      <ApiText>{server.name}</ApiText> becomes an individual server. Later deployments to the group
      no longer reach it.
    </RemoveMemberButton>
  )
}

/** Removes the selected members, one request each; each keeps its applications as its own. */
export function BulkRemoveGroupServersButton({
  group,
  selection,
}: {
  group: ServerGroup
  selection: ReturnType<typeof useMemberSelection>
}) {
  const { scope } = useConsole()
  const refresh = useRefreshAfterMembershipChange(scope)
  return (
    <BulkRemoveMembersButton
      target={group}
      selected={selection.selected}
      noun={GROUP}
      removeRequest={(serverId) =>
        removeGroupServerRequest(scope, group.id, serverId, {
          name: group.name,
          on: selection.selected.find((s) => s.id === serverId)?.name,
        })
      }
      verifyRemoved={(serverId) => verifyGroupMember(scope, group.id, serverId, false)}
      refresh={() => refresh(serverGroupQueries.all(scope))}
      onDone={selection.drop}
    />
  )
}
