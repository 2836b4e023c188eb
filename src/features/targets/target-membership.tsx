import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { serverQueries } from '../../api/runtime-manager/servers.ts'
import {
  removeTargetServerRequest,
  targetKey,
  verifyTargetMember,
  type TargetRecord,
} from '../../api/runtime-manager/target-requests.ts'
import { membershipOf } from '../../api/runtime-manager/target-rules.ts'
import {
  useOwnApplications,
  useRefreshAfterMembershipChange,
} from '../../api/runtime-manager/targets.ts'
import { Button } from '../../components/button.tsx'
import { useConsole, usePermission } from '../../components/console-context.tsx'
import { isolateText } from '../../lib/isolate-text.ts'
import { listText } from '../../lib/list-text.ts'
import { useT } from '../../components/i18n.tsx'
import { paths } from '../../lib/paths.ts'
import {
  AddMembersModal,
  BulkRemoveMembersButton,
  SelectAllMembers,
  SelectMember,
  useBulkMembership,
  useMemberSelection,
  type MemberChange,
} from './bulk-membership.tsx'
import { LoadedServerPicker } from './loaded-server-picker.tsx'
import { MemberIpGrid, withIp } from './member-ip-input.tsx'
import { RemoveMemberButton } from './remove-member.tsx'
import {
  wordsOf,
  type MemberFormErrors,
  type MemberValue,
  type TargetProps,
} from './target-kind.ts'
import { membershipReason } from './target-form-model.ts'

/**
 * The servers of a group or cluster: the kind's columns, remove one or the selected ones,
 * and add more.
 */
