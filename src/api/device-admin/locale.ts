/**
 * The console's language in the form the device administration API's `locale`
 * parameter takes (`de_DE`, `en_US`, `fr`), so the server's messages come back in it.
 * Falls back to `en_US` where there is no browser language.
 */
export function mfpLocale(language?: string): string {
  const tag =
    language ?? (typeof navigator !== 'undefined' && navigator.language ? navigator.language : '')
  const [first = '', ...rest] = tag.trim().split(/[-_]/)
  if (!/^[A-Za-z]{2,3}$/.test(first)) return 'en_US'
  // The region is the first two-letter or three-digit subtag (a script such as Hant is skipped).
  const region = rest.find((part) => /^(?:[A-Za-z]{2}|\d{3})$/.test(part))
  const lang = first.toLowerCase()
  return region ? `${lang}_${region.toUpperCase()}` : lang
}
