import { useCallback, useMemo } from 'react'
import type * as z from 'zod/mini'
import { useSearchParams } from 'react-router'
import {
  decodeListParams,
  encodeListParams,
  type ListParamNames,
  type ListParams,
  type ListParamSchema,
} from '../lib/list-params.ts'
import { useSearchDraft } from '../lib/use-search-draft.ts'

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

/**
 * `useListParams` for a list filtered in the page with a search box (`q`): the box's text
 * filters at once and reaches the URL when typing pauses (`useSearchDraft`, ADR 010).
 * `filters` is the URL state with the typed text, the same object while its content is
 * the same: the URL catching up with the text filters nothing again. `clear` also drops
 * the text being typed.
 */
export function useListSearch<S extends ListParamSchema>(
  schema: S & z.ZodMiniType<{ q: string }>,
  names?: ListParamNames<S>,
  {
    draft = true,
  }: {
    /**
     * false: each key is written to the URL at once (replace, `flushSync`), so a reload or
     * a link followed right after typing keeps the text. true: the URL follows when typing
     * pauses (a list whose navigation per key is too dear, ADR 010).
     */
    draft?: boolean
  } = {},
) {
  const { params, set, clear } = useListParams(schema, names)
  const withText = (q: string): ListParams<S> => ({ ...params, q })
  // The URL's text of the search, as its field writes it.
  const urlText = encodeListParams(schema, params, undefined, names).get(names?.q ?? 'q') ?? ''
  const [draftText, setDraftText, discardText] = useSearchDraft(urlText, (q) => set(withText(q)))
  const text = draft ? draftText : urlText
  const setText = draft ? setDraftText : (q: string) => set(withText(q))
  const filterKey = encodeListParams(schema, withText(text), undefined, names).toString()
  const filters = useMemo(
    () => decodeListParams(schema, new URLSearchParams(filterKey), names),
    [schema, filterKey, names],
  )
  return {
    params,
    set,
    text,
    setText,
    filters,
    /** Whether anything filters the list (the text or a field other than the sort). */
    filtered: [...new URLSearchParams(filterKey).keys()].some((key) => key !== 'sort'),
    clear: () => {
      discardText()
      clear()
    },
  }
}
