import { useQuery } from '@tanstack/react-query'
import { apiMessage, ApiText } from '../../components/api-text.tsx'
import { useState } from 'react'
import {
  addClusterServerRequest,
  clusterQueries,
  removeClusterServerRequest,
  useRemoveServerFromCluster,
  verifyClusterMember,
} from '../../api/runtime-manager/clusters.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import {
  useOwnApplications,
  useRefreshAfterMembershipChange,
} from '../../api/runtime-manager/targets.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
import { listText } from '../../lib/list-text.ts'
import { useConsole, type Permission } from '../../components/console-context.tsx'
import {
  BulkRemoveMembersButton,
  AddMembersModal,
  useBulkMembership,
  type MemberChange,
  type useMemberSelection,
} from './bulk-membership.tsx'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { RemoveMemberButton } from './remove-member.tsx'
import { CLUSTER } from './delete-clusters.tsx'
import { memberBody, type ClusterMemberValue } from './create-cluster-form-model.ts'
import { roomIn, validateAddMembers, type AddMembersErrors } from './add-cluster-members-model.ts'
import { MemberIpInput } from './create-cluster-dialog.tsx'

/** Whether the cluster can take another member, and why not. */
export function addPermission(cluster: Cluster, canManage: Permission): Permission {
  if (!canManage.allowed) return canManage
  if (cluster.servers.length >= MAX_CLUSTER_SERVERS)
    return {
      allowed: false,
      reason: `The cluster has ${MAX_CLUSTER_SERVERS} servers, the most a cluster can hold.`,
    }
  return { allowed: true }
}

/**
 * Adds servers to a cluster, each with its clustering IP (required for unicast). The
 * picker stops at the room the cluster has left (8 servers at most) and says why; every
 * IP is checked before anything is sent. One request per server, one at a time, then a
 * result per server (a single server that joins just closes the dialog with a toast).
 */
