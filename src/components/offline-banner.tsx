import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { isApiError } from '../lib/api-error.ts'
import { useT } from './i18n.tsx'

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

/** An error that means no answer arrived at all (not an HTTP error or a malformed answer). */
function isNetworkError(error: unknown): boolean {
  return isApiError(error) && error.kind === 'network'
}

/**
 * Whether the last request that settled got no answer: `navigator.onLine` says only that
 * the device has a network, not that the backend is reachable (a VPN down, a proxy gone).
 * Read from the query client's caches: a read or a change that fails for want of an answer
 * sets it (each failed try, so it shows before the retries run out), the next answer of
 * any read or change clears it.
 */
export function useUnreachable(): boolean {
  const client = useQueryClient()
  const [unreachable, setUnreachable] = useState(false)
  useEffect(() => {
    // A query's and a mutation's actions alike: 'failed' (one try), 'error' (the last) and
    // 'success' (an answer).
    const onAction = (action: { type: string; error?: unknown }) => {
      if (action.type === 'success') setUnreachable(false)
      else if (
        (action.type === 'failed' || action.type === 'error') &&
        isNetworkError(action.error)
      )
        setUnreachable(true)
    }
    const stopQueries = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated') onAction(event.action)
    })
    const stopMutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated') onAction(event.action)
    })
    return () => {
      stopQueries()
      stopMutations()
    }
  }, [client])
  return unreachable
}

/**
 * A calm line at the top of the content while the browser is offline, or while requests
 * get no answer from the backend: the page, its navigation and what was loaded stay;
 * queries pause or retry and carry on once answers come back (React Query's online
 * manager and retries). A polite live region, so it is announced once without
 * interrupting.
 */
export function OfflineBanner() {
  const online = useOnline()
  const unreachable = useUnreachable()
  const t = useT()
  return (
    <div role="status" aria-live="polite" className="offline-slot">
      {!online ? (
        <div className="alert alert-warn offline-banner">
          <strong>{t('ui.offline.offlineLead')}</strong> {t('ui.offline.offline')}
        </div>
      ) : (
        unreachable && (
          <div className="alert alert-warn offline-banner">
            <strong>{t('ui.offline.unreachableLead')}</strong> {t('ui.offline.unreachable')}
          </div>
        )
      )}
    </div>
  )
}
