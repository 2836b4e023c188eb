import {
  clusterQueries,
  deleteCluster,
  deleteClusterRequest,
  useDeleteCluster,
} from '../../api/runtime-manager/clusters.ts'
import type { Cluster } from '../../api/runtime-manager/target-schemas.ts'
import { paths } from '../../lib/paths.ts'
import { useConsole } from '../../components/console-context.tsx'
import { BulkDeleteTargetsDialog, DeleteTargetButton, type TargetNoun } from './delete-target.tsx'

/** How the console names a cluster. */
export const CLUSTER: TargetNoun = { full: 'cluster', short: 'cluster' }

/** Deletes one cluster from its page, naming the applications that go with it. */
export function DeleteClusterButton({ cluster }: { cluster: Cluster }) {
  const { scope } = useConsole()
  const remove = useDeleteCluster(scope)
  return (
    <DeleteTargetButton
      target={cluster}
      noun={CLUSTER}
      remove={remove}
      deleteRequest={deleteClusterRequest(scope, cluster.id, { name: cluster.name })}
      listPath={paths.clusters(scope.envId)}
    />
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
  return (
    <BulkDeleteTargetsDialog
      targets={clusters}
      noun={CLUSTER}
      deleteRequest={(c) => deleteClusterRequest(scope, c.id, { name: c.name })}
      remove={(c, options) => deleteCluster(scope, c.id, { name: c.name }, options)}
      targetKey={clusterQueries.all(scope)}
      open={open}
      onOpenChange={onOpenChange}
      onDone={onDone}
    />
  )
}