export function TargetMembers<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
}: TargetProps<T, B>) {
  const { scope } = useConsole()
  const t = useT()
  const canManage = usePermission('manageServers')
  const [addOpen, setAddOpen] = useState(false)
  const selection = useMemberSelection(target.servers)
  return (
    <section className="card" aria-labelledby="members">
      <div className="toolbar" style={{ justifyContent: 'space-between' }}>
        <h2 id="members">{t('targets.list.servers')}</h2>
        <div className="toolbar">
          <BulkRemoveButton kind={kind} target={target} selection={selection} />
          <Button
            permission={kind.page.addPermission(target, canManage)}
            onClick={() => setAddOpen(true)}
          >
            {t('targets.membership.addServer')}
          </Button>
        </div>
      </div>
      <table
        className="data compact stack-on-phone"
        aria-label={t('targets.membership.tableLabel', { name: target.name })}
      >
        <thead>
          <tr>
            <th scope="col" style={{ width: 40 }}>
              <SelectAllMembers selection={selection} total={target.servers.length} />
            </th>
            <th scope="col">{t('targets.list.name')}</th>
            {kind.page.memberColumns.map((c) => (
              <th key={c.header} scope="col" style={c.width ? { width: c.width } : undefined}>
                {t(c.header)}
              </th>
            ))}
            <th scope="col" style={{ width: 120 }}>
              <span className="visually-hidden">{t('targets.membership.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {target.servers.map((s) => (
            <tr key={s.id}>
              <td>
                <SelectMember server={s} selection={selection} />
              </td>
              <td data-slot="title">
                <Link to={paths.server(scope.envId, s.id)} title={s.name}>
                  {s.name}
                </Link>
              </td>
              {kind.page.memberColumns.map((c) => (
                <td key={c.header} className={c.mono ? 'mono' : undefined} data-label={t(c.header)}>
                  {c.cell(s, target)}
                </td>
              ))}
              <td>
                <RemoveMemberButton kind={kind} target={target} server={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {addOpen && (
        <AddServersDialog kind={kind} target={target} open={addOpen} onOpenChange={setAddOpen} />
      )}
    </section>
  )
}

/**
 * Adds servers to a group or cluster: choose one or several (servers in a group or
 * cluster are shown with the reason they cannot join; a cluster's picker stops at the room
 * it has left and asks each one's clustering IP), read what will happen to applications,
 * see every request, confirm. One request per server, one at a time, then a result per
 * server (when every server joined, the dialog just closes with a toast).
 */
export function AddServersDialog<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
  open,
  onOpenChange,
}: TargetProps<T, B> & {
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const { scope } = useConsole()
  const t = useT()
  const { add, api } = kind
  const servers = useQuery(serverQueries.list(scope))
  const apps = useOwnApplications(scope, target.id, open)
  const refresh = useRefreshAfterMembershipChange(scope)
  const membership = useBulkMembership({
    refresh: () => refresh(targetKey(scope, api.resource)),
    succeeded: { one: 'targets.membership.added', many: 'targets.membership.addedMany' },
    targetName: target.name,
  })
  const [members, setMembers] = useState<MemberValue[]>([])
  const [errors, setErrors] = useState<MemberFormErrors>({})
  const byId = new Map((servers.data?.items ?? []).map((s) => [s.id, s]))
  const picked = members.flatMap((m) => byId.get(m.serverId) ?? [])
  // A kind that checks before sending reports a server no longer listed; otherwise it is
  // left out, and one that may no longer join (it joined another target while the dialog
  // was open; the picker disables it) blocks sending at once.
  const sendable = add.validate ? members : members.filter((m) => byId.has(m.serverId))
  const blocked = add.validate ? [] : picked.filter((s) => membershipOf(s) !== null)
  const changes: MemberChange[] = sendable.map((m) => {
    const name = byId.get(m.serverId)?.name
    return {
      serverId: m.serverId,
      label: name ?? t('targets.membership.serverFallback', { id: m.serverId }),
      request: api.addRequest(scope, target.id, m, { name: target.name, on: name }),
      verify: verifyTargetMember(api.resource, scope, target.id, m.serverId, true),
    }
  })
  const n = sendable.length
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
        (serverId): MemberValue =>
          prev.find((m) => m.serverId === serverId) ?? { serverId, ip: '' },
      ),
    )
  }
  const setIp = (serverId: number, ip: string) => setMembers((prev) => withIp(prev, serverId, ip))
  const { validate } = add
  const check = validate
    ? () => {
        const checked = validate(target, members, servers.data?.items ?? [])
        setErrors(checked.ok ? {} : checked.errors)
        return checked.ok
      }
    : undefined
  const pending = membership.bulk.isPending

  return (
    <AddMembersModal
      words={wordsOf(kind.kind)}
      targetName={target.name}
      description={add.description?.(target)}
      open={open}
      onOpenChange={close}
      membership={membership}
      changes={changes}
      canSend={n > 0 && blocked.length === 0}
      check={check}
    >
      <LoadedServerPicker
        query={servers}
        legend={t('targets.membership.serversToAdd')}
        selected={members.map((m) => m.serverId)}
        onChange={choose}
        reasonFor={membershipReason}
        limit={add.limit?.(target)}
        error={
          blocked.length > 0
            ? t('targets.membership.blocked', {
                count: blocked.length,
                // The names are the API's: each isolated in the sentence.
                servers: listText(blocked.map((s) => isolateText(s.name))),
              })
            : errors.servers
        }
        disabled={pending}
      />
      {n > 0 && add.memberIps && (
        <MemberIpGrid
          members={members}
          servers={byId}
          errors={errors.ips}
          disabled={pending}
          onChange={setIp}
        />
      )}
      {n > 0 && <div className="alert alert-info">{add.notice({ target, picked, apps })}</div>}
    </AddMembersModal>
  )
}

/** Removes the selected members, one request each; each keeps its applications as its own. */
function BulkRemoveButton<T extends TargetRecord, B extends { name: string }>({
  kind,
  target,
  selection,
}: TargetProps<T, B> & {
  selection: ReturnType<typeof useMemberSelection>
}) {
  const { scope } = useConsole()
  const refresh = useRefreshAfterMembershipChange(scope)
  const { resource } = kind.api
  return (
    <BulkRemoveMembersButton
      target={target}
      selected={selection.selected}
      words={wordsOf(kind.kind)}
      removeRequest={(serverId: number) =>
        removeTargetServerRequest(resource, scope, target.id, serverId, {
          name: target.name,
          on: selection.selected.find((s: Server) => s.id === serverId)?.name,
        })
      }
      verifyRemoved={(serverId: number) =>
        verifyTargetMember(resource, scope, target.id, serverId, false)
      }
      refresh={() => refresh(targetKey(scope, resource))}
      onDone={selection.drop}
      extra={kind.page.bulkRemoveNote?.(target, selection.selected)}
    />
  )
}
