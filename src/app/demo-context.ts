import { createContext, use } from 'react'
import type { DemoControls } from '../demo/start-browser.ts'

/** The running demo backend's controls, or null in live mode. */
export const DemoContext = createContext<DemoControls | null>(null)

export function useDemo(): DemoControls | null {
  return use(DemoContext)
}
