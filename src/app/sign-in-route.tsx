import { useCallback } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { SignInPage } from '../features/session/sign-in-page.tsx'
import { safeReturnTo } from '../lib/paths.ts'
import { useDemoPresets } from './demo-context.ts'

/** The sign-in page, offering the demo identities when the demo backend runs. */
export function SignInRoute() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const leave = useCallback((to: string) => void navigate(to, { replace: true }), [navigate])
  return (
    <SignInPage
      presets={useDemoPresets()}
      returnTo={safeReturnTo(params.get('returnTo'))}
      leave={leave}
    />
  )
}
