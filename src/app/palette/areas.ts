import { paths } from '../../lib/paths.ts'

/**
 * An area of the console: its page and the letter that follows `g` to reach it (its name
 * is `PALETTE_TEXT.areas[id]`, loaded with the palette, not with the shell).
 */
export interface Area {
  id:
    'servers' | 'serverGroups' | 'clusters' | 'applications' | 'devices' | 'clientApps' | 'activity'
  key: string
  to: (envId: string) => string
}

/**
 * Every area, in the navigation's order. The letters: the area's initial, except where
 * two share one (server groups take `g`, as in `g g`; client applications take `k`, for
 * keys; activity takes `l`, for log).
 */
export const AREAS: readonly Area[] = [
  { id: 'servers', key: 's', to: (envId) => paths.servers(envId) },
  { id: 'serverGroups', key: 'g', to: (envId) => paths.serverGroups(envId) },
  { id: 'clusters', key: 'c', to: (envId) => paths.clusters(envId) },
  { id: 'applications', key: 'a', to: (envId) => paths.applications(envId) },
  { id: 'devices', key: 'd', to: (envId) => paths.devices(envId) },
  { id: 'clientApps', key: 'k', to: (envId) => paths.clientApps(envId) },
  { id: 'activity', key: 'l', to: (envId) => paths.activity(envId) },
]

/** The letters that follow `g`. */
export const GO_KEYS: ReadonlySet<string> = new Set(AREAS.map((a) => a.key))

/** The area a `g` letter goes to. */
export function areaForKey(key: string): Area | undefined {
  return AREAS.find((a) => a.key === key)
}
