/**
 * Who may do what in the demo backend, written from API-CONTRACTS.md (and ADR 004 where the
 * contract leaves the choice to us), not taken from the console's own permission table:
 * the demo must be able to disagree with a client bug in that table.
 *
 * Runtime Manager grants connected-app scopes (section 1, "Read Servers", "Read
 * Applications", "Create Applications" ...); the demo's three identities carry fixed sets.
 */

/** The demo's identities (ADR 004): one connected app per role. */
export type DemoRole = 'Administrator' | 'Operator' | 'Monitor'

const EVERYONE: readonly DemoRole[] = ['Administrator', 'Operator', 'Monitor']
const OPERATORS: readonly DemoRole[] = ['Administrator', 'Operator']
const ADMINISTRATORS: readonly DemoRole[] = ['Administrator']

/**
 * Each scope the demo checks, keyed by scope: its name on the wire and the identities whose
 * connected app carries it. Reads are everyone's; the Operator may start, stop and redeploy
 * applications and change device statuses; everything else is the Administrator's.
 */
const SCOPES = {
  readServers: { name: 'Read Servers', grantedTo: EVERYONE },
  manageServers: { name: 'Manage Servers', grantedTo: ADMINISTRATORS },
  readApplications: { name: 'Read Applications', grantedTo: EVERYONE },
  manageApplications: { name: 'Manage Applications', grantedTo: OPERATORS },
  createApplications: { name: 'Create Applications', grantedTo: ADMINISTRATORS },
  deleteApplications: { name: 'Delete Applications', grantedTo: ADMINISTRATORS },
  manageDevices: { name: 'Manage Device Status', grantedTo: OPERATORS },
  // The API Store's one OAuth scope (section 3): every change needs it.
  manageClientApps: { name: 'apim:subscribe', grantedTo: ADMINISTRATORS },
}

export type DemoScope = keyof typeof SCOPES

/** The scope's name as the API spells it ("Read Servers", "apim:subscribe"). */
export function scopeName(scope: DemoScope): string {
  return SCOPES[scope].name
}

export function roleHasScope(role: DemoRole, scope: DemoScope): boolean {
  return SCOPES[scope].grantedTo.includes(role)
}

/** The scope names a role's connected app carries, as `GET /accounts/api/me` reports them. */
export function grantedScopeNames(role: DemoRole): string[] {
  return Object.values(SCOPES)
    .filter((scope) => scope.grantedTo.includes(role))
    .map((scope) => scope.name)
}

/** MobileFirst's administration roles (section 2). */
export type MfpRole = 'mfpadmin' | 'mfpdeployer' | 'mfpoperator' | 'mfpmonitor'

/** The MobileFirst role each demo identity holds: only those that manage devices may write. */
const MFP_ROLE: Record<DemoRole, MfpRole> = {
  Administrator: 'mfpadmin',
  Operator: 'mfpoperator',
  Monitor: 'mfpmonitor',
}

export function mfpRoleOf(role: DemoRole): MfpRole {
  return MFP_ROLE[role]
}

/** "Reads allow all four; status changes and device removal deny mfpmonitor." */
export function mfpRoleMayWrite(role: MfpRole): boolean {
  return role !== 'mfpmonitor'
}
