import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/** Whether the browser says it has a network connection (re-renders when that changes). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )
}

/**
 * A calm line at the top of the content while the browser is offline: the page, its
 * navigation and what was loaded stay; queries pause and carry on once the connection is
 * back (React Query's online manager). A polite live region, so it is announced once
 * without interrupting.
 */
export function OfflineBanner() {
  const online = useOnline()
  return (
    <div role="status" aria-live="polite" className="offline-slot">
      {!online && (
        <div className="alert alert-warn offline-banner">
          <strong>You are offline.</strong> The console shows what it last loaded and refreshes when
          the connection is back.
        </div>
      )}
    </div>
  )
}
