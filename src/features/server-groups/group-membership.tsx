import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
import {
  addGroupServerRequest,
  removeGroupServerRequest,
  useAddServerToGroup,
  useRemoveServerFromGroup,
} from '../../api/runtime-manager/server-groups.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { listText } from '../../lib/list-text.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { LoadedServerPicker } from '../../components/loaded-server-picker.tsx'
import { Modal } from '../../components/modal.tsx'
import { RemoveMemberButton } from '../../components/remove-member.tsx'
import { GROUP } from './delete-groups.tsx'

/**
 * Adds one server to a group: choose it (servers in a group or cluster are shown with the
 * reason they cannot join), read what will happen to applications, see the request, confirm.
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
  const add = useAddServerToGroup(scope)
  const [chosen, setChosen] = useState<number[]>([])
  const server = servers.data?.find((s) => s.id === chosen[0])
  const close = (next: boolean) => {
    if (!next) {
      setChosen([])
      add.reset()
    }
    onOpenChange(next)
  }
  const confirm = () => {
    if (!server) return
    add.mutate(
      { groupId: group.id, serverId: server.id },
      {
        onSuccess: () => {
          toast.success(
            `Added ${server.name} to ${group.name}` +
              (apps.own.length > 0
                ? `: deploying ${apps.own.length} application${apps.own.length === 1 ? '' : 's'} to it`
                : ''),
          )
          close(false)
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={`Add a server to ${group.name}`}
      wide
      locked={add.isPending}
      footer={
        <>
          <Button onClick={() => close(false)} disabled={add.isPending}>
            Cancel
          </Button>
          <Button
            variant="primary"
            busy={add.isPending}
            disabled={!server || membershipReason(server) !== null}
            onClick={confirm}
          >
            Add to group
          </Button>
        </>
      }
    >
      <LoadedServerPicker
        query={servers}
        legend="Server to add"
        mode="single"
        selected={chosen}
        onChange={setChosen}
        reasonFor={membershipReason}
        disabled={add.isPending}
      />
      {server && (
        <div className="alert alert-info">
          {apps.isPending ? (
            'Checking the group’s applications…'
          ) : apps.own.length > 0 ? (
            <>
              The group’s {apps.own.length} application{apps.own.length === 1 ? '' : 's'} will be
              deployed to {server.name}: {listText(apps.own.map((a) => a.name))}.
              {server.status !== 'RUNNING' &&
                ` ${server.name} is not running: its copies wait until it reconnects.`}
            </>
          ) : (
            `The group has no applications yet: nothing is deployed to ${server.name} now; later deployments to the group include it.`
          )}
        </div>
      )}
      {server && <CurlPreview request={addGroupServerRequest(scope, group.id, server.id)} />}
      {add.error && <ErrorPanel error={add.error} title="The server was not added" />}
    </Modal>
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
      variables={{ groupId: group.id, serverId: server.id }}
      removeRequest={removeGroupServerRequest(scope, group.id, server.id)}
    >
      {server.name} becomes an individual server. Later deployments to the group no longer reach it.
    </RemoveMemberButton>
  )
}
