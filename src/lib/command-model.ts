/**
 * The command palette's model (ADR 026), free of React and of any domain: how a typed
 * query matches and ranks names and how many matches each group shows. The keyboard
 * shortcuts are read by `shortcut-keys.ts` (loaded with the shell; this file loads with
 * the palette).
 */

/** Bidi isolates (`isolateText`) and case do not count when matching. */
const ISOLATES = /[\u2066-\u2069]/g

/** Lower-cased, isolate-free, trimmed text: what matching compares. */
export function normalize(text: string): string {
  return text.replace(ISOLATES, '').trim().toLowerCase()
}

const WORD_START = /[\s\-_./:@]/

/**
 * How well `text` matches `query` (both normalized), 0 for no match. Better first: the
 * whole text, its start, the start of a word in it, anywhere in it (earlier is better),
 * every word of the query somewhere in it, then its letters in order (a typed
 * abbreviation: "ordap" finds "orders-api"). Shorter texts win ties through the caller.
 */
export function matchScore(text: string, query: string): number {
  if (query === '') return 1
  if (text === query) return 1000
  if (text.startsWith(query)) return 900
  const at = text.indexOf(query)
  if (at > 0) {
    const before = text[at - 1] ?? ''
    if (WORD_START.test(before)) return 800
    return 700 - Math.min(at, 100)
  }
  const words = query.split(/\s+/).filter(Boolean)
  if (words.length > 1 && words.every((w) => text.includes(w))) return 500
  return inOrder(text, query) ? 100 : 0
}

function inOrder(text: string, query: string): boolean {
  let from = 0
  for (const char of query) {
    if (char === ' ') continue
    const found = text.indexOf(char, from)
    if (found < 0) return false
    from = found + 1
  }
  return true
}

/** At most this many matches per group: beyond it, the operator types more. */
export const GROUP_LIMIT = 50

/** One group's answer: the best matches in order, and how many matched in all. */
export interface Ranked<T> {
  items: T[]
  total: number
  /** The score of the best match (0 when none; 1 for an empty query). */
  best: number
}

/**
 * The best `limit` matches of `query` among `items` (named by `text`), best first, ties in
 * the shorter and then alphabetical name. One pass and a sort of the matches only, so
 * 10,000 names answer within a keystroke; an empty query keeps the items' own order.
 */
export function rankItems<T>(
  items: readonly T[],
  text: (item: T) => string,
  query: string,
  limit = GROUP_LIMIT,
): Ranked<T> {
  const q = normalize(query)
  if (q === '') return { items: items.slice(0, limit), total: items.length, best: 1 }
  const matches: Array<{ item: T; score: number; name: string }> = []
  for (const item of items) {
    const name = normalize(text(item))
    const score = matchScore(name, q)
    if (score > 0) matches.push({ item, score, name })
  }
  matches.sort(
    (a, b) => b.score - a.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1),
  )
  return {
    items: matches.slice(0, limit).map((m) => m.item),
    total: matches.length,
    best: matches[0]?.score ?? 0,
  }
}

/** A group of the palette before ranking: its heading and everything it could show. */
export interface CommandGroup<T> {
  id: string
  heading: string
  items: readonly T[]
}

/** A group after ranking: only the matches, with the count of all of them. */
export interface RankedGroup<T> extends Ranked<T> {
  id: string
  heading: string
}

/**
 * Ranks every group by `query`, then orders them (`orderGroups`).
 */
export function rankGroups<T>(
  groups: ReadonlyArray<CommandGroup<T>>,
  text: (item: T) => string,
  query: string,
  limit = GROUP_LIMIT,
): RankedGroup<T>[] {
  return orderGroups(
    groups.map((group) => ({
      id: group.id,
      heading: group.heading,
      ...rankItems(group.items, text, query, limit),
    })),
  )
}

/**
 * Drops the ranked groups with no match (an empty group would be a heading over nothing)
 * and puts the group with the best match first, so Enter runs the best match whichever
 * group holds it; groups whose best matches are as good keep their order, and so do all of
 * them for an empty query.
 */
export function orderGroups<G extends Ranked<unknown>>(groups: readonly G[]): G[] {
  return groups.filter((group) => group.items.length > 0).sort((a, b) => b.best - a.best)
}
