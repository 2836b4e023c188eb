/**
 * The simulated host's reading of one pasted command line, as a POSIX shell would split
 * it into words: single quotes (nothing special inside), double quotes (backslash escapes
 * only `$`, backtick, `"`, `\` and newline), backslash outside quotes, and backslash-newline
 * as a line continuation. What a real shell would treat as a second command, a
 * redirection, a substitution, a variable or a comment is refused rather than guessed at:
 * the host runs exactly one command with literal arguments, or nothing.
 */
export function shellWords(
  line: string,
): { ok: true; words: string[] } | { ok: false; reason: string } {
  const words: string[] = []
  let word: string | null = null
  let i = 0
  const refuse = (what: string) => ({
    ok: false as const,
    reason: `The simulated host runs one command with plain arguments; it does not run ${what}.`,
  })
  while (i < line.length) {
    const c = line.charAt(i)
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return { ok: false, reason: 'A single quote is not closed.' }
      word = (word ?? '') + line.slice(i + 1, end)
      i = end + 1
    } else if (c === '"') {
      let text = ''
      i++
      for (;;) {
        if (i >= line.length) return { ok: false, reason: 'A double quote is not closed.' }
        const d = line.charAt(i)
        if (d === '"') break
        if (d === '$' || d === '`') return refuse('substitutions or variables')
        if (d === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line.charAt(i + 1))) {
          if (line.charAt(i + 1) !== '\n') text += line.charAt(i + 1)
          i += 2
        } else {
          text += d
          i++
        }
      }
      word = (word ?? '') + text
      i++
    } else if (c === '\\') {
      if (i + 1 >= line.length) return { ok: false, reason: 'The command ends with a backslash.' }
      if (line.charAt(i + 1) !== '\n') word = (word ?? '') + line.charAt(i + 1)
      i += 2
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word)
      word = null
      i++
    } else if (c === '\n' || c === '\r') {
      // Trailing line breaks of a paste are harmless; one between words starts a second command.
      if (line.slice(i).trim() !== '') return refuse('a second command')
      break
    } else if (';&|'.includes(c)) return refuse('a second command')
    else if ('<>'.includes(c)) return refuse('redirections')
    else if ('$`'.includes(c)) return refuse('substitutions or variables')
    else if ('()'.includes(c)) return refuse('subshells')
    else if (c === '#' && word === null) return refuse('comments')
    else if ('*?[~{'.includes(c)) return refuse('patterns or expansions')
    else {
      word = (word ?? '') + c
      i++
    }
  }
  if (word !== null) words.push(word)
  return { ok: true, words }
}
