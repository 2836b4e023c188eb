import { lazy, Suspense, useSyncExternalStore } from 'react'

// sonner (its code and stylesheet) stays out of the first visit: the sign-in page shows no
// toast. The toaster mounts once the signed-in shell loads or a toast is first asked for
// here; sonner replays the toasts already open to a toaster that mounts after them.
const ThemedToaster = lazy(async () => ({
  default: (await import('./themed-toaster.tsx')).ThemedToaster,
}))

let wanted = false
const listeners = new Set<() => void>()

/** Mounts the toaster (loading sonner) if it is not there yet; call it before a toast may be shown. */
export function showToasts(): void {
  if (wanted) return
  wanted = true
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Where toasts appear, once `showToasts` has been called. */
export function Toasts() {
  const shown = useSyncExternalStore(subscribe, () => wanted)
  if (!shown) return null
  return (
    <Suspense fallback={null}>
      <ThemedToaster />
    </Suspense>
  )
}
