import { useMutation } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { message, Msg, useT, ApiList } from '../../components/i18n.tsx'
import type { MessageKey } from '../../lib/i18n.ts'
import { useState, type ReactNode } from 'react'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { keptApplicationName } from '../../api/runtime-manager/target-rules.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import { sendAndVerify, type Verify } from '../../lib/outcome.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import { BulkResults } from '../../components/bulk-results.tsx'
import {
  allSucceeded,
  settleBulk,
  runBulk,
  succeededIds,
  type BulkItemResult,
  type BulkSummaryMessages,
} from '../../components/bulk.ts'
import { Button } from '../../components/button.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import type { KindWords } from './target-kind.ts'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Modal } from '../../components/modal.tsx'
import { toastSucceeded } from '../../components/outcome-message.tsx'

/** One membership request of a bulk change: the server it is about and the exact call. */
export interface MemberChange {
  serverId: number
  /** The server's name, for the results. */
  label: string
  request: RequestSpec<unknown>
  /**
   * Reads the target back after a lost answer: `true` when the server is (or, for a
   * removal, is no longer) a member, `null` when the change did not happen.
   */
  verify: Verify<unknown>
}

/** Every request of a bulk change as curl: each one differs (the server id, a member's IP). */
function CurlPreviews({ changes }: { changes: readonly MemberChange[] }) {
  const t = useT()
  return (
    <CurlPreview
      requests={changes.map((c) => c.request)}
      note={changes.length > 1 ? t('targets.membership.curlNote') : undefined}
    />
  )
}

/**
 * Sends membership requests for several servers and keeps one result per server. They go
 * one at a time, not in parallel: each one changes the same group or cluster (a cluster
 * counts its members and hands on its primary node), so the backend sees them in order.
 * The outcome waits for `refresh`, so the page is true to the backend when it shows: one
 * toast when every server succeeded (the dialog then closes), otherwise the results per
 * server and no toast.
 */
export function useBulkMembership({
  refresh,
  succeeded,
  targetName,
}: {
  refresh: () => Promise<unknown>
  /**
   * The toast when every server succeeded, taking `target`: for one server, with its
   * `name` ("Added {name} to {target}"), for several, with their `count`.
   */
  succeeded: { one: MessageKey; many: MessageKey }
  targetName: string
}) {
  const [results, setResults] = useState<BulkItemResult[] | null>(null)
  const bulk = useMutation({
    mutationFn: async (changes: readonly MemberChange[]) => {
      const outcome = await runBulk(
        changes,
        (c) => ({ id: String(c.serverId), label: c.label }),
        (c, options) => sendAndVerify(() => request(c.request), c.verify, options),
        1,
      )
      await refresh()
      return outcome
    },
    onSuccess: (outcome) =>
      settleBulk(outcome, setResults, (only) => {
        if (only) toastSucceeded(succeeded.one, { name: only.label, target: targetName })
        else toastSucceeded(succeeded.many, { count: outcome.length, target: targetName })
      }),
  })
  return {
    bulk,
    results,
    reset: () => {
      setResults(null)
      bulk.reset()
    },
  }
}

/**
 * The frame of a dialog that adds servers to a group or cluster: the picker and what
 * happens (children), every request as curl, Cancel and "Add N servers", busy while they
 * run; it closes when every server joined (the toast says it), otherwise it shows a
 * result per server. `check` runs before anything is sent and returns false to send nothing.
 */
