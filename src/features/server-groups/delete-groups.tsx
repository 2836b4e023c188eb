import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import {
  deleteServerGroupRequest,
  serverGroupQueries,
  useDeleteServerGroup,
} from '../../api/runtime-manager/server-groups.ts'
import type { ServerGroup } from '../../api/runtime-manager/target-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { request } from '../../lib/request.ts'
import { listText } from '../../lib/list-text.ts'
import { paths } from '../../lib/paths.ts'
import { Button } from '../../components/button.tsx'
import { BulkResults } from '../../components/bulk-results.tsx'
import { runBulk, type BulkItemResult } from '../../components/bulk.ts'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { Modal } from '../../components/modal.tsx'

/** Deletes one group from its page, naming the applications that go with it. */
export function DeleteGroupButton({ group }: { group: ServerGroup }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const remove = useDeleteServerGroup(scope)
  const apps = useQuery({
    ...applicationQueries.list(scope, { targetId: group.id }),
    enabled: open,
  })
  const own = (apps.data ?? []).filter((a) => a.target.id === group.id)
  return (
    <>
      <Button variant="danger" permission={canManage} onClick={() => setOpen(true)}>
        Delete group…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) remove.reset()
        }}
        title={`Delete server group ${group.name}?`}
        confirmLabel="Delete group"
        pending={remove.isPending}
        error={remove.error ?? undefined}
        requests={[deleteServerGroupRequest(scope, group.id)]}
        onConfirm={() =>
          remove.mutate(group.id, {
            onSuccess: () => {
              toast.success(`Deleted server group ${group.name}`)
              void navigate(paths.serverGroups(scope.envId))
            },
          })
        }
      >
        <p style={{ marginTop: 0 }}>
          Its {group.servers.length} server{group.servers.length === 1 ? '' : 's'} become individual
          servers again and stay registered.
        </p>
        {apps.isPending ? (
          <p className="muted">Checking the group’s applications…</p>
        ) : own.length > 0 ? (
          <p className="alert alert-warn">
            {own.length} application{own.length === 1 ? '' : 's'} deployed to this group will be
            undeployed from its servers and removed with it: {listText(own.map((a) => a.name))}.
          </p>
        ) : (
          <p className="muted">No applications are deployed to this group.</p>
        )}
      </ConfirmDialog>
    </>
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
  const queryClient = useQueryClient()
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const bulk = useMutation({
    mutationFn: async (targets: readonly ServerGroup[]) => {
      const outcome = await runBulk(
        targets,
        (g) => ({ id: String(g.id), label: g.name }),
        (g) => request(deleteServerGroupRequest(scope, g.id)),
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: serverGroupQueries.all(scope) }),
        queryClient.invalidateQueries({ queryKey: serverQueries.all(scope) }),
        queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) }),
      ])
      return outcome
    },
    onSuccess: (outcome) => {
      setResults(outcome)
      const failed = outcome.filter((r) => !r.ok).length
      if (failed === 0)
        toast.success(`Deleted ${outcome.length} server group${outcome.length === 1 ? '' : 's'}`)
      else
        toast.error(
          `Deleted ${outcome.length - failed} of ${outcome.length} server groups; ${failed} failed`,
        )
      onDone(new Set(outcome.filter((r) => r.ok).map((r) => r.id)))
    },
  })
  const close = (next: boolean) => {
    if (!next) setResults(null)
    onOpenChange(next)
  }
  if (results) {
    return (
      <Modal
        open={open}
        onOpenChange={close}
        title="Delete server groups: results"
        footer={<Button onClick={() => close(false)}>Close</Button>}
      >
        <BulkResults results={results} verb="Delete" />
      </Modal>
    )
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={close}
      title={`Delete ${groups.length} server group${groups.length === 1 ? '' : 's'}?`}
      confirmLabel={`Delete ${groups.length}`}
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(groups)}
      requests={groups.map((g) => deleteServerGroupRequest(scope, g.id))}
    >
      <p style={{ marginTop: 0 }}>
        Each group is deleted together with the applications deployed to it. Its servers become
        individual servers again and stay registered.
      </p>
      <p className="muted">
        {groups
          .slice(0, 5)
          .map((g) => g.name)
          .join(', ')}
        {groups.length > 5 ? `, and ${groups.length - 5} more` : ''}
      </p>
    </ConfirmDialog>
  )
}
