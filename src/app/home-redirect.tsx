import { Navigate } from 'react-router'
import { ErrorPanel } from '../components/error-panel.tsx'
import { useT } from '../components/i18n.tsx'
import { EmptyState, LoadingState } from '../components/states.tsx'
import { FamilyGate, useFamilyReady } from '../features/session/family-gate.tsx'
import { isTransientError } from '../lib/outcome.ts'
import { paths } from '../lib/paths.ts'
import { lastEnvironment, useAccount } from './account.ts'

/** `/` opens the environment used last, or the organization's first one. */
export function HomeRedirect() {
  // Live mode: which environments there are is Runtime Manager's to say; until it is
  // signed in (another family may be), its sign-in is asked for here, in place.
  const armReady = useFamilyReady('arm')
  const t = useT()
  const { me, environments } = useAccount(armReady)
  if (!armReady) {
    return (
      <main className="shell-main">
        <FamilyGate family="arm">{null}</FamilyGate>
      </main>
    )
  }
  const failed = me.error ?? environments.error
  // The environment used last needs no lookup: open it, and its shell (navigation, the
  // environment) stays while the organization is read again.
  const last = lastEnvironment()
  if (failed && last && isTransientError(failed))
    return <Navigate to={paths.servers(last)} replace />
  if (failed) {
    return (
      <main className="shell-main">
        <ErrorPanel
          error={failed}
          title={t('shell.home.failed')}
          onRetry={() => void (me.error ? me.refetch() : environments.refetch())}
          retrying={me.isFetching || environments.isFetching}
        />
      </main>
    )
  }
  if (!environments.data) return <LoadingState label={t('shell.layout.loadingOrganization')} />
  const envs = environments.data.items
  const preferred = envs.find((e) => e.id === last) ?? envs[0]
  if (!preferred)
    return (
      <EmptyState title={t('shell.home.noEnvironments')}>
        {t('shell.home.noEnvironmentsHint')}
      </EmptyState>
    )
  return <Navigate to={paths.servers(preferred.id)} replace />
}
