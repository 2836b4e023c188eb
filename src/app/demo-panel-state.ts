import { useSyncExternalStore } from 'react'

// Whether the Demo controls panel is open: the panel owns it, and the account menu opens it
// too (on a phone the panel's floating button would cover list rows, so it is hidden there).
let demoPanelOpen = false
let demoPanelOpener: HTMLElement | null = null
const demoPanelListeners = new Set<() => void>()

/**
 * Opens or closes the Demo controls panel from anywhere in the shell. `opener` is where
 * focus goes back on close when the panel was opened from a menu (its item is gone by then).
 */
export function setDemoPanelOpen(open: boolean, opener: HTMLElement | null = null): void {
  if (open) demoPanelOpener = opener
  if (open === demoPanelOpen) return
  demoPanelOpen = open
  for (const listener of demoPanelListeners) listener()
}

/** The control the panel was opened from through a menu, once (null: the usual focus return). */
export function takeDemoPanelOpener(): HTMLElement | null {
  const opener = demoPanelOpener
  demoPanelOpener = null
  return opener?.isConnected ? opener : null
}

/** Whether the Demo controls panel is open (re-renders when it opens or closes). */
export function useDemoPanelOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      demoPanelListeners.add(listener)
      return () => demoPanelListeners.delete(listener)
    },
    () => demoPanelOpen,
    () => false,
  )
}
