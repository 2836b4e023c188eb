import * as z from 'zod/mini'
import { isRead, readerFor, UNREAD } from './fast-parse.ts'

/** One problem with a record: where in it (`status`, `addresses.0.ip`) and what. */
export interface RecordIssue {
  path: string
  message: string
}

/** A record of a list answer that did not match its schema, left out of the list. */
export interface RejectedRecord {
  /** Position in the answer's array (0-based). */
  index: number
  /** The record's own id, when it has a readable one. */
  id?: string
  issues: RecordIssue[]
}

/** The records of a list that could be read, and what was left out and why. */
export interface PartialList<T> {
  items: T[]
  rejected: RejectedRecord[]
}

/** Fields that name a record in the three APIs, in order of preference. */
const DEFAULT_ID_KEYS = ['id', 'applicationId', 'name']

function idOf(value: unknown, keys: readonly string[]): string | undefined {
  if (value === null || typeof value !== 'object') return undefined
  for (const key of keys) {
    const id: unknown = Reflect.get(value, key)
    if ((typeof id === 'string' && id !== '') || typeof id === 'number') return String(id)
  }
  return undefined
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined
    at = Reflect.get(at, key)
  }
  return at
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the text ${shortJson(value)}`
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return `a${typeof value === 'object' ? 'n' : ''} ${typeof value}`
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/**
 * What is wrong, for an operator: zod/mini carries no messages of its own (only
 * "Invalid input"), so the issue's code and the value found say it.
 */
function describeIssue(issue: z.core.$ZodIssue, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined
        ? `missing (expected ${issue.expected})`
        : `expected ${issue.expected}, found ${kindOf(found)}`
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => shortJson(v)).join(', ')}, found ${kindOf(found)}`
    case 'too_small':
      return `too small: at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters' : ''}`
    case 'too_big':
      return `too big: at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`
    case 'invalid_format':
      return `not a valid ${issue.format}: found ${kindOf(found)}`
    default:
      return issue.message
  }
}

/**
 * Parses each element of `values` on its own against `item`: one malformed record is
 * left out and reported instead of failing the whole list (the operator still sees and
 * acts on the rest). `idKeys` are the fields tried, in order, to name a rejected record.
 */
export function parseEach<T>(
  item: z.ZodMiniType<T>,
  values: readonly unknown[],
  idKeys: readonly string[] = DEFAULT_ID_KEYS,
): PartialList<T> {
  const items: T[] = []
  const rejected: RejectedRecord[] = []
  const read = readerFor(item)
  values.forEach((value, index) => {
    // A record the plain reader vouches for is read without zod's allocations (ADR 031);
    // zod reads the rest and words what is wrong with them.
    const got = read === null ? UNREAD : read(value)
    if (isRead(got, item)) {
      items.push(got)
      return
    }
    const parsed = z.safeParse(item, value)
    if (parsed.success) {
      items.push(parsed.data)
      return
    }
    const id = idOf(value, idKeys)
    rejected.push({
      index,
      ...(id === undefined ? {} : { id }),
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(the record itself)',
        message: describeIssue(issue, valueAt(value, issue.path)),
      })),
    })
  })
  return { items, rejected }
}

/**
 * A schema for a JSON array whose records are parsed one by one (see `parseEach`). The
 * array itself is still required: an answer that is not an array at all fails as a whole.
 */
export function partialArray<T>(item: z.ZodMiniType<T>, idKeys?: readonly string[]) {
  return z.pipe(
    z.array(z.unknown()),
    z.transform((values): PartialList<T> => parseEach(item, values, idKeys)),
  )
}
