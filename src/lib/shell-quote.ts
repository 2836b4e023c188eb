/**
 * A credential the console never shows: the reader supplies it as a shell variable of
 * this name (`TOKEN`, `CLIENT_SECRET`, ...).
 */
export interface ShellVariable {
  readonly variable: string
}

/**
 * Text as it goes into a shell command: literal data, and placeholders for the console's
 * own credentials. Keeping the two apart (instead of writing `$TOKEN` into a string) is
 * what lets data that happens to read `$TOKEN` stay literal.
 */
export type ShellText = ReadonlyArray<string | ShellVariable>

const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/

/**
 * One shell word holding exactly `value`, whatever it contains: single quotes, inside
 * which a POSIX shell expands nothing (`$`, backticks, `\`, `!` and newlines stay literal);
 * a single quote in the value closes, escapes and reopens (`'\''`).
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Characters that mean something inside double quotes, or to interactive bash (`!`). */
const DOUBLE_QUOTE_ACTIVE = /["$`\\!]/

/**
 * One shell word for text with credential placeholders: literal parts are never
 * expandable, only the placeholders are. When no literal part holds a character that is
 * active inside double quotes, the whole word is double-quoted for readability
 * (`"Authorization: Bearer $TOKEN"`); otherwise literal parts are single-quoted and
 * concatenated with `"$VARIABLE"` (`'{"password":"'"$PASSWORD"'"}'`).
 */
export function shellQuoteText(text: ShellText): string {
  for (const part of text) {
    if (typeof part !== 'string' && !VARIABLE_NAME.test(part.variable))
      throw new Error(`Not a shell variable name: ${part.variable}`)
  }
  if (text.every((part) => typeof part === 'string')) return shellQuote(text.join(''))
  const readable = text.every((part) => typeof part !== 'string' || !DOUBLE_QUOTE_ACTIVE.test(part))
  if (readable) {
    const words = text.map((part, i) => {
      if (typeof part === 'string') return part
      // Braces where a name character follows, which would otherwise lengthen the name.
      const next = text[i + 1]
      return typeof next === 'string' && /^[A-Za-z0-9_]/.test(next)
        ? `\${${part.variable}}`
        : `$${part.variable}`
    })
    return `"${words.join('')}"`
  }
  return text
    .filter((part) => part !== '')
    .map((part) => (typeof part === 'string' ? shellQuote(part) : `"$${part.variable}"`))
    .join('')
}