export function AddClusterServerDialog({
  cluster,
  open,
  onOpenChange,
}: {
  cluster: Cluster
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const servers = useQuery(serverQueries.list(scope))
  const apps = useOwnApplications(scope, cluster.id, open)
  const refresh = useRefreshAfterMembershipChange(scope)
  const membership = useBulkMembership({
    refresh: () => refresh(clusterQueries.all(scope)),
    pastVerb: 'Added',
    preposition: 'to',
    targetName: cluster.name,
  })
  const [members, setMembers] = useState<ClusterMemberValue[]>([])
  const [errors, setErrors] = useState<AddMembersErrors>({})
  const multicast = cluster.multicastEnabled === true
  const byId = new Map((servers.data?.items ?? []).map((s) => [s.id, s]))
  const picked = members.flatMap((m) => byId.get(m.serverId) ?? [])
  const room = roomIn(cluster)
  const limit = {
    max: room,
    reason: `The cluster has ${cluster.servers.length} of ${MAX_CLUSTER_SERVERS} servers, so ${room} more at most: unselect one to choose this one.`,
  }
  const changes: MemberChange[] = members.map((m) => ({
    serverId: m.serverId,
    label: byId.get(m.serverId)?.name ?? `Server ${m.serverId}`,
    request: addClusterServerRequest(scope, cluster.id, memberBody(m), {
      name: cluster.name,
      on: byId.get(m.serverId)?.name,
    }),
    verify: verifyClusterMember(scope, cluster.id, m.serverId, true),
  }))
  const n = members.length
  const close = (next: boolean) => {
    if (!next) {
      setMembers([])
      setErrors({})
      membership.reset()
    }
    onOpenChange(next)
  }
  const choose = (ids: number[]) => {
    setErrors({})
    setMembers((prev) =>
      ids.map(
        (serverId): ClusterMemberValue =>
          prev.find((m) => m.serverId === serverId) ?? { serverId, ip: '' },
      ),
    )
  }
  const setIp = (serverId: number, ip: string) =>
    setMembers((prev) => prev.map((m) => (m.serverId === serverId ? { ...m, ip } : m)))
  const check = () => {
    const checked = validateAddMembers(cluster, members, servers.data?.items ?? [])
    setErrors(checked.ok ? {} : checked.errors)
    return checked.ok
  }
  const pending = membership.bulk.isPending

  return (
    <AddMembersModal
      noun={CLUSTER}
      targetName={cluster.name}
      description={`${multicast ? 'Multicast' : 'Unicast'} cluster · ${cluster.servers.length} of ${MAX_CLUSTER_SERVERS} servers`}
      open={open}
      onOpenChange={close}
      membership={membership}
      changes={changes}
      canSend={n > 0}
      check={check}
    >
      <LoadedServerPicker
        query={servers}
        legend="Servers to add"
        selected={members.map((m) => m.serverId)}
        onChange={choose}
        reasonFor={membershipReason}
        limit={limit}
        error={errors.servers}
        disabled={pending}
      />
      {n > 0 && (
        <div className="members-grid">
          {members.map((m) => (
            <MemberIpInput
              key={m.serverId}
              member={m}
              server={byId.get(m.serverId)}
              error={errors.ips?.[m.serverId]}
              disabled={pending}
              onChange={(ip) => setIp(m.serverId, ip)}
            />
          ))}
        </div>
      )}
      {n > 0 && (
        <div className="alert alert-info">
          {apps.isPending
            ? 'Checking the cluster’s applications…'
            : apps.own.length > 0
              ? `The cluster’s ${apps.own.length} application${apps.own.length === 1 ? '' : 's'} will be deployed to ${picked.length > 1 ? 'each of ' : ''}${listText(picked.map((s) => s.name))}: ${listText(apps.own.map((a) => a.name))}.`
              : `The cluster has no applications yet: nothing is deployed to ${listText(picked.map((s) => s.name))} now.`}
        </div>
      )}
    </AddMembersModal>
  )
}

/** Removes one node after confirmation; it keeps its applications as its own. */
export function RemoveClusterServerButton({
  cluster,
  server,
}: {
  cluster: Cluster
  server: Server
}) {
  const { scope } = useConsole()
  const remove = useRemoveServerFromCluster(scope)
  const primary = cluster.primaryNodeId === server.id
  return (
    <RemoveMemberButton
      target={cluster}
      server={server}
      noun={CLUSTER}
      remove={remove}
      variables={{
        targetId: cluster.id,
        serverId: server.id,
        label: { name: cluster.name, on: server.name },
      }}
      removeRequest={removeClusterServerRequest(scope, cluster.id, server.id, {
        name: cluster.name,
        on: server.name,
      })}
    >
      <ApiText>{server.name}</ApiText> leaves the cluster and becomes an individual server.
      {primary && ' It is the primary node: another running member takes that role.'}
    </RemoveMemberButton>
  )
}

/** Removes the selected nodes, one request each; each keeps its applications as its own. */
export function BulkRemoveClusterServersButton({
  cluster,
  selection,
}: {
  cluster: Cluster
  selection: ReturnType<typeof useMemberSelection>
}) {
  const { scope } = useConsole()
  const refresh = useRefreshAfterMembershipChange(scope)
  const primary = selection.selected.find((s) => s.id === cluster.primaryNodeId)
  return (
    <BulkRemoveMembersButton
      target={cluster}
      selected={selection.selected}
      noun={CLUSTER}
      removeRequest={(serverId) =>
        removeClusterServerRequest(scope, cluster.id, serverId, {
          name: cluster.name,
          on: selection.selected.find((s) => s.id === serverId)?.name,
        })
      }
      verifyRemoved={(serverId) => verifyClusterMember(scope, cluster.id, serverId, false)}
      refresh={() => refresh(clusterQueries.all(scope))}
      onDone={selection.drop}
      extra={
        primary
          ? apiMessage`${primary.name} is the primary node: another running member takes that role.`
          : undefined
      }
    />
  )
}
