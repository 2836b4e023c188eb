import type { ReactNode } from 'react'
import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import { useOwnApplications } from '../../api/runtime-manager/targets.ts'
import { useConsole } from '../../components/console-context.tsx'

/**
 * What a confirmation says of a group's or cluster's own applications. It mounts with the
 * dialog's body, so the applications are read only once the dialog opens: "Checking…"
 * until they are, then `renderApps` of those that `pick` keeps (all unless given), or `none`.
 */
export function OwnApplicationsNote({
  targetId,
  checking,
  pick = (own) => own,
  renderApps,
  none,
}: {
  targetId: number
  /** "Checking the group’s applications…", in the kind's own words. */
  checking: string
  pick?: (own: readonly Application[]) => readonly Application[]
  renderApps: (apps: readonly Application[]) => ReactNode
  none: string
}) {
  const { scope } = useConsole()
  const { own, isPending } = useOwnApplications(scope, targetId, true)
  if (isPending) return <p className="muted">{checking}</p>
  const apps = pick(own)
  return apps.length > 0 ? renderApps(apps) : <p className="muted">{none}</p>
}
