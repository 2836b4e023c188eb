import * as z from 'zod/mini'

/** What a reader returns for a value it does not vouch for: zod then decides. */
export const UNREAD: unique symbol = Symbol('unread')

/**
 * Reads a value the way its zod schema would, for the plain shapes of the APIs' records,
 * or returns `UNREAD`. Never an answer zod would not give: a value it is not sure of
 * (a missing key, a string check, a coercion, a schema kind it does not know) is left to
 * zod, which also words the problem.
 */
export type Reader = (value: unknown) => unknown

/**
 * Whether a reader read `got` (it is then what `schema` outputs for the value: the reader
 * returns nothing else). A predicate rather than a cast, so the type follows the schema.
 */
export function isRead<T>(got: unknown, _schema: z.ZodMiniType<T>): got is T {
  return got !== UNREAD
}

const readers = new WeakMap<z.core.$ZodType, Reader | null>()

/**
 * A reader for `schema`, made once per schema; null when the schema holds a kind this
 * module does not read (transforms, pipes, string formats, checks other than a minimum
 * length, defaults ...): every record then goes through zod.
 *
 * Why (docs/decisions/031-list-records-read-without-allocations.md): zod's object parse
 * allocates a result and an issue list for every field of every record, and the JIT that
 * avoids part of that needs `new Function`, which the console's CSP forbids. On 10,000
 * applications that was ~60 ms of parse and ~40 ms of garbage collection before the
 * first row, most of it spent on records that were fine.
 */
export function readerFor(schema: z.core.$ZodType): Reader | null {
  const known = readers.get(schema)
  if (known !== undefined) return known
  const made = build(schema)
  readers.set(schema, made)
  return made
}

function plain(def: z.core.$ZodTypeDef & { coerce?: boolean }): boolean {
  return (def.checks === undefined || def.checks.length === 0) && def.coerce !== true
}

/**
 * The least length a string's checks ask for, when they are all minimum lengths (an id
 * that may not be empty); null for any other check, which is zod's.
 */
function leastLength(def: z.core.$ZodTypeDef & { coerce?: boolean }): number | null {
  if (def.coerce === true) return null
  let least = 0
  for (const check of def.checks ?? []) {
    if (!(check instanceof z.core.$ZodCheckMinLength)) return null
    least = Math.max(least, check._zod.def.minimum)
  }
  return least
}

/**
 * Whether the schema is exactly one of zod's base kinds, not a kind built on one: zod's
 * own `instanceof` also answers true for those (an email is a `$ZodString` that checks
 * itself, an exclusive or discriminated union a `$ZodUnion`, an exact optional a
 * `$ZodOptional`), and each adds its own rule. A base kind has two core traits: its own
 * and `$ZodType`.
 */
function baseKind(schema: z.core.$ZodType): boolean {
  let core = 0
  for (const trait of schema._zod.traits) if (trait.startsWith('$')) core++
  return core === 2
}

function build(schema: z.core.$ZodType): Reader | null {
  if (!baseKind(schema)) return null
  const def = schema._zod.def
  if (schema instanceof z.core.$ZodString) {
    const least = leastLength(def)
    if (least === null) return null
    // zod counts code points, not UTF-16 units: a string of at least twice the least
    // length in units (or any non-empty one, for a least length of 1) has enough of them;
    // a shorter one is zod's to count.
    const enough = least <= 1 ? least : least * 2
    return (value) => (typeof value === 'string' && value.length >= enough ? value : UNREAD)
  }
  if (!plain(def)) return null
  if (schema instanceof z.core.$ZodNumber) {
    return (value) => (typeof value === 'number' && Number.isFinite(value) ? value : UNREAD)
  }
  if (schema instanceof z.core.$ZodBoolean) {
    return (value) => (typeof value === 'boolean' ? value : UNREAD)
  }
  if (schema instanceof z.core.$ZodUnknown) return (value) => value
  if (schema instanceof z.core.$ZodEnum || schema instanceof z.core.$ZodLiteral) {
    const values: ReadonlySet<unknown> | undefined = schema._zod.values
    if (values === undefined) return null
    return (value) => (values.has(value) ? value : UNREAD)
  }
  if (schema instanceof z.core.$ZodOptional) {
    // A default inside is applied to a missing value: zod's.
    if (schema._zod.def.innerType._zod.optin === 'defaulted') return null
    const inner = readerFor(schema._zod.def.innerType)
    if (!inner) return null
    return (value) => (value === undefined ? undefined : inner(value))
  }
  if (schema instanceof z.core.$ZodNullable) {
    const inner = readerFor(schema._zod.def.innerType)
    if (!inner) return null
    return (value) => (value === null ? null : inner(value))
  }
  if (schema instanceof z.core.$ZodUnion) {
    const options = schema._zod.def.options.map((option) => readerFor(option))
    const all = options.filter((option) => option !== null)
    if (all.length !== options.length) return null
    return (value) => {
      for (const option of all) {
        const read = option(value)
        if (read !== UNREAD) return read
      }
      return UNREAD
    }
  }
  if (schema instanceof z.core.$ZodArray) {
    const element = readerFor(schema._zod.def.element)
    if (!element) return null
    return (value) => {
      if (!Array.isArray(value)) return UNREAD
      const out: unknown[] = new Array<unknown>(value.length)
      for (let i = 0; i < value.length; i++) {
        const read = element(value[i])
        if (read === UNREAD) return UNREAD
        out[i] = read
      }
      return out
    }
  }
  if (schema instanceof z.core.$ZodRecord) {
    const { keyType, valueType } = schema._zod.def
    // Keys that are any string; an enumerated or checked key type is zod's.
    if (!(keyType instanceof z.core.$ZodString) || !plain(keyType._zod.def)) return null
    if (keyType._zod.values !== undefined) return null
    const element = readerFor(valueType)
    if (!element) return null
    return (value) => {
      if (!isPlainRecord(value)) return UNREAD
      // zod reads symbol keys too (and refuses them as keys): its to say.
      if (Object.getOwnPropertySymbols(value).length > 0) return UNREAD
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(value)) {
        if (key === '__proto__') return UNREAD
        const read = element(value[key])
        if (read === UNREAD) return UNREAD
        out[key] = read
      }
      return out
    }
  }
  if (schema instanceof z.core.$ZodObject) {
    // Only an object that drops unknown keys (zod's default); loose and strict are zod's.
    if (schema._zod.def.catchall !== undefined) return null
    const fields: Array<{ key: string; read: Reader; optional: boolean }> = []
    for (const [key, field] of Object.entries(schema._zod.def.shape)) {
      if (key === '__proto__') return null
      const read = readerFor(field)
      if (!read) return null
      const { optin, optout } = field._zod
      if (optin === 'defaulted') return null
      fields.push({ key, read, optional: optin === 'optional' && optout === 'optional' })
    }
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNREAD
      const out: Record<string, unknown> = {}
      for (const { key, read, optional } of fields) {
        if (!(key in value)) {
          // An absent optional key stays absent; any other absence is zod's to word.
          if (optional) continue
          return UNREAD
        }
        const got = read(Reflect.get(value, key))
        if (got === UNREAD) return UNREAD
        out[key] = got
      }
      return out
    }
  }
  return null
}

/** zod's test for a record's input: an object whose prototype is Object's (or none). */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
