import { useMutation } from '@tanstack/react-query'
import { ApiText } from '../../components/api-text.tsx'
import { useState, type ReactNode } from 'react'
import type { Server } from '../../api/runtime-manager/server-schemas.ts'
import { keptApplicationName } from '../../api/runtime-manager/target-rules.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import { formatNumber } from '../../lib/format.ts'
import { listText } from '../../lib/list-text.ts'
import { sendAndVerify, type Verify } from '../../lib/outcome.ts'
import { request, type RequestSpec } from '../../lib/request.ts'
import { BulkResults } from '../../components/bulk-results.tsx'
import { allSucceeded, runBulk, succeededIds, type BulkItemResult } from '../../components/bulk.ts'
import { Button } from '../../components/button.tsx'
import { CurlPreview } from '../../components/curl-preview.tsx'
import { ConfirmDialog } from '../../components/confirm-dialog.tsx'
import { useConsole, usePermission, type Permission } from '../../components/console-context.tsx'
import type { TargetNoun } from './target-kind.ts'
import { ErrorPanel } from '../../components/error-panel.tsx'
import { Modal } from '../../components/modal.tsx'
import { countOf, toastOutcome } from '../../components/outcome-message.tsx'

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
  return (
    <CurlPreview
      requests={changes.map((c) => c.request)}
      note={changes.length > 1 ? 'One per server, sent one after the other.' : undefined}
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
  verb,
  pastVerb,
  preposition,
  targetName,
}: {
  refresh: () => Promise<unknown>
  /** "add", "remove": the verb of the toast (with `pastVerb`). */
  verb: string
  /** "Added", "Removed": the toast. */
  pastVerb: string
  preposition: 'to' | 'from'
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
    onSuccess: (outcome) => {
      if (!allSucceeded(outcome)) {
        setResults(outcome)
        return
      }
      const relation = { word: preposition, name: targetName }
      const only = outcome.length === 1 ? outcome[0] : undefined
      toastOutcome(
        { verb, past: pastVerb },
        only ? { name: only.label, relation } : { count: outcome.length, noun: 'server', relation },
        { kind: 'succeeded' },
      )
    },
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
  noun,
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
  noun: TargetNoun
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
        verb="Add"
        title={`Add servers to ${targetName}: results`}
        onClose={() => onOpenChange(false)}
      />
    )
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={`Add servers to ${targetName}`}
      description={description}
      wide
      locked={bulk.isPending}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={bulk.isPending}>
            Cancel
          </Button>
          <Button variant="primary" busy={bulk.isPending} disabled={!canSend} onClick={confirm}>
            {n === 0 ? `Add to ${noun.short}` : `Add ${countOf(n, 'server')} to ${noun.short}`}
          </Button>
        </>
      }
    >
      {children}
      <CurlPreviews changes={changes} />
      {bulk.error && <ErrorPanel error={bulk.error} title="The servers were not added" />}
    </Modal>
  )
}

/** The outcome of a bulk membership change, one line per server, failures first. */
export function MembershipResults({
  results,
  verb,
  title,
  onClose,
}: {
  results: readonly BulkItemResult[]
  verb: string
  title: ReactNode
  onClose: () => void
}) {
  return (
    <Modal
      open
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={title}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <BulkResults results={results} verb={verb} />
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
  noun,
  removeRequest,
  verifyRemoved,
  refresh,
  onDone,
  extra,
}: {
  target: { id: number; name: string; servers: readonly Server[] }
  /** The chosen members, in table order. */
  selected: readonly Server[]
  noun: TargetNoun
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
  const canManage = usePermission('manageServers')
  const [open, setOpen] = useState(false)
  const apps = useOwnApplications(scope, target.id, open)
  const { bulk, results, reset } = useBulkMembership({
    refresh,
    verb: 'remove',
    pastVerb: 'Removed',
    preposition: 'from',
    targetName: target.name,
  })
  const n = selected.length
  const permission: Permission = !canManage.allowed
    ? canManage
    : n === 0
      ? { allowed: false, reason: 'Select the servers to remove first.' }
      : n >= target.servers.length
        ? {
            allowed: false,
            reason: `A ${noun.full} needs at least one server: leave one unselected, or delete the ${noun.short} instead.`,
          }
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
        {n > 0 ? `Remove ${formatNumber(n)} selected…` : 'Remove selected…'}
      </Button>
      {open && results && (
        <MembershipResults
          results={results}
          verb="Remove"
          title={
            <>
              Remove servers from <ApiText>{target.name}</ApiText>: results
            </>
          }
          onClose={close}
        />
      )}
      {open && !results && (
        <ConfirmDialog
          open
          onOpenChange={(next) => (next ? undefined : close())}
          title={
            <>
              Remove {countOf(n, 'server')} from <ApiText>{target.name}</ApiText>?
            </>
          }
          confirmLabel={`Remove ${formatNumber(n)} from ${noun.short}`}
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
            Each server leaves the {noun.short} and becomes an individual server: later deployments
            to the {noun.short} no longer reach it.{extra ? <> {extra}</> : ''}
          </p>
          {apps.isPending ? (
            <p className="muted">Checking the {noun.short}’s applications…</p>
          ) : apps.own.length > 0 ? (
            <ul
              className="alert alert-info"
              aria-label="What each server keeps"
              // The bullets sit inside the box, not on its border.
              style={{ paddingLeft: 32 }}
            >
              {selected.map((s) => {
                const kept = apps.own.filter((a) =>
                  a.serverArtifacts?.some((c) => c.serverId === s.id),
                )
                return (
                  <li key={s.id}>
                    <strong>
                      <ApiText>{s.name}</ApiText>
                    </strong>{' '}
                    {kept.length === 0
                      ? `runs none of the ${noun.short}’s applications.`
                      : `keeps ${kept.length} application${kept.length === 1 ? '' : 's'} as its own: ${listText(kept.map((a) => keptApplicationName(a.name, s.name)))}.`}
                  </li>
                )
              })}
            </ul>
          ) : (
            <p className="muted">
              No applications are deployed to this {noun.short}: the servers keep nothing.
            </p>
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
  return (
    <input
      type="checkbox"
      aria-label={`Select ${server.name}`}
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
  const count = selection.selected.length
  return (
    <input
      type="checkbox"
      aria-label="Select every server"
      checked={total > 0 && count === total}
      ref={(el) => {
        if (el) el.indeterminate = count > 0 && count < total
      }}
      onChange={selection.toggleAll}
    />
  )
}
