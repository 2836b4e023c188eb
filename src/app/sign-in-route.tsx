import { SignInPage } from '../features/session/sign-in-page.tsx'
import { useDemoPresets } from './demo-context.ts'

/** The sign-in page, offering the demo identities when the demo backend runs. */
export function SignInRoute() {
  return <SignInPage presets={useDemoPresets()} />
}
