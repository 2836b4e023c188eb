/**
 * The three API families the demo serves and the same-origin prefixes they answer on
 * (ARCHITECTURE.md, API-CONTRACTS.md section 4). The demo keeps its own table instead of
 * the console's, so a wrong prefix in the console fails against the demo.
 */
export type DemoFamily = 'arm' | 'mfp' | 'store'

const FAMILY_PREFIXES: ReadonlyArray<readonly [prefix: string, family: DemoFamily]> = [
  ['/accounts/', 'arm'],
  ['/hybrid/', 'arm'],
  ['/mfpadmin/', 'mfp'],
  ['/api/am/', 'store'],
]

/** The family whose credentials a same-origin API path needs, or null for any other path. */
export function familyOfPath(pathname: string): DemoFamily | null {
  for (const [prefix, family] of FAMILY_PREFIXES) if (pathname.startsWith(prefix)) return family
  return null
}

/** True for a path of one of the APIs; everything else is not the demo's business. */
export function isApiPath(pathname: string): boolean {
  return familyOfPath(pathname) !== null
}
