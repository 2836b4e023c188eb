import { useEffect, useRef, useState } from 'react'

/**
 * The text of a URL-bound search box while the operator types. It lives in component
 * state and is written to the URL once typing pauses (`delayMs`), so a keystroke
 * re-renders the page alone instead of navigating (the router, every route above the
 * page and a synchronous render with the new filter). The URL stays the source of truth:
 * when it changes by other means (Back, "Clear filters", a link) the box shows the URL's
 * value and a pending write is dropped. The one debounce of the list pages: a list
 * filtered in the page filters by the text at once, a list searched by the server asks
 * once typing pauses.
 *
 * Returns the text to show and filter by, a setter for the input's `onChange`, and
 * `discard` for actions that replace the URL themselves.
 */
export function useSearchDraft(
  urlValue: string,
  write: (value: string) => void,
  delayMs = 300,
): [text: string, setText: (value: string) => void, discard: () => void] {
  const [draft, setDraft] = useState<{ text: string; typedOver: string } | null>(null)
  // A draft counts only while the URL still holds what it was typed over.
  const live = draft !== null && draft.typedOver === urlValue ? draft : null
  useAfterPause(live, delayMs, live?.text === '', (typed) => {
    if (typed !== null && typed.text !== urlValue) write(typed.text)
  })
  return [
    live ? live.text : urlValue,
    (value) => setDraft({ text: value, typedOver: urlValue }),
    () => setDraft(null),
  ]
}

/**
 * Search text once typing pauses, for a list searched by the server whose URL takes every
 * key: one request per pause, not one per keystroke. Clearing the search answers at once.
 * Both this and `useSearchDraft` wait through `useAfterPause`.
 */
export function useSettledText(text: string, delayMs = 250): string {
  const [settled, setSettled] = useState(text)
  useAfterPause(text, delayMs, false, setSettled)
  return text === '' ? text : settled
}

/**
 * The one debounce: calls `settle` with `value` once it has stayed the same for `delayMs`
 * (on the next tick when `now`); a newer value cancels the pending call. `settle` is the
 * latest one given, and runs in a timer, outside React's render and effects.
 */
function useAfterPause<T>(value: T, delayMs: number, now: boolean, settle: (value: T) => void) {
  const settleRef = useRef(settle)
  useEffect(() => {
    settleRef.current = settle
  })
  useEffect(() => {
    const timer = setTimeout(() => settleRef.current(value), now ? 0 : delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs, now])
}
