import { CLUSTER } from './cluster-kind.tsx'
import { GROUP } from './group-kind.tsx'
import { TargetPage } from './target-page.tsx'
import { TargetsPage } from './targets-page.tsx'

// The route modules of both kinds: one list page and one target page, told which kind.

/** `/env/:envId/server-groups`. */
export function ServerGroupsPage() {
  return <TargetsPage kind={GROUP} />
}

/** `/env/:envId/server-groups/:groupId`. */
export function ServerGroupPage() {
  return <TargetPage kind={GROUP} param="groupId" />
}

/** `/env/:envId/clusters`. */
export function ClustersPage() {
  return <TargetsPage kind={CLUSTER} />
}

/** `/env/:envId/clusters/:clusterId`. */
export function ClusterPage() {
  return <TargetPage kind={CLUSTER} param="clusterId" />
}
