import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import {
  decodeListParams,
  encodeListParams,
  type ListParamNames,
  type ListParams,
  type ListParamSchema,
} from '../lib/list-params.ts'

/** How a change reaches the history. */
export interface ListParamsWrite {
  /**
   * 'replace' (the default) for typing, a filter or a sort: one history entry per list,
   * written with `flushSync` so a controlled input never renders a stale value and fast
   * typing keeps every key. 'push' for navigation (another page, a lookup): Back returns.
   */
  history?: 'replace' | 'push'
}

/**
 * A list page's URL state, declared once as a schema (`lib/list-params`): the values
 * (defaults where a parameter is absent or unreadable), `set` for a change of some of them
 * and `clear` for all of them back to their defaults. Both keep the parameters the list
 * does not own (a panel's on the same page). `names` maps a field to another parameter.
 */
export function useListParams<S extends ListParamSchema>(
  schema: S,
  names?: ListParamNames<S>,
): {
  params: ListParams<S>
  set: (change: Partial<ListParams<S>>, write?: ListParamsWrite) => void
  clear: () => void
} {
  const [searchParams, setSearchParams] = useSearchParams()
  const params = useMemo(
    () => decodeListParams(schema, searchParams, names),
    [schema, searchParams, names],
  )
  // Each write reads the URL it changes (not this render's), so a change made from a
  // memoised table or a pending search draft never undoes another that came before it.
  const set = useCallback(
    (change: Partial<ListParams<S>>, { history = 'replace' }: ListParamsWrite = {}) =>
      setSearchParams(
        (current) =>
          encodeListParams(
            schema,
            { ...decodeListParams(schema, current, names), ...change },
            current,
            names,
          ),
        history === 'push' ? {} : { replace: true, flushSync: true },
      ),
    [schema, names, setSearchParams],
  )
  const clear = useCallback(
    () => set(decodeListParams(schema, new URLSearchParams())),
    [schema, set],
  )
  return { params, set, clear }
}
