/**
 * Who may do what in the demo backend, written from API-CONTRACTS.md (and ADR 004 where the
 * contract leaves the choice to us), not taken from the console's own permission table:
 * the demo must be able to disagree with a client bug in that table.
 *
 * Runtime Manager grants connected-app scopes (section 1, "Read Servers", "Read
 * Applications", "Create Applications" ...); the demo's three identities carry fixed sets.
 */
export const DEMO_SCOPES = {
  readServers: 'Read Servers',
  manageServers: 'Manage Servers',
  readApplications: 'Read Applications',
  manageApplications: 'Manage Applications',
  createApplications: 'Create Applications',
  deleteApplications: 'Delete Applications',
  manageDevices: 'Manage Device Status',
  // The API Store's one OAuth scope (section 3): every change needs it.
  manageClientApps: 'apim:subscribe',
} as const

export type DemoScope = keyof typeof DEMO_SCOPES

/** The demo's identities (ADR 004): one connected app per role. */
export type DemoRole = 'Administrator' | 'Operator' | 'Monitor'

const ROLE_GRANTS: Record<DemoRole, readonly DemoScope[]> = {
  Administrator: [
    'readServers',
    'manageServers',
    'readApplications',
    'manageApplications',
    'createApplications',
    'deleteApplications',
    'manageDevices',
    'manageClientApps',
  ],
  Operator: ['readServers', 'readApplications', 'manageApplications', 'manageDevices'],
  Monitor: ['readServers', 'readApplications'],
}

export function roleHasScope(role: DemoRole, scope: DemoScope): boolean {
  return ROLE_GRANTS[role].includes(scope)
}

/** The scope names a role's connected app carries, as `GET /accounts/api/me` reports them. */
export function grantedScopeNames(role: DemoRole): string[] {
  return ROLE_GRANTS[role].map((key) => DEMO_SCOPES[key])
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
