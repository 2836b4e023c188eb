import { useSyncExternalStore } from 'react'

/** Below this width lists become stacked rows and the navigation a drawer (styles.css). */
export const PHONE_QUERY = '(max-width: 767.98px)'

/**
 * Whether a media query matches now, re-rendering when it starts or stops matching (a
 * rotated phone, a resized window). False where there is no `matchMedia` (server, old DOM).
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  )
}
