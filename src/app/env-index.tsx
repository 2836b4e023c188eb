import { Navigate } from 'react-router'

/** `/env/:envId` opens the environment's first section. */
export function EnvIndex() {
  return <Navigate to="servers" replace />
}
