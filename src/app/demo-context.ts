import { createContext, use } from 'react'
import { describeScopes } from '../api/permissions.ts'
import type { DemoControls } from '../demo/start-browser.ts'
import type { SignInPreset } from '../features/session/sign-in-forms.tsx'

/** The running demo backend's controls, or null in live mode. */
export const DemoContext = createContext<DemoControls | null>(null)

export function useDemo(): DemoControls | null {
  return use(DemoContext)
}

/** The demo identities offered by the sign-in forms, when the demo backend runs. */
export function useDemoPresets(): SignInPreset[] | undefined {
  const demo = useDemo()
  return demo?.identities.map((i) => ({
    role: i.role,
    clientId: i.clientId,
    clientSecret: i.clientSecret,
    summary: describeScopes(i.scopes),
  }))
}