export function AddMembersModal({
  words,
  targetName,
  description,
  open,
  onOpenChange,
  membership,
  changes,
  canSend,
  check = () => true,
  children,
}: {
  words: KindWords
  targetName: string
  description?: string
  open: boolean
  /** Closing resets what the dialog holds; the caller clears its own choices there. */
  onOpenChange: (open: boolean) => void
  membership: ReturnType<typeof useBulkMembership>
  changes: readonly MemberChange[]
  /** Whether the Add button is enabled (something chosen, nothing known to be refused). */
  canSend: boolean
  check?: () => boolean
  children: ReactNode
}) {
  const t = useT()
  const { bulk, results } = membership
  const n = changes.length
  const confirm = () => {
    if (!canSend || !check()) return
    bulk.mutate(changes, {
      onSuccess: (outcome) => {
        if (allSucceeded(outcome)) onOpenChange(false)
      },
    })
  }
  if (results)
    return (
      <MembershipResults
        results={results}
        summary={{
          all: 'targets.membership.addSummaryAll',
          some: 'targets.membership.addSummarySome',
        }}
        title={message('targets.membership.addResults', { name: targetName })}
        onClose={() => onOpenChange(false)}
      />
    )
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={message('targets.membership.addTitle', { name: targetName })}
      description={description}
      wide
      locked={bulk.isPending}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={bulk.isPending}>
            {t('targets.dialog.cancel')}
          </Button>
          <Button variant="primary" busy={bulk.isPending} disabled={!canSend} onClick={confirm}>
            {n === 0 ? t(words.addTo) : t(words.addCount, { count: n })}
          </Button>
        </>
      }
    >
      {children}
      <CurlPreviews changes={changes} />
      {bulk.error && <ErrorPanel error={bulk.error} title={t('targets.membership.addFailed')} />}
    </Modal>
  )
}

/** The outcome of a bulk membership change, one line per server, failures first. */
export function MembershipResults({
  results,
  summary,
  title,
  onClose,
}: {
  results: readonly BulkItemResult[]
  summary: BulkSummaryMessages
  title: ReactNode
  onClose: () => void
}) {
  const t = useT()
  return (
    <Modal
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={title}
      footer={<Button onClick={onClose}>{t('targets.dialog.close')}</Button>}
    >
      <BulkResults results={results} summary={summary} />
    </Modal>
  )
}

/**
 * Removes the selected members of a group or cluster, one request each, after a
 * confirmation that lists the applications each server keeps as its own. Refused (with
 * the reason) when the selection is every member: the target needs one server.
 */
