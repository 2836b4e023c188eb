import { createContext, use, useSyncExternalStore } from 'react'
import type { DemoControls } from '../demo/start-browser.ts'
import type { SignInPreset } from '../features/session/sign-in-forms.tsx'

/** The running demo backend's controls, or null in live mode. */
export const DemoContext = createContext<DemoControls | null>(null)

export function useDemo(): DemoControls | null {
  return use(DemoContext)
}

const SUMMARIES: Record<string, string> = {
  Administrator: 'Everything: register and unregister servers, deploy, delete.',
  Operator: 'Read everything; start, stop and redeploy applications; device app status.',
  Monitor: 'Read only.',
}

/** The demo identities offered by the sign-in forms, when the demo backend runs. */
export function useDemoPresets(): SignInPreset[] | undefined {
  const demo = useDemo()
  return demo?.identities.map((i) => ({
    role: i.role,
    clientId: i.clientId,
    clientSecret: i.clientSecret,
    summary: SUMMARIES[i.role] ?? '',
  }))
}

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
