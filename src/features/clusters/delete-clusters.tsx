import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { applicationQueries } from '../../api/runtime-manager/applications.ts'
import {
  clusterQueries,
  deleteClusterRequest,
  useDeleteCluster,
} from '../../api/runtime-manager/clusters.ts'
import type { Cluster } from '../../api/runtime-manager/target-schemas.ts'
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

/** Deletes one cluster from its page, naming the applications that go with it. */
export function DeleteClusterButton({ cluster }: { cluster: Cluster }) {
  const { scope } = useConsole()
  const canManage = usePermission('manageServers')
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const remove = useDeleteCluster(scope)
  const apps = useQuery({
    ...applicationQueries.list(scope, { targetId: cluster.id }),
    enabled: open,
  })
  const own = (apps.data ?? []).filter((a) => a.target.id === cluster.id)
  return (
    <>
      <Button variant="danger" permission={canManage} onClick={() => setOpen(true)}>
        Delete cluster…
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) remove.reset()
        }}
        title={`Delete cluster ${cluster.name}?`}
        confirmLabel="Delete cluster"
        pending={remove.isPending}
        error={remove.error ?? undefined}
        requests={[deleteClusterRequest(scope, cluster.id)]}
        onConfirm={() =>
          remove.mutate(cluster.id, {
            onSuccess: () => {
              toast.success(`Deleted cluster ${cluster.name}`)
              void navigate(paths.clusters(scope.envId))
            },
          })
        }
      >
        <p style={{ marginTop: 0 }}>
          Its {cluster.servers.length} server{cluster.servers.length === 1 ? '' : 's'} become
          individual servers again and stay registered.
        </p>
        {apps.isPending ? (
          <p className="muted">Checking the cluster’s applications…</p>
        ) : own.length > 0 ? (
          <p className="alert alert-warn">
            {own.length} application{own.length === 1 ? '' : 's'} deployed to this cluster will be
            undeployed from its servers and removed with it: {listText(own.map((a) => a.name))}.
          </p>
        ) : (
          <p className="muted">No applications are deployed to this cluster.</p>
        )}
      </ConfirmDialog>
    </>
  )
}

/** Deletes several clusters, one request each, with a result per cluster. */
export function BulkDeleteClustersDialog({
  clusters,
  open,
  onOpenChange,
  onDone,
}: {
  clusters: readonly Cluster[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onDone: (succeeded: ReadonlySet<string>) => void
}) {
  const { scope } = useConsole()
  const queryClient = useQueryClient()
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const bulk = useMutation({
    mutationFn: async (targets: readonly Cluster[]) => {
      const outcome = await runBulk(
        targets,
        (c) => ({ id: String(c.id), label: c.name }),
        (c) => request(deleteClusterRequest(scope, c.id)),
      )
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: clusterQueries.all(scope) }),
        queryClient.invalidateQueries({ queryKey: serverQueries.all(scope) }),
        queryClient.invalidateQueries({ queryKey: applicationQueries.all(scope) }),
      ])
      return outcome
    },
    onSuccess: (outcome) => {
      setResults(outcome)
      const failed = outcome.filter((r) => !r.ok).length
      if (failed === 0)
        toast.success(`Deleted ${outcome.length} cluster${outcome.length === 1 ? '' : 's'}`)
      else
        toast.error(
          `Deleted ${outcome.length - failed} of ${outcome.length} clusters; ${failed} failed`,
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
        title="Delete clusters: results"
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
      title={`Delete ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}?`}
      confirmLabel={`Delete ${clusters.length}`}
      pending={bulk.isPending}
      error={bulk.error ?? undefined}
      onConfirm={() => bulk.mutate(clusters)}
      requests={clusters.map((c) => deleteClusterRequest(scope, c.id))}
    >
      <p style={{ marginTop: 0 }}>
        Each cluster is deleted together with the applications deployed to it. Its servers become
        individual servers again and stay registered.
      </p>
      <p className="muted">
        {clusters
          .slice(0, 5)
          .map((c) => c.name)
          .join(', ')}
        {clusters.length > 5 ? `, and ${clusters.length - 5} more` : ''}
      </p>
    </ConfirmDialog>
  )
}
