import { createContext, use } from 'react'
import type { Environment, Me } from '../api/runtime-manager/account-schemas.ts'
import { SCOPES, type ScopeKey } from '../api/permissions.ts'
import type { EnvScope } from '../lib/describe-request.ts'
import { t } from '../lib/i18n.ts'

/** Who is signed in and which environment the page shows: provided by the console layout. */
export interface ConsoleContextValue {
  me: Me
  environments: readonly Environment[]
  environment: Environment
  scope: EnvScope
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null)

/** The signed-in identity and current environment. Only valid inside the console layout. */
export function useConsole(): ConsoleContextValue {
  const value = use(ConsoleContext)
  if (!value) throw new Error('useConsole must be used inside the console layout')
  return value
}

/** Whether the identity may do something, and if not, the sentence that says why. */
export interface Permission {
  allowed: boolean
  reason?: string
}

/** Decides a permission from the scopes `/accounts/api/me` reported for the connected app. */
export function permissionFor(me: Me, scope: ScopeKey): Permission {
  const scopes = me.client?.scopes
  // A server that does not report scopes is left to answer 403 itself.
  if (!scopes) return { allowed: true }
  const name = SCOPES[scope]
  if (scopes.includes(name)) return { allowed: true }
  const who = me.client?.name ?? me.client?.client_id
  const reason =
    who === undefined
      ? t('ui.permission.requiresThisApp', { scope: name })
      : t('ui.permission.requires', { scope: name, app: who })
  return { allowed: false, reason }
}

export function usePermission(scope: ScopeKey): Permission {
  return permissionFor(useConsole().me, scope)
}
