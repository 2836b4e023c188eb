import { useSyncExternalStore } from 'react'
import { Navigate, Outlet, useLocation } from 'react-router'
import { paths } from '../lib/paths.ts'
import { getSession, subscribeSession } from '../lib/session-store.ts'

/** Sends a signed-out operator to sign in, remembering where they were going. */
export function RequireSession() {
  const session = useSyncExternalStore(subscribeSession, getSession)
  const location = useLocation()
  if (!session) {
    return <Navigate to={paths.signIn(location.pathname + location.search)} replace />
  }
  return <Outlet />
}
