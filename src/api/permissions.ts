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

/**
 * What each scope lets an operator do, in the words the sign-in card uses; `null` for the
 * read scopes, which the card sums up as "Read everything".
 */
export const SCOPE_WORDS: ReadonlyMap<string, string | null> = new Map([
  [SCOPES.readServers, null],
  [SCOPES.readApplications, null],
  [SCOPES.manageServers, 'register and unregister servers, build groups and clusters'],
  [SCOPES.manageApplications, 'start, stop and redeploy applications'],
  [SCOPES.createApplications, 'deploy and update applications'],
  [SCOPES.deleteApplications, 'delete applications'],
  [SCOPES.manageDevices, 'change device and app status on devices, remove devices'],
  [SCOPES.manageClientApps, 'create and delete client applications, issue keys'],
])

/**
 * What a connected app with these scope names may do, in one sentence, from the same scope
 * names the permission checks read: the sign-in card cannot promise what a check refuses.
 */
export function describeScopes(names: readonly string[]): string {
  const known = names.filter((name) => SCOPE_WORDS.has(name))
  const may = known.flatMap((name) => SCOPE_WORDS.get(name) ?? [])
  const reads = known.some((name) => SCOPE_WORDS.get(name) === null)
  if (may.length === 0) return reads ? 'Read only.' : 'No access.'
  const sentence = `${reads ? 'read everything; ' : ''}${may.join('; ')}.`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

export type RoleName = 'Administrator' | 'Operator' | 'Monitor'

/** MobileFirst's administration roles (device administration API). */
export type MfpRole = 'mfpadmin' | 'mfpdeployer' | 'mfpoperator' | 'mfpmonitor'

/** Roles that may change statuses and remove devices; every role may read. */
export const MFP_WRITE_ROLES: readonly MfpRole[] = ['mfpadmin', 'mfpdeployer', 'mfpoperator']
