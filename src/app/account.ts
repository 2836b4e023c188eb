import { useQuery } from '@tanstack/react-query'
import { accountQueries } from '../api/runtime-manager/account.ts'

const LAST_ENV_KEY = 'runtime-console.last-environment'

/** The signed-in identity and its organization's environments (read only when `enabled`). */
export function useAccount(enabled = true) {
  const me = useQuery({ ...accountQueries.me(), enabled })
  const orgId = me.data?.user.organization.id
  const environments = useQuery({
    ...accountQueries.environments(orgId ?? ''),
    enabled: orgId !== undefined,
  })
  return { me, environments }
}

export function rememberEnvironment(envId: string): void {
  localStorage.setItem(LAST_ENV_KEY, envId)
}

export function lastEnvironment(): string | null {
  return localStorage.getItem(LAST_ENV_KEY)
}
