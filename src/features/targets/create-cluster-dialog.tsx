import { useQuery } from '@tanstack/react-query'
import { apiMessage } from '../../components/api-text.tsx'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { toast } from 'sonner'
import { createClusterRequest, useCreateCluster } from '../../api/runtime-manager/clusters.ts'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import { useTakenTargetNames } from '../../api/runtime-manager/target-names.ts'
import { membershipReason } from '../../api/runtime-manager/target-rules.ts'
import { MAX_CLUSTER_SERVERS } from '../../api/runtime-manager/target-schemas.ts'
import { Button } from '../../components/button.tsx'
import { useConsole } from '../../components/console-context.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { Modal } from '../../components/modal.tsx'
import { TargetNameField } from './target-name-field.tsx'
import { paths } from '../../lib/paths.ts'
import {
  validateCreateCluster,
  type ClusterMemberValue,
  type CreateClusterErrors,
  type CreateClusterValues,
} from './create-cluster-form-model.ts'

const EMPTY: CreateClusterValues = { name: '', multicast: false, members: [] }
const LIMIT = {
  max: MAX_CLUSTER_SERVERS,
  reason: `A cluster holds at most ${MAX_CLUSTER_SERVERS} servers: unselect one to choose this one.`,
}

/**
 * Creates a cluster: name, multicast or unicast, up to 8 individual servers, and for
 * unicast the clustering IP of every server (checked as IPv4 or IPv6 before sending).
 */
export function CreateClusterDialog({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const navigate = useNavigate()
  const servers = useQuery(serverQueries.list(scope))
  const create = useCreateCluster(scope)
  const [values, setValues] = useState<CreateClusterValues>(EMPTY)
  const [errors, setErrors] = useState<CreateClusterErrors>({})
  const takenNames = useTakenTargetNames(scope)
  const checked = validateCreateCluster(values, servers.data?.items ?? [], takenNames)
  const byId = new Map((servers.data?.items ?? []).map((s) => [s.id, s]))

  const choose = (ids: number[]) =>
    setValues((v) => ({
      ...v,
      members: ids.map(
        (serverId): ClusterMemberValue =>
          v.members.find((m) => m.serverId === serverId) ?? { serverId, ip: '' },
      ),
    }))
  const setIp = (serverId: number, ip: string) =>
    setValues((v) => ({
      ...v,
      members: v.members.map((m) => (m.serverId === serverId ? { ...m, ip } : m)),
    }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    create.mutate(checked.body, {
      onSuccess: (cluster) => {
        toast.success(apiMessage`Created cluster ${cluster.name}`)
        onOpenChange(false)
        void navigate(paths.cluster(scope.envId, cluster.id))
      },
    })
  }
  const busy = create.isPending

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Create a cluster"
      description="The servers of a cluster run each application as one: its instances know each other and share state."
      wide
      locked={busy}
    >
      <form onSubmit={submit} noValidate className="field" style={{ gap: 14 }}>
        <TargetNameField
          id="cluster-name"
          label="Cluster name"
          value={values.name}
          error={errors.name}
          disabled={busy}
          onChange={(name) => setValues((v) => ({ ...v, name }))}
        />
        <fieldset className="field picker">
          <legend>How nodes find each other</legend>
          <label style={{ fontWeight: 'normal' }}>
            <input
              type="radio"
              name="cluster-mode"
              checked={!values.multicast}
              disabled={busy}
              onChange={() => setValues((v) => ({ ...v, multicast: false }))}
            />{' '}
            Unicast: each node is given the others’ IP addresses (every server needs one)
          </label>
          <label style={{ fontWeight: 'normal' }}>
            <input
              type="radio"
              name="cluster-mode"
              checked={values.multicast}
              disabled={busy}
              onChange={() => setValues((v) => ({ ...v, multicast: true }))}
            />{' '}
            Multicast: nodes discover each other on the network (IP addresses optional)
          </label>
        </fieldset>
        <LoadedServerPicker
          query={servers}
          legend="Servers"
          selected={values.members.map((m) => m.serverId)}
          onChange={choose}
          reasonFor={membershipReason}
          limit={LIMIT}
          error={errors.servers}
          disabled={busy}
        />
        {values.members.length > 0 && (
          <fieldset className="field picker">
            <legend>Clustering IP addresses{values.multicast ? ' (optional)' : ''}</legend>
            <div className="members-grid">
              {values.members.map((m) => (
                <MemberIpInput
                  key={m.serverId}
                  member={m}
                  server={byId.get(m.serverId)}
                  error={errors.ips?.[m.serverId]}
                  disabled={busy}
                  onChange={(ip) => setIp(m.serverId, ip)}
                />
              ))}
            </div>
          </fieldset>
        )}
        {checked.ok && (
          <details>
            <summary>Show the request as curl</summary>
            <CurlPreview request={createClusterRequest(scope, checked.body)} />
          </details>
        )}
        {create.error && (
          <ErrorPanel error={create.error} title="The cluster was not created" creating />
        )}
        <div className="dialog-footer">
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Create cluster
          </Button>
        </div>
      </form>
    </Modal>
  )
}

/** The clustering IP of one chosen server, with its known addresses as a hint. */
export function MemberIpInput({
  member,
  server,
  error,
  disabled,
  onChange,
}: {
  member: ClusterMemberValue
  server: Server | undefined
  error?: string
  disabled?: boolean
  onChange: (ip: string) => void
}) {
  const name = server?.name ?? `Server ${member.serverId}`
  const inputId = `cluster-ip-${member.serverId}`
  const hintId = `${inputId}-hint`
  const known = (server?.addresses ?? []).map((a) => a.ip)
  return (
    <>
      <div className="field" style={{ minWidth: 0 }}>
        <label htmlFor={inputId} style={{ fontWeight: 'normal' }}>
          Clustering IP of {name}
        </label>
        <span id={hintId} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            (known.length > 0 ? `Its addresses: ${known.join(', ')}` : 'No address reported')}
        </span>
      </div>
      <input
        id={inputId}
        type="text"
        className="mono"
        autoComplete="off"
        placeholder="e.g. 10.0.0.12"
        value={member.ip}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}
