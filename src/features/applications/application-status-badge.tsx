import type { Application } from '../../api/runtime-manager/application-schemas.ts'
import type { ApplicationState } from '../../api/runtime-manager/application-status.ts'
import { StatusBadge } from '../../components/status-badge.tsx'
import { applicationPhaseStatus, applicationStatus } from '../../components/status-tones.ts'

/**
 * The derived status with the raw desired → reported pair beside it, so a difference
 * (asked to stop, still reporting started) is visible at a glance.
 */
export function ApplicationStatusBadge({
  app,
  state,
  showDetail = false,
}: {
  app: Application
  state: ApplicationState
  showDetail?: boolean
}) {
  const status = applicationPhaseStatus(state)
  // The API's own pair, for whoever compares it with the API or its logs.
  const raw = applicationStatus(app.lastReportedStatus, app.desiredStatus).raw
  return (
    <span title={[raw, status.detail].filter(Boolean).join(' — ')}>
      <StatusBadge label={status.label} tone={status.tone} />
      {showDetail && status.detail && <span className="muted"> {status.detail}</span>}
    </span>
  )
}
