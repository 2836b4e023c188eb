import * as z from 'zod/mini'

/**
 * A list's URL state, one field per search parameter: each field decodes the parameter's
 * text (or its absence) to a value and encodes the value back, `undefined` for the default
 * so URLs stay short. A value that does not read falls back to the default (`z.catch`): an
 * old bookmark or a hand-edited URL shows the list, never an error.
 */
export type ListParamField<T> = z.ZodMiniType<T, string | undefined>

/** The shape of a list's URL state: search parameter name → field. */
export type ListParamShape = Record<string, ListParamField<unknown>>

/** A list's URL state declared once (`z.object` of fields). */
export type ListParamSchema<S extends ListParamShape = ListParamShape> = z.ZodMiniObject<S>

/** The decoded values of a list's URL state. */
export type ListParams<S extends ListParamSchema> = z.output<S>

/** Sort by a table column, `desc` for descending (`?sort=-name`). */
export interface SortValue {
  id: string
  desc: boolean
}

const urlText = z.optional(z.string())

function field<T>(
  out: z.ZodMiniType<T, T>,
  fallback: NoInfer<T>,
  decode: (text: string | undefined) => T,
  encode: (value: T) => string | undefined,
): ListParamField<T> {
  return z.catch(z.codec(urlText, out, { decode, encode }), fallback)
}

/** Free text (a search box); `trim` drops surrounding spaces when read. */
export function textParam({ trim = false }: { trim?: boolean } = {}): ListParamField<string> {
  return field(
    z.string(),
    '',
    (text) => (trim ? (text ?? '').trim() : (text ?? '')),
    (value) => (value === '' ? undefined : value),
  )
}

/** One of `values`, or `fallback` (the first value unless given) when absent or unknown. */
export function choiceParam<const V extends string>(
  values: readonly V[],
  fallback: NoInfer<V> | '' = '',
): ListParamField<V | ''> {
  const isValue = (text: string): text is V => values.some((v) => v === text)
  return field<V | ''>(
    z.custom<V | ''>((v) => v === fallback || (typeof v === 'string' && isValue(v))),
    fallback,
    (text) => (text !== undefined && isValue(text) ? text : fallback),
    (value) => (value === fallback ? undefined : value),
  )
}

/**
 * A comma-separated set (`?status=RUNNING,CREATED`). With `values`, unknown entries are
 * dropped one by one; without, any non-empty entry is kept.
 */
export function listParam<const V extends string>(values?: readonly V[]): ListParamField<V[]> {
  const keep = (entry: string): entry is V =>
    entry !== '' && (values === undefined || values.some((v) => v === entry))
  return field<V[]>(
    z.custom<V[]>((v) => Array.isArray(v) && v.every((e) => typeof e === 'string' && keep(e))),
    [],
    (text) => (text ?? '').split(',').filter(keep),
    (value) => (value.length === 0 ? undefined : value.join(',')),
  )
}

/** A table sort among `keys` (`?sort=-updated`); anything else is the default sort. */
export function sortParam(
  keys: readonly string[],
  fallback: SortValue = { id: 'name', desc: false },
): ListParamField<SortValue> {
  return field(
    z.object({ id: z.string(), desc: z.boolean() }),
    fallback,
    (text) => {
      const raw = text ?? ''
      const desc = raw.startsWith('-')
      const id = desc ? raw.slice(1) : raw
      return keys.includes(id) ? { id, desc } : fallback
    },
    (value) =>
      value.id === fallback.id && value.desc === fallback.desc
        ? undefined
        : `${value.desc ? '-' : ''}${value.id}`,
  )
}

/** A numeric id (`?target=12`), or null when absent or not a whole number. */
export function idParam(): ListParamField<number | null> {
  return field(
    z.nullable(z.number()),
    null,
    (text) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : null),
    (value) => (value === null ? undefined : String(value)),
  )
}

/** A 1-based page number (`?page=3`); anything unreadable is the first page. */
export function pageParam(): ListParamField<number> {
  return field(
    z.number(),
    1,
    (text) => (text !== undefined && /^\d{1,6}$/.test(text) ? Math.max(1, Number(text)) : 1),
    (value) => (value > 1 ? String(value) : undefined),
  )
}

/** A calendar day (`?from=2026-03-01`), or '' when absent or not a YYYY-MM-DD date. */
export function dayParam(): ListParamField<string> {
  return field(
    z.string(),
    '',
    (text) => {
      const day = (text ?? '').trim()
      return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : ''
    },
    (value) => (value === '' ? undefined : value),
  )
}

/** Where a field lives in the URL when that differs from its key (a kind's own filter). */
export type ListParamNames<S extends ListParamSchema> = Partial<Record<keyof z.output<S>, string>>

function urlName(key: string, names: Partial<Record<string, string>> | undefined): string {
  return names?.[key] ?? key
}

/** Reads a list's state from the URL: every field present, defaults where absent or invalid. */
export function decodeListParams<S extends ListParamSchema>(
  schema: S,
  search: URLSearchParams,
  names?: ListParamNames<S>,
): ListParams<S> {
  const raw: Record<string, string | undefined> = {}
  for (const key of Object.keys(schema.def.shape))
    raw[key] = search.get(urlName(key, names)) ?? undefined
  return z.parse(schema, raw)
}

/**
 * Writes a list's state into `base` (kept as it is otherwise: parameters the list does not
 * own, like a panel's, stay), leaving defaults out so URLs stay short.
 */
export function encodeListParams<S extends ListParamSchema>(
  schema: S,
  values: ListParams<S>,
  base: URLSearchParams = new URLSearchParams(),
  names?: ListParamNames<S>,
): URLSearchParams {
  const out = new URLSearchParams(base)
  const shape: ListParamShape = schema.def.shape
  const given: Record<string, unknown> = values
  // The list's own parameters follow the others, always in the schema's order.
  for (const key of Object.keys(shape)) out.delete(urlName(key, names))
  for (const [key, fieldSchema] of Object.entries(shape)) {
    // A value this list cannot hold (another kind's filter) is written as its default.
    const encoded = z.safeEncode(fieldSchema, given[key])
    if (encoded.success && typeof encoded.data === 'string')
      out.append(urlName(key, names), encoded.data)
  }
  return out
}
