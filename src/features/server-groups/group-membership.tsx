import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import {
  addGroupServerRequest,
  removeGroupServerRequest,
  useAddServerToGroup,
  useRemoveServerFromGroup,
} from '../../api/runtime-manager/server-groups.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { keptApplicationName, membershipReason } from '../../api/runtime-manager/target-rules.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { listText } from '../../lib/list-text.ts'
import { Button } from '../../components/button.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Modal } from '../../components/modal.tsx'
import { ServerPicker } from '../../components/server-picker.tsx'
import { LoadingState } from '../../components/states.tsx'

/** The group's own applications (the list also holds those on a member via another target). */
function useGroupApplications(group: ServerGroup, enabled: boolean) {
  const { scope } = useConsole()
  const apps = useQuery({ ...applicationQueries.list(scope, { targetId: group.id }), enabled })
  return { ...apps, own: (apps.data ?? []).filter((a) => a.target.id === group.id) }
}

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
  const apps = useGroupApplications(group, open)
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
      {servers.isPending ? (
        <LoadingState label="Loading servers…" />
      ) : servers.isError && !servers.data ? (
        <ErrorPanel
          error={servers.error}
          title="Could not load the servers"
          onRetry={() => void servers.refetch()}
          retrying={servers.isFetching}
        />
      ) : (
        <ServerPicker
          legend="Server to add"
          mode="single"
          servers={servers.data ?? []}
          selected={chosen}
          onChange={setChosen}
          reasonFor={membershipReason}
          disabled={add.isPending}
        />
      )}
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
  const canManage = usePermission('manageServers')
  const [open, setOpen] = useState(false)
  const apps = useGroupApplications(group, open)
  const remove = useRemoveServerFromGroup(scope)
  const permission: Permission = !canManage.allowed
    ? canManage
    : group.servers.length <= 1
      ? {
          allowed: false,
          reason: 'A server group needs at least one server: delete the group instead.',
        }
      : { allowed: true }
  const kept = apps.own.filter((a) => a.serverArtifacts?.some((c) => c.serverId === server.id))
  return (
    <>
      <Button
        size="small"
        permission={permission}
        aria-label={`Remove ${server.name} from the group`}
        onClick={() => setOpen(true)}
      >
        Remove…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) remove.reset()
        }}
        title={`Remove ${server.name} from ${group.name}?`}
        confirmLabel="Remove from group"
        pending={remove.isPending}
        error={remove.error ?? undefined}
        requests={[removeGroupServerRequest(scope, group.id, server.id)]}
        onConfirm={() =>
          remove.mutate(
            { groupId: group.id, serverId: server.id },
            {
              onSuccess: () => {
                toast.success(`Removed ${server.name} from ${group.name}`)
                setOpen(false)
              },
            },
          )
        }
      >
        <p style={{ marginTop: 0 }}>
          {server.name} becomes an individual server. Later deployments to the group no longer reach
          it.
        </p>
        {apps.isPending ? (
          <p className="muted">Checking the group’s applications…</p>
        ) : kept.length > 0 ? (
          <p className="alert alert-info">
            The server keeps the {kept.length} application{kept.length === 1 ? '' : 's'} it runs for
            the group, each as an application of its own on {server.name}:{' '}
            {listText(kept.map((a) => keptApplicationName(a.name, server.name)))}.
          </p>
        ) : (
          <p className="muted">It runs none of the group’s applications.</p>
        )}
      </ConfirmDialog>
    </>
  )
}
