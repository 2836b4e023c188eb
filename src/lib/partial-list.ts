import * as z from 'zod/mini'
import { isRead, readerFor, UNREAD } from './fast-parse.ts'
import { problemOf, type IssueProblem } from './record-issue.ts'

/**
 * One problem with a record: where in it (`status`, `addresses.0.ip`; empty for the record
 * itself) and what, as data that `issueText` words in the language shown.
 */
export interface RecordIssue {
  path: string
  problem: IssueProblem
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
        path: issue.path.map(String).join('.'),
        problem: problemOf(issue, value),
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
