import { useSyncExternalStore } from 'react'

/** Below this width lists become stacked rows and the navigation a drawer (styles.css). */
export const PHONE_QUERY = '(max-width: 767.98px)'

/** One store per query, so that a re-render neither subscribes anew nor parses the query. */
interface MediaStore {
  subscribe: (onChange: () => void) => () => void
  matches: () => boolean
}

const stores = new Map<string, MediaStore>()

function mediaStore(query: string): MediaStore {
  const known = stores.get(query)
  if (known) return known
  // Made when first asked for, and again if `matchMedia` itself is replaced (a test's mock).
  let made: { from: typeof window.matchMedia; list: MediaQueryList } | null = null
  const get = () => {
    if (typeof window.matchMedia !== 'function') return null
    if (made?.from !== window.matchMedia)
      made = { from: window.matchMedia, list: window.matchMedia(query) }
    return made.list
  }
  const store: MediaStore = {
    subscribe: (onChange) => {
      const current = get()
      if (!current) return () => undefined
      current.addEventListener('change', onChange)
      return () => current.removeEventListener('change', onChange)
    },
    matches: () => get()?.matches ?? false,
  }
  stores.set(query, store)
  return store
}

/**
 * Whether a media query matches now, re-rendering when it starts or stops matching (a
 * rotated phone, a resized window). False where there is no `matchMedia` (server, old DOM).
 */
export function useMediaQuery(query: string): boolean {
  const store = mediaStore(query)
  return useSyncExternalStore(store.subscribe, store.matches, () => false)
}
