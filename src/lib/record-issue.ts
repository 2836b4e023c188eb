import type * as z from 'zod/mini'

/**
 * What was found where an answer broke its schema, kept as data so that it is worded in
 * the language shown when it is shown (a list's rejected records are read once and may be
 * looked at after a switch of language). No wording here: the api schemas that read lists
 * (`partialArray`) are shared with the production server, which loads no catalogs.
 */
export type Found =
  | { kind: 'nothing' | 'null' | 'array' | 'object' }
  /** A string, as JSON and cut at 40 characters. */
  | { kind: 'text'; text: string }
  /** A number or a boolean as written, or the JavaScript type of anything else. */
  | { kind: 'value'; text: string }

/** One form a union accepts, as its branch said when the value did not match it. */
export type Alternative =
  | { kind: 'type'; type: string }
  | { kind: 'format'; format: string }
  | { kind: 'values'; values: string }

/** One problem zod reported, as data: `issueText` (issue-text.ts) words it. */
export type IssueProblem =
  | { code: 'missing'; expected: string }
  | { code: 'type'; expected: string; found: Found }
  | { code: 'value'; values: string; found: Found }
  | { code: 'tooSmall' | 'tooBig'; limit: string; characters: boolean }
  | { code: 'format'; format: string; found: Found }
  /** A value that matched none of a union's forms; no alternatives when a form is not one value (an object). */
  | { code: 'union'; alternatives: Alternative[]; found: Found }
  /** A check's own message (a refinement), shown as the schema wrote it. */
  | { code: 'other'; message: string }

/** The value at `path` in `value` (an issue's path), or undefined where there is none. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = Reflect.get(at, key)
  }
  return at
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/** What `value` is, for an operator reading why a record was left out. */
function foundOf(value: unknown): Found {
  if (value === undefined) return { kind: 'nothing' }
  if (value === null) return { kind: 'null' }
  if (Array.isArray(value)) return { kind: 'array' }
  if (typeof value === 'string') return { kind: 'text', text: shortJson(value) }
  if (typeof value === 'number' || typeof value === 'boolean')
    return { kind: 'value', text: String(value) }
  if (typeof value === 'object') return { kind: 'object' }
  return { kind: 'value', text: typeof value }
}

/** What one branch of a union wanted, when it failed at the value itself. */
function alternativeOf(issue: z.core.$ZodIssue | undefined): Alternative | null {
  if (!issue || issue.path.length > 0) return null
  switch (issue.code) {
    case 'invalid_type':
      return { kind: 'type', type: issue.expected }
    case 'invalid_format':
      return { kind: 'format', format: issue.format }
    case 'invalid_value':
      return { kind: 'values', values: issue.values.map((v) => shortJson(v)).join(', ') }
    default:
      return null
  }
}

/**
 * The problem of one zod issue of parsing `parsed`, with the value found at the issue's
 * path. zod/mini carries no messages of its own (only "Invalid input"), so the issue's code
 * and the value say it.
 */
export function problemOf(issue: z.core.$ZodIssue, parsed: unknown): IssueProblem {
  const found = valueAt(parsed, issue.path)
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined
        ? { code: 'missing', expected: issue.expected }
        : { code: 'type', expected: issue.expected, found: foundOf(found) }
    case 'invalid_value':
      return {
        code: 'value',
        values: issue.values.map((v) => shortJson(v)).join(', '),
        found: foundOf(found),
      }
    case 'too_small':
      return {
        code: 'tooSmall',
        limit: String(issue.minimum),
        characters: issue.origin === 'string',
      }
    case 'too_big':
      return { code: 'tooBig', limit: String(issue.maximum), characters: issue.origin === 'string' }
    case 'invalid_format':
      return { code: 'format', format: issue.format, found: foundOf(found) }
    case 'invalid_union': {
      const alternatives = issue.errors.map((branch) => alternativeOf(branch[0]))
      return {
        code: 'union',
        alternatives: alternatives.every((a) => a !== null) ? alternatives : [],
        found: foundOf(found),
      }
    }
    default:
      return { code: 'other', message: issue.message }
  }
}
