import { i18n, type Messages } from '@lingui/core'
import type Activity from '../locales/en/activity.json'
import type Applications from '../locales/en/applications.json'
import type ClientApps from '../locales/en/client-apps.json'
import type Devices from '../locales/en/devices.json'
import type Servers from '../locales/en/servers.json'
import type Session from '../locales/en/session.json'
import type Shell from '../locales/en/shell.json'
import type Targets from '../locales/en/targets.json'
import type Ui from '../locales/en/ui.json'
import { AREAS, LANGUAGES } from '../locales/areas.ts'

export { AREAS, LANGUAGES }

export type Language = (typeof LANGUAGES)[number]

/** Each language by its own name, as a language menu lists them (not translated). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
  ar: 'العربية',
}

export type Area = (typeof AREAS)[number]

/** Every message id of the English catalogs: `t` takes no other, so a missing key fails the type check. */
export type MessageKey = keyof (typeof Shell &
  typeof Ui &
  typeof Applications &
  typeof Servers &
  typeof Targets &
  typeof Devices &
  typeof ClientApps &
  typeof Activity &
  typeof Session)

/** Values put into a message: text as is, numbers formatted and chosen among plural forms. */
export type MessageValues = Readonly<Record<string, string | number>>

/** The areas whose words the shell shows before any route: its own, the shared components', and the sign-in's (the session prompt and family gates live in the shell). */
const AT_BOOT: readonly Area[] = ['shell', 'ui', 'session']

const STORAGE_KEY = 'runtime-console.language'
const RTL: ReadonlySet<Language> = new Set(['ar'])

// Compiled at build time by @lingui/vite-plugin (`?lingui`): no message parser in the page.
const catalogs = import.meta.glob<{ messages: Messages }>('../locales/*/*.json', {
  query: '?lingui',
})

const loaded = new Map<string, Promise<void>>()
const wanted = new Set<Area>()
const listeners = new Set<() => void>()

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((language) => language === value)
}

/** The first of the browser's languages the console speaks (by primary subtag), else English. */
export function browserLanguage(
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0]
    if (isLanguage(primary)) return primary
  }
  return 'en'
}

/** The language the operator chose (remembered in this browser), or the browser's. */
export function preferredLanguage(): Language {
  let stored: string | null = null
  try {
    stored = localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage refused (privacy mode): the browser's language.
  }
  return isLanguage(stored) ? stored : browserLanguage()
}

/** The language the console is showing now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.locale) ? i18n.locale : 'en'
}

/** Whether a language is written right to left. */
export function isRightToLeft(language: Language): boolean {
  return RTL.has(language)
}

async function ensure(language: Language, areas: Iterable<Area>): Promise<void> {
  await Promise.all([...areas].map((area) => loadCatalog(language, area)))
}

// One load per language and area, shared by everyone who asks while it is on its way; a
// failed load is forgotten so that the next ask (Try again, back online) loads it anew.
function loadCatalog(language: Language, area: Area): Promise<void> {
  const key = `${language}/${area}`
  const known = loaded.get(key)
  if (known) return known
  const load = catalogs[`../locales/${key}.json`]
  if (!load) return Promise.reject(new Error(`No ${language} catalog for ${area}`))
  const loading = load().then(
    ({ messages }) => i18n.load(language, messages),
    (error: unknown) => {
      loaded.delete(key)
      throw error
    },
  )
  loaded.set(key, loading)
  return loading
}

function applyToPage(language: Language): void {
  if (typeof document === 'undefined') return
  document.documentElement.lang = language
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr'
}

/**
 * Loads an area's catalog in the current language (a route calls it beside its module's
 * import); it is then loaded again in every language the operator switches to.
 */
export async function loadArea(area: Area): Promise<void> {
  wanted.add(area)
  await ensure(currentLanguage(), [area])
}

/**
 * Shows the console in `language`: loads every catalog in use, then switches at once (no
 * half-translated page), sets the page's `lang` and `dir` (so the MobileFirst `locale`
 * follows, see api/device-admin/locale.ts), and remembers the choice when `remember`.
 */
export async function setLanguage(language: Language, { remember = true } = {}): Promise<void> {
  for (const area of AT_BOOT) wanted.add(area)
  // Again while areas were added during the wait (a route opened mid-switch), so that
  // none is shown in the language left behind.
  let count = -1
  while (count !== wanted.size) {
    count = wanted.size
    await ensure(language, wanted)
  }
  i18n.activate(language)
  applyToPage(language)
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language)
    } catch {
      // Not remembered; still shown.
    }
  }
  for (const listener of listeners) listener()
}

/** Calls `listener` after every language switch; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * A message in the current language. Outside React (toasts, titles built in handlers) call
 * it when the text is needed, never at module scope, so a switch of language reaches it.
 */
export function t(key: MessageKey, values?: MessageValues): string {
  return i18n._(key, values)
}

export { i18n }
