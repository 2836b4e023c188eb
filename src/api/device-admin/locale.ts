/**
 * The console's language: the `lang` of the page (what the console is written in), with
 * the browser's region when the browser speaks that language (`en` + `en-GB` → `en-GB`).
 * With no page language, the browser's. A translated console only has to set `lang`.
 */
export function consoleLanguage(): string {
  const page = typeof document !== 'undefined' ? document.documentElement.lang.trim() : ''
  const browser =
    typeof navigator !== 'undefined' ? (navigator.languages?.[0] ?? navigator.language ?? '') : ''
  if (!page) return browser
  if (!/[-_]/.test(page) && browser.toLowerCase().startsWith(`${page.toLowerCase()}-`))
    return browser
  return page
}

/**
 * The console's language in the form the device administration API's `locale`
 * parameter takes (`de_DE`, `en_US`, `fr`), so the server's messages come back in it.
 * Falls back to `en_US` where there is no language at all.
 */
export function mfpLocale(language: string = consoleLanguage()): string {
  const [first = '', ...rest] = language.trim().split(/[-_]/)
  if (!/^[A-Za-z]{2,3}$/.test(first)) return 'en_US'
  // The region is the first two-letter or three-digit subtag (a script such as Hant is skipped).
  const region = rest.find((part) => /^(?:[A-Za-z]{2}|\d{3})$/.test(part))
  const lang = first.toLowerCase()
  return region ? `${lang}_${region.toUpperCase()}` : lang
}
