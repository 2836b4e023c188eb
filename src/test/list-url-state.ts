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
