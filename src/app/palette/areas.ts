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
  area('servers', 's', 'shell.palette.goTo.servers'),
  area('serverGroups', 'g', 'shell.palette.goTo.serverGroups'),
  area('clusters', 'c', 'shell.palette.goTo.clusters'),
  area('applications', 'a', 'shell.palette.goTo.applications'),
  area('devices', 'd', 'shell.palette.goTo.devices'),
  area('clientApps', 'k', 'shell.palette.goTo.clientApps'),
  area('activity', 'l', 'shell.palette.goTo.activity'),
]

/** An area whose page is the `paths` entry of its id. */
function area(id: Area['id'], key: string, goTo: MessageKey): Area {
  return { id, key, to: (envId) => paths[id](envId), goTo }
}

/** The letters that follow `g`. */
export const GO_KEYS: ReadonlySet<string> = new Set(AREAS.map((a) => a.key))

/** The area a `g` letter goes to. */
export function areaForKey(key: string): Area | undefined {
  return AREAS.find((a) => a.key === key)
}

/**
 * Marks an Enter typed after the text, before the palette's search box was there
 * (`palette-launcher.tsx` keeps it, the palette runs the text's first result).
 */
export const TYPED_ENTER = '\n'
