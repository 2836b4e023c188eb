import { t, type MessageKey } from '../lib/i18n.ts'

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
 * What each scope lets an operator do, as the catalog key of the words the sign-in card
 * uses; `null` for the read scopes, which the card sums up as "Read everything".
 */
export const SCOPE_WORDS: ReadonlyMap<string, MessageKey | null> = new Map([
  [SCOPES.readServers, null],
  [SCOPES.readApplications, null],
  [SCOPES.manageServers, 'ui.scopes.manageServers'],
  [SCOPES.manageApplications, 'ui.scopes.manageApplications'],
  [SCOPES.createApplications, 'ui.scopes.createApplications'],
  [SCOPES.deleteApplications, 'ui.scopes.deleteApplications'],
  [SCOPES.manageDevices, 'ui.scopes.manageDevices'],
  [SCOPES.manageClientApps, 'ui.scopes.manageClientApps'],
])

/**
 * What a connected app with these scope names may do, in one sentence, from the same scope
 * names the permission checks read: the sign-in card cannot promise what a check refuses.
 */
export function describeScopes(names: readonly string[]): string {
  const known = names.filter((name) => SCOPE_WORDS.has(name))
  const may = known.flatMap((name) => {
    const key = SCOPE_WORDS.get(name)
    return key ? [t(key)] : []
  })
  const reads = known.some((name) => SCOPE_WORDS.get(name) === null)
  if (may.length === 0) return t(reads ? 'ui.scopes.readOnly' : 'ui.scopes.noAccess')
  // The clauses in a list, in the language's own separator ("; " or the Arabic "؛ ").
  const clauses = (reads ? [t('ui.scopes.readEverything'), ...may] : may).join(
    `${t('ui.scopes.separator')} `,
  )
  const sentence = t('ui.scopes.sentence', { clauses })
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

export type RoleName = 'Administrator' | 'Operator' | 'Monitor'

/** MobileFirst's administration roles (device administration API). */
export type MfpRole = 'mfpadmin' | 'mfpdeployer' | 'mfpoperator' | 'mfpmonitor'

/** Roles that may change statuses and remove devices; every role may read. */
export const MFP_WRITE_ROLES: readonly MfpRole[] = ['mfpadmin', 'mfpdeployer', 'mfpoperator']
