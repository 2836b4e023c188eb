import { createElement, useSyncExternalStore, type ComponentType } from 'react'
import { loadArea, type Area } from '../lib/i18n.ts'
import { isChunkLoadError } from '../lib/load-error.ts'
import { CodeNotLoaded } from './route-error-page.tsx'

type Load = () => Promise<ComponentType>

/**
 * A route's `lazy` that never leaves a blank page. react-router renders nothing below a
 * route whose lazy function rejected (it still counts as "not loaded yet"), so a failed
 * import is turned into a component instead: for an unreachable chunk one that says so,
 * loads again by itself when the browser is back online (or on Try again) and then
 * shows the page in place; for any other error one that throws it to the route's error
 * boundary.
 */
export function lazyPage(loadPage: Load, area?: Area): () => Promise<{ Component: ComponentType }> {
  // The area's words load beside its code (docs/decisions/029-languages.md); either failing
  // is a page that could not load.
  const load: Load = area
    ? async () => (await Promise.all([loadPage(), loadArea(area)]))[0]
    : loadPage
  return async () => {
    try {
      return { Component: await load() }
    } catch (error) {
      if (isChunkLoadError(error)) return { Component: reloadingPage(load, error) }
      return { Component: throwing(error) }
    }
  }
}

function throwing(error: unknown): ComponentType {
  return function FailedPage(): never {
    throw error
  }
}

interface LoadState {
  page: ComponentType | null
  loading: boolean
  error: unknown
}

function reloadingPage(load: Load, firstError: unknown): ComponentType {
  // One state per route, outside React: navigating away and back keeps what was loaded.
  let state: LoadState = { page: null, loading: false, error: firstError }
  const listeners = new Set<() => void>()
  const set = (next: LoadState) => {
    state = next
    for (const listener of listeners) listener()
  }
  const tryAgain = () => {
    if (state.page || state.loading) return
    set({ ...state, loading: true })
    load().then(
      (page) => set({ page, loading: false, error: null }),
      (error: unknown) => set({ page: null, loading: false, error }),
    )
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  const snapshot = () => state

  return function PageLoader() {
    const current = useSyncExternalStore(subscribe, snapshot)
    if (current.page) return createElement(current.page)
    if (current.error !== null && !isChunkLoadError(current.error)) throw current.error
    return <CodeNotLoaded onTryAgain={tryAgain} trying={current.loading} />
  }
}