export function BulkRemoveMembersButton({
  target,
  selected,
  words,
  removeRequest,
  verifyRemoved,
  refresh,
  onDone,
  extra,
}: {
  target: { id: number; name: string; servers: readonly Server[] }
  /** The chosen members, in table order. */
  selected: readonly Server[]
  words: KindWords
  removeRequest: (serverId: number) => RequestSpec<unknown>
  /** Reads the target back after a lost answer: is the server gone from it? */
  verifyRemoved: (serverId: number) => Verify<unknown>
  refresh: () => Promise<unknown>
  /** Gets the ids that were removed, so the page drops them from its selection. */
  onDone: (removed: ReadonlySet<number>) => void
  /** A sentence about the target's own rules (the primary node of a cluster). */
  extra?: ReactNode
}) {
  const { scope } = useConsole()
  const t = useT()
  const canManage = usePermission('manageServers')
  const [open, setOpen] = useState(false)
  const apps = useOwnApplications(scope, target.id, open)
  const { bulk, results, reset } = useBulkMembership({
    refresh,
    succeeded: { one: 'targets.remove.succeeded', many: 'targets.membership.removedMany' },
    targetName: target.name,
  })
  const n = selected.length
  const permission: Permission = !canManage.allowed
    ? canManage
    : n === 0
      ? { allowed: false, reason: t('targets.membership.selectFirst') }
      : n >= target.servers.length
        ? { allowed: false, reason: t(words.bulkRemoveAll) }
        : { allowed: true }
  const changes: MemberChange[] = selected.map((s) => ({
    serverId: s.id,
    label: s.name,
    request: removeRequest(s.id),
    verify: verifyRemoved(s.id),
  }))
  const close = () => {
    setOpen(false)
    reset()
  }
  return (
    <>
      <Button permission={permission} onClick={() => setOpen(true)}>
        {n > 0
          ? t('targets.membership.removeSelectedCount', { count: n })
          : t('targets.membership.removeSelected')}
      </Button>
      {open && results && (
        <MembershipResults
          results={results}
          summary={{
            all: 'targets.membership.removeSummaryAll',
            some: 'targets.membership.removeSummarySome',
          }}
          title={<Msg id="targets.membership.removeResults" values={{ name: target.name }} />}
          onClose={close}
        />
      )}
      {open && !results && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={
            <Msg id="targets.membership.removeTitle" values={{ count: n, name: target.name }} />
          }
          confirmLabel={t(words.bulkRemoveConfirm, { count: n })}
          risk="availability"
          pending={bulk.isPending}
          error={bulk.error ?? undefined}
          onConfirm={() =>
            bulk.mutate(changes, {
              onSuccess: (outcome) => {
                onDone(new Set([...succeededIds(outcome)].map(Number)))
                if (allSucceeded(outcome)) close()
              },
            })
          }
        >
          <p style={{ marginTop: 0 }}>
            {t(words.bulkRemoveBody)}
            {extra ? <> {extra}</> : ''}
          </p>
          {apps.isPending ? (
            <p className="muted">{t(words.checkingApps)}</p>
          ) : apps.own.length > 0 ? (
            <ul
              className="alert alert-info"
              aria-label={t('targets.membership.keepsLabel')}
              // The bullets sit inside the box, not on its border.
              style={{ paddingInlineStart: 32 }}
            >
              {selected.map((s) => {
                const kept = apps.own.filter((a) =>
                  a.serverArtifacts?.some((c) => c.serverId === s.id),
                )
                const server = (
                  <strong>
                    <ApiText>{s.name}</ApiText>
                  </strong>
                )
                return (
                  <li key={s.id}>
                    {kept.length === 0 ? (
                      <Msg id={words.bulkRunsNone} values={{ server }} />
                    ) : (
                      <Msg
                        id="targets.membership.keeps"
                        values={{
                          server,
                          count: kept.length,
                          names: (
                            <ApiList names={kept.map((a) => keptApplicationName(a.name, s.name))} />
                          ),
                        }}
                      />
                    )}
                  </li>
                )
              })}
            </ul>
          ) : (
            <p className="muted">{t(words.bulkNoApps)}</p>
          )}
          <CurlPreviews changes={changes} />
        </ConfirmDialog>
      )}
    </>
  )
}

/**
 * The members chosen in a member table. Ids of servers that left the target (removed
 * here or elsewhere) drop out on their own, since only current members are read back.
 */
export function useMemberSelection(servers: readonly Server[]) {
  const [ids, setIds] = useState<ReadonlySet<number>>(new Set())
  const selected = servers.filter((s) => ids.has(s.id))
  return {
    selected,
    isSelected: (id: number) => ids.has(id),
    toggle: (id: number) =>
      setIds((prev) => {
        const next = new Set(prev)
        if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      }),
    toggleAll: () =>
      setIds(selected.length === servers.length ? new Set() : new Set(servers.map((s) => s.id))),
    drop: (removed: ReadonlySet<number>) =>
      setIds((prev) => new Set([...prev].filter((id) => !removed.has(id)))),
  }
}

/** A member row's checkbox, named after the server. */
export function SelectMember({
  server,
  selection,
}: {
  server: Pick<Server, 'id' | 'name'>
  selection: ReturnType<typeof useMemberSelection>
}) {
  const t = useT()
  return (
    <input
      type="checkbox"
      aria-label={t('targets.membership.select', { name: server.name })}
      checked={selection.isSelected(server.id)}
      onChange={() => selection.toggle(server.id)}
    />
  )
}

/** The header checkbox of a member table: all, none, or some (indeterminate). */
export function SelectAllMembers({
  selection,
  total,
}: {
  selection: ReturnType<typeof useMemberSelection>
  total: number
}) {
  const t = useT()
  const count = selection.selected.length
  return (
    <input
      type="checkbox"
      aria-label={t('targets.membership.selectAll')}
      checked={total > 0 && count === total}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && count < total
      }}
      onChange={selection.toggleAll}
    />
  )
}
