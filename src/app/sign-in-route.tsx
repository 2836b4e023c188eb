import { SignInPage } from '../features/session/sign-in-page.tsx'
import { useDemo } from './demo-context.ts'

const SUMMARIES: Record<string, string> = {
  Administrator: 'Everything: register and unregister servers, deploy, delete.',
  Operator: 'Read everything; start, stop and redeploy applications; device app status.',
  Monitor: 'Read only.',
}

/** The sign-in page, offering the demo identities when the demo backend runs. */
export function SignInRoute() {
  const demo = useDemo()
  const presets = demo?.identities.map((i) => ({
    role: i.role,
    clientId: i.clientId,
    clientSecret: i.clientSecret,
    summary: SUMMARIES[i.role] ?? '',
  }))
  return <SignInPage presets={presets} />
}
