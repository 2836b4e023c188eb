import { t } from './i18n.ts'

/**
 * Names joined for a sentence, cut after `max` so a confirmation about 16 applications
 * stays readable: "a, b, c, and 13 more" (the language's words for the rest).
 */
export function listText(names: readonly string[], max = 6): string {
  const first = names.slice(0, max).join(', ')
  if (names.length <= max) return first
  return t('ui.bulk.andMore', { names: first, count: names.length - max })
}
