import { createContext, use } from 'react'
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
