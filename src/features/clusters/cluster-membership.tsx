import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { toast } from 'sonner'
import {
  addClusterServerRequest,
  removeClusterServerRequest,
  useAddServerToCluster,
  useRemoveServerFromCluster,
} from '../../api/runtime-manager/clusters.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS, type Cluster } from '../../api/runtime-manager/target-schemas.ts'
import { listText } from '../../lib/list-text.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, type Permission } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { LoadedServerPicker } from '../../components/loaded-server-picker.tsx'
import { Modal } from '../../components/modal.tsx'
import { RemoveMemberButton } from '../../components/remove-member.tsx'
import { CLUSTER } from './delete-clusters.tsx'
import { memberBody, memberIpProblem } from './create-cluster-form-model.ts'
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
 * Adds a server to a cluster with its clustering IP (required for unicast), showing what
 * happens to applications and the exact request before it is sent.
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
  const add = useAddServerToCluster(scope)
  const [chosen, setChosen] = useState<number[]>([])
  const [ip, setIp] = useState('')
  const [shownError, setShownError] = useState<string | undefined>()
  const multicast = cluster.multicastEnabled === true
  const server = servers.data?.find((s) => s.id === chosen[0])
  const member = server ? { serverId: server.id, ip } : null
  const close = (next: boolean) => {
    if (!next) {
      setChosen([])
      setIp('')
      setShownError(undefined)
      add.reset()
    }
    onOpenChange(next)
  }
  const confirm = () => {
    if (!server || !member) return
    const problem = memberIpProblem(ip, multicast)
    setShownError(problem ?? undefined)
    if (problem) return
    add.mutate(
      { clusterId: cluster.id, member: memberBody(member) },
      {
        onSuccess: () => {
          toast.success(`Added ${server.name} to ${cluster.name}`)
          close(false)
        },
      },
    )
  }

  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={`Add a server to ${cluster.name}`}
      description={`${multicast ? 'Multicast' : 'Unicast'} cluster · ${cluster.servers.length} of ${MAX_CLUSTER_SERVERS} servers`}
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
            Add to cluster
          </Button>
        </>
      }
    >
      <LoadedServerPicker
        query={servers}
        legend="Server to add"
        mode="single"
        selected={chosen}
        onChange={(next) => {
          setChosen(next)
          setShownError(undefined)
        }}
        reasonFor={membershipReason}
        disabled={add.isPending}
      />
      {server && member && (
        <div className="members-grid">
          <MemberIpInput
            member={member}
            server={server}
            error={shownError}
            disabled={add.isPending}
            onChange={setIp}
          />
        </div>
      )}
      {server && (
        <div className="alert alert-info">
          {apps.isPending
            ? 'Checking the cluster’s applications…'
            : apps.own.length > 0
              ? `The cluster’s ${apps.own.length} application${apps.own.length === 1 ? '' : 's'} will be deployed to ${server.name}: ${listText(apps.own.map((a) => a.name))}.`
              : `The cluster has no applications yet: nothing is deployed to ${server.name} now.`}
        </div>
      )}
      {server && member && (
        <CurlPreview request={addClusterServerRequest(scope, cluster.id, memberBody(member))} />
      )}
      {add.error && <ErrorPanel error={add.error} title="The server was not added" />}
    </Modal>
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
      variables={{ clusterId: cluster.id, serverId: server.id }}
      removeRequest={removeClusterServerRequest(scope, cluster.id, server.id)}
    >
      {server.name} leaves the cluster and becomes an individual server.
      {primary && ' It is the primary node: another running member takes that role.'}
    </RemoveMemberButton>
  )
}
