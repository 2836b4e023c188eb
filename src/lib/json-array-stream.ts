/**
 * Reading a large JSON answer while it arrives (ADR 027). A list of 10,000 applications is
 * about 10 MB of JSON that takes a few hundred milliseconds to arrive; parsing it only
 * once the last byte is in puts all of the parse after all of the download. Split into
 * its records as the text comes, each record is parsed (and checked, see `onRecord`) while
 * the next ones are still on the wire, and what is left at the end is the last chunk.
 *
 * The result is exactly what `JSON.parse` of the whole text gives: each record is a JSON
 * value of its own (JSON has no context), and the rest of the object around the array is
 * parsed as it is with an empty array in its place. Whatever the splitter does not
 * recognise (no such array, a duplicate key, text that is not JSON) is parsed the plain
 * way from the whole text, so a malformed answer fails exactly as before.
 */

const QUOTE = 34 // "
const BACKSLASH = 92 // \
const OPEN_BRACE = 123 // {
const CLOSE_BRACE = 125 // }
const OPEN_BRACKET = 91 // [
const CLOSE_BRACKET = 93 // ]
const COMMA = 44 // ,
const COLON = 58 // :

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

/**
 * Splits the text of a JSON object, pushed in pieces of any size, into the records of the
 * array under one of its top-level keys (`{ "data": [ ... ] }`): each complete record comes
 * out as its own JSON text as soon as its last character is in. The text around the array
 * is kept (`outside()`), with `[]` where the array was. It checks structure only as far as
 * it needs to: the records and the rest are parsed by `JSON.parse`, which judges them.
 */
export class JsonArraySplitter {
  readonly #key: string
  #phase: 'before' | 'array' | 'after' | 'broken' = 'before'
  /** Nesting at the scan position: 1 inside the top-level object, 2 inside the array. */
  #depth = 0
  #inString = false
  /** The last character read was a backslash inside a string. */
  #escape = false
  /** Before the array: where the string being read starts in `#outside` + the piece. */
  #stringStart = -1
  /** Before the array: the last string closed at depth 1, and whether a colon followed. */
  #lastString: string | null = null
  #isKey = false
  /** The current record's text from earlier pieces (it is still open). */
  #record = ''
  #recordOpen = false
  /** In the array, what may come next: the first record or `]`, a record, `,` or `]`. */
  #expect: 'first' | 'record' | 'separator' = 'first'
  #outside = ''

  constructor(key: string) {
    this.#key = key
  }

