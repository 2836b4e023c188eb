/**
 * The credential families and the same-origin prefixes each serves: one pure module (no
 * imports, nothing that runs at load) shared by the page, the demo backend and the server
 * (server/contract.ts re-exports it). It is in `lib`, the page's lowest layer, so that every
 * layer may import it without pulling a server module into the browser bundle; the demo
 * takes only this table of the APIs' own prefixes from it, no rule of the console.
 */

/** The credential families: Runtime Manager + Access Management, MobileFirst, API Store. */
export type Family = 'arm' | 'mfp' | 'store'

/** What each family is called: on screen, and in the console's server's messages. */
export const FAMILY_NAMES: Readonly<Record<Family, string>> = {
  arm: 'Runtime Manager',
  mfp: 'MobileFirst',
  store: 'API Store',
}

/** Every credential family, in the order the console shows them. */
export const FAMILIES: readonly Family[] = ['arm', 'mfp', 'store']

/** Which family serves each proxied prefix (always with the trailing slash). */
export const FAMILY_PREFIXES: ReadonlyArray<readonly [prefix: string, family: Family]> = [
  ['/accounts/', 'arm'],
  ['/hybrid/', 'arm'],
  ['/mfpadmin/', 'mfp'],
  ['/api/am/', 'store'],
]

export function isFamily(value: unknown): value is Family {
  return value === 'arm' || value === 'mfp' || value === 'store'
}

/** The family whose credentials a same-origin API path needs, or null for any other path. */
export function familyOf(path: string): Family | null {
  for (const [prefix, family] of FAMILY_PREFIXES) if (path.startsWith(prefix)) return family
  return null
}
