import { expect } from 'vitest'
import {
  decodeListParams,
  encodeListParams,
  type ListParams,
  type ListParamSchema,
} from '../lib/list-params.ts'

/**
 * A list's URL state both ways: the search `read` decodes as `as`, which encodes back as
 * `writes`; and an empty search reads as the defaults, which write nothing (defaults stay
 * out of the URL). Returns what `read` decoded.
 */
export function expectUrlState<S extends ListParamSchema>(
  schema: S,
  { read, as, writes }: { read: string; as: ListParams<S>; writes: string },
): ListParams<S> {
  const params = decodeListParams(schema, new URLSearchParams(read))
  expect(params).toEqual(as)
  expect(encodeListParams(schema, params).toString()).toBe(writes)
  expect(encodeListParams(schema, decodeListParams(schema, new URLSearchParams())).toString()).toBe(
    '',
  )
  return params
}

/** One row of `expectUrlStates`: a search, what it reads as over the defaults, what it writes. */
export type UrlStateRow<S extends ListParamSchema> = readonly [
  read: string,
  as: Partial<ListParams<S>>,
  writes: string,
]

/**
 * A list's URL state as a table, a row a parameter in the schema's order (unknown and
 * unreadable values in `read` included): each row's search reads as the defaults with its
 * `as` over them and writes back as `writes`; all the rows' searches together read as all
 * their values and write all their `writes` in that order; the defaults write nothing.
 */
export function expectUrlStates<S extends ListParamSchema>(
  schema: S,
  rows: readonly UrlStateRow<S>[],
): void {
  const defaults = decodeListParams(schema, new URLSearchParams())
  expect(encodeListParams(schema, defaults).toString()).toBe('')
  const together: UrlStateRow<S> = [
    rows.map(([read]) => read).join('&'),
    rows.reduce<Partial<ListParams<S>>>((values, [, as]) => ({ ...values, ...as }), {}),
    rows
      .map(([, , writes]) => writes)
      .filter(Boolean)
      .join('&'),
  ]
  for (const [read, as, writes] of [...rows, together]) {
    const params = decodeListParams(schema, new URLSearchParams(read))
    // The row's search beside both halves: a failure says which row.
    expect({ read, params, writes: encodeListParams(schema, params).toString() }).toEqual({
      read,
      params: { ...defaults, ...as },
      writes,
    })
  }
}
