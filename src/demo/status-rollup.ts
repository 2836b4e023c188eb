/**
 * The demo's roll-ups, written from API-CONTRACTS.md section 1 and ADR 005, not taken from
 * the console: the console derives what it shows from these answers, and a client bug in
 * that derivation must be able to show up against the demo.
 */

/**
 * One application's `lastReportedStatus` from its copies' reports. The contract documents
 * the statuses (anything containing `FAILED` is a failure) but not the roll-up; the
 * demo's choice: no copies is `UNDEPLOYED`, any failure wins, agreeing copies give their
 * status, otherwise `STARTED` if one started, else `UNDEPLOYED` if one is still deploying.
 */
export function reportedStatusOf(reports: readonly string[]): string {
  const first = reports[0]
  if (first === undefined) return 'UNDEPLOYED'
  const failed = reports.find((r) => r.includes('FAILED'))
  if (failed) return failed
  if (reports.every((r) => r === first)) return first
  if (reports.includes('STARTED')) return 'STARTED'
  if (reports.includes('UNDEPLOYED')) return 'UNDEPLOYED'
  return first
}

/** A group's or cluster's `status` from its members' (ADR 005): all, some or none running. */
export function memberStatusOf(servers: readonly { status: string }[]): string {
  if (servers.length === 0) return 'DISCONNECTED'
  if (servers.every((s) => s.status === 'RUNNING')) return 'RUNNING'
  if (servers.some((s) => s.status === 'RUNNING')) return 'PARTIALLY_RUNNING'
  return 'DISCONNECTED'
}
