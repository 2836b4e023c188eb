/**
 * The scopes and roles the console checks to disable a control with a reason (the demo
 * backend keeps its own table, ADR 019). The scope names follow the connected-app scopes
 * of Runtime Manager; device roles follow MobileFirst's `mfp*` roles.
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

export type RoleName = 'Administrator' | 'Operator' | 'Monitor'

/** MobileFirst's administration roles (device administration API). */
export type MfpRole = 'mfpadmin' | 'mfpdeployer' | 'mfpoperator' | 'mfpmonitor'

/** Roles that may change statuses and remove devices; every role may read. */
export const MFP_WRITE_ROLES: readonly MfpRole[] = ['mfpadmin', 'mfpdeployer', 'mfpoperator']
