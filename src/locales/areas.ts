// The console's languages and catalog areas, read by src/lib/i18n.ts and by lingui.config.ts
// (which compiles one catalog per area and language): one list for both.

/** The console's languages, English first (the source every other catalog translates). */
export const LANGUAGES = ['en', 'de', 'ar'] as const

/**
 * A catalog per area, loaded with the area's code: the shell's (`shell`: the layout, the
 * palette, the error pages), the shared components' (`ui`) and the sign-in's (`session`) at
 * boot, a feature's with its route (docs/decisions/029-languages.md). A key starts with its
 * area's name.
 */
export const AREAS = [
  'shell',
  'ui',
  'applications',
  'servers',
  'targets',
  'devices',
  'client-apps',
  'activity',
  'session',
] as const
