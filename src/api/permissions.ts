/**
 * What each demo identity may do, shared by the console (to disable controls with a
 * reason) and the demo backend (to answer 403). The scope names follow the connected-app
 * scopes of Runtime Manager; device roles follow MobileFirst's `mfp*` roles.
 */
export const SCOPES = {
  readServers: 'Read Servers',
  manageServers: 'Manage Servers',
  readApplications: 'Read Applications',
  manageApplications: 'Manage Applications',
  createApplications: 'Create Applications',
  deleteApplications: 'Delete Applications',
  manageDevices: 'Manage Device Status',
  manageClientApps: 'apim:subscribe',
} as const

export type ScopeKey = keyof typeof SCOPES
export type ScopeName = (typeof SCOPES)[ScopeKey]

export type RoleName = 'Administrator' | 'Operator' | 'Monitor'

export const ROLE_SCOPES: Record<RoleName, readonly ScopeKey[]> = {
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

/** The scope names a role's connected app carries, as the API reports them. */
export function scopeNamesFor(role: RoleName): ScopeName[] {
  return ROLE_SCOPES[role].map((key) => SCOPES[key])
}

/** MobileFirst's administration roles (device administration API). */
export type MfpRole = 'mfpadmin' | 'mfpdeployer' | 'mfpoperator' | 'mfpmonitor'

/**
 * The MobileFirst role each demo identity holds, in line with its scopes: only
 * identities with `manageDevices` hold a role that may change device or application
 * status (ADR 008).
 */
export const MFP_ROLE_OF: Record<RoleName, MfpRole> = {
  Administrator: 'mfpadmin',
  Operator: 'mfpoperator',
  Monitor: 'mfpmonitor',
}

/** Roles that may change statuses and remove devices; every role may read. */
export const MFP_WRITE_ROLES: readonly MfpRole[] = ['mfpadmin', 'mfpdeployer', 'mfpoperator']