  /** Adds the next piece of text; returns the records it completed, in order. */
  push(piece: string): string[] {
    const records: string[] = []
    let from = 0 // start of the part of `piece` not yet kept anywhere
    let recordStart = this.#recordOpen ? 0 : -1
    const n = piece.length
    for (let i = 0; i < n; i++) {
      if (this.#phase === 'broken') return records
      if (this.#inString) {
        // Most of the text is in strings: jump from quote to quote (indexOf is native)
        // and look back only at the backslashes right before each.
        if (this.#escape) {
          this.#escape = false
          continue // the escaped character
        }
        const end = closingQuote(piece, i)
        if (end === -1) {
          let slashes = 0
          for (let j = n - 1; j >= i && piece.charCodeAt(j) === BACKSLASH; j--) slashes++
          this.#escape = slashes % 2 === 1
          break
        }
        this.#inString = false
        if (this.#phase === 'before' && this.#depth === 1) {
          this.#lastString = (this.#outside + piece.slice(from, end)).slice(this.#stringStart + 1)
          this.#isKey = false
        }
        i = end
        continue
      }
      const code = piece.charCodeAt(i)
      if (isSpace(code)) continue
      if (this.#phase === 'array' && this.#depth === 2) {
        if (this.#recordOpen && (code === COMMA || code === CLOSE_BRACKET)) {
          // The end of a record that is not an object, an array or a string.
          records.push(this.#record + piece.slice(recordStart, i))
          this.#record = ''
          this.#recordOpen = false
          recordStart = -1
          this.#expect = 'separator'
        }
        if (code === COMMA || code === CLOSE_BRACKET) {
          // `[,`, `,,` and `,]` are not JSON: left to the plain parse to say so.
          if (this.#expect === 'record' || (this.#expect === 'first' && code === COMMA)) {
            this.#phase = 'broken'
            return records
          }
          this.#expect = 'record'
          if (code === CLOSE_BRACKET) {
            this.#phase = 'after'
            this.#depth = 1
            this.#outside += ']'
            from = i + 1
          }
          continue
        }
        if (!this.#recordOpen) {
          if (this.#expect === 'separator') {
            this.#phase = 'broken' // two records with no comma between
            return records
          }
          this.#recordOpen = true
          recordStart = i
        }
      }
      if (code === QUOTE) {
        this.#inString = true
        if (this.#phase === 'before') this.#stringStart = this.#outside.length + (i - from)
        continue
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) {
        if (this.#depth === 0 && code !== OPEN_BRACE) {
          this.#phase = 'broken' // not an object
          return records
        }
        if (
          this.#phase === 'before' &&
          this.#depth === 1 &&
          code === OPEN_BRACKET &&
          this.#isKey &&
          this.#lastString === this.#key
        ) {
          this.#phase = 'array'
          this.#outside += piece.slice(from, i + 1)
          from = n // nothing of the array is kept outside it
        }
        this.#depth++
        continue
      }
      if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        this.#depth--
        if (this.#depth < 0) {
          this.#phase = 'broken'
          return records
        }
        if (this.#phase === 'array' && this.#depth === 2 && this.#recordOpen) {
          records.push(this.#record + piece.slice(recordStart, i + 1))
          this.#record = ''
          this.#recordOpen = false
          recordStart = -1
          this.#expect = 'separator'
        }
        continue
      }
      if (this.#phase !== 'array' && this.#depth === 1) {
        if (code === COLON) this.#isKey = this.#lastString !== null
        else if (code === COMMA) this.#lastString = null
      }
    }
    if (this.#phase === 'array') {
      if (this.#recordOpen) this.#record += piece.slice(recordStart)
    } else if (this.#phase !== 'broken') {
      this.#outside += piece.slice(from)
    }
    return records
  }

  /**
   * The text around the array, with `[]` in its place, once all of it is in; null when
   * the text was not an object holding one array under the key, or did not end. A second
   * array under the same key (JSON.parse keeps the last) is left to a plain parse.
   */
  outside(): string | null {
    if (this.#phase !== 'after' || this.#depth !== 0 || this.#inString) return null
    const named = topLevelKeys(this.#outside).filter((key) => key === this.#key)
    return named.length === 1 ? this.#outside : null
  }
}

/**
 * The keys of the top-level object in `text` as JSON.parse reads them (escapes decoded):
 * a key could be spelt `"d\u0061ta"`. Only for the short text around a list's array.
 */
function topLevelKeys(text: string): string[] {
  const keys: string[] = []
  let depth = 0
  let last: string | null = null
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === QUOTE) {
      let end = i + 1
      while (end < text.length && text.charCodeAt(end) !== QUOTE) {
        end += text.charCodeAt(end) === BACKSLASH ? 2 : 1
      }
      last = depth === 1 ? text.slice(i, end + 1) : null
      i = end
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--
    else if (code === COLON && depth === 1 && last !== null) {
      try {
        const key: unknown = JSON.parse(last)
        if (typeof key === 'string') keys.push(key)
      } catch {
        keys.push('') // not a key JSON reads: the whole text fails the plain parse anyway
      }
      last = null
    } else if (!isSpace(code)) last = null
  }
  return keys
}

/**
 * The first quote at or after `from` that is not escaped (an even run of backslashes
 * before it, counted back no further than `from`), or -1.
 */
function closingQuote(text: string, from: number): number {
  let q = text.indexOf('"', from)
  while (q !== -1) {
    let slashes = 0
    for (let j = q - 1; j >= from && text.charCodeAt(j) === BACKSLASH; j--) slashes++
    if (slashes % 2 === 0) return q
    q = text.indexOf('"', q + 1)
  }
  return -1
}

/** What `readJsonStreaming` does with each record as it is parsed. */
export interface StreamedArray {
  /** The top-level key of the array (`data`). */
  key: string
  /** Called with each record as soon as it is parsed, in order (to check it early). */
  onRecord: (value: unknown) => void
}

/**
 * The JSON of `response`'s body, read as it arrives: the records of the array under
 * `stream.key` are parsed one by one while the rest is still coming (each passed to
 * `stream.onRecord`). Returns what `JSON.parse` of the whole text returns; a body that is
 * not an object with such an array is parsed from its whole text by `parseText`, as a
 * plain read would. A failure while reading rejects as `response.text()` would.
 */
export async function readJsonStreaming(
  response: Response,
  stream: StreamedArray,
  parseText: (text: string) => unknown,
): Promise<unknown> {
  const body = response.body
  if (body === null) return parseText(await response.text())
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const splitter = new JsonArraySplitter(stream.key)
  const pieces: string[] = []
  const records: unknown[] = []
  let recordsOk = true
  const take = (texts: string[]) => {
    if (!recordsOk) return
    for (const text of texts) {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch {
        recordsOk = false
        return
      }
      records.push(value)
      stream.onRecord(value)
    }
  }
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    const piece = decoder.decode(value, { stream: true })
    pieces.push(piece)
    take(splitter.push(piece))
  }
  const tail = decoder.decode()
  if (tail) {
    pieces.push(tail)
    take(splitter.push(tail))
  }
  const outside = recordsOk ? splitter.outside() : null
  if (outside !== null) {
    try {
      const whole: unknown = JSON.parse(outside)
      if (whole !== null && typeof whole === 'object' && !Array.isArray(whole)) {
        Reflect.set(whole, stream.key, records)
        return whole
      }
    } catch {
      // Not JSON after all: the plain parse below says what it is.
    }
  }
  return parseText(pieces.join(''))
}
