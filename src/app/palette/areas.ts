import type { MessageKey } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'

/**
 * An area of the console: its page, the letter that follows `g` to reach it, and the
 * command that goes there ("Go to Servers": one message, since word order differs).
 */
export interface Area {
  id:
    'servers' | 'serverGroups' | 'clusters' | 'applications' | 'devices' | 'clientApps' | 'activity'
  key: string
  to: (envId: string) => string
  goTo: MessageKey
}

/**
 * Every area, in the navigation's order. The letters: the area's initial, except where
 * two share one (server groups take `g`, as in `g g`; client applications take `k`, for
 * keys; activity takes `l`, for log).
 */
export const AREAS: readonly Area[] = [
  {
    id: 'servers',
    key: 's',
    to: (envId) => paths.servers(envId),
    goTo: 'shell.palette.goTo.servers',
  },
  {
    id: 'serverGroups',
    key: 'g',
    to: (envId) => paths.serverGroups(envId),
    goTo: 'shell.palette.goTo.serverGroups',
  },
  {
    id: 'clusters',
    key: 'c',
    to: (envId) => paths.clusters(envId),
    goTo: 'shell.palette.goTo.clusters',
  },
  {
    id: 'applications',
    key: 'a',
    to: (envId) => paths.applications(envId),
    goTo: 'shell.palette.goTo.applications',
  },
  {
    id: 'devices',
    key: 'd',
    to: (envId) => paths.devices(envId),
    goTo: 'shell.palette.goTo.devices',
  },
  {
    id: 'clientApps',
    key: 'k',
    to: (envId) => paths.clientApps(envId),
    goTo: 'shell.palette.goTo.clientApps',
  },
  {
    id: 'activity',
    key: 'l',
    to: (envId) => paths.activity(envId),
    goTo: 'shell.palette.goTo.activity',
  },
]

/** The letters that follow `g`. */
export const GO_KEYS: ReadonlySet<string> = new Set(AREAS.map((a) => a.key))

/** The area a `g` letter goes to. */
export function areaForKey(key: string): Area | undefined {
  return AREAS.find((a) => a.key === key)
}
