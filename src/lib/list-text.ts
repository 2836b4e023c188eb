/**
 * Names joined for a sentence, cut after `max` so a confirmation about 16 applications
 * stays readable: "a, b, c and 13 more".
 */
export function listText(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(', ')
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`
}
