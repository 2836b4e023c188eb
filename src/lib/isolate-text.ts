/**
 * API text where only text can go (an `<option>`, a `title`, a sentence built as a string):
 * wrapped in U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE, the plain-text
 * form of `<bdi>`, so a right-to-left override in it cannot reorder the console's words
 * around it.
 */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`
}
