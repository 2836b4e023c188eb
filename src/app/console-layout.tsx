import { useQueryClient } from '@tanstack/react-query'
import { DropdownMenu } from 'radix-ui'
import { useEffect, useMemo } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router'
import { ConsoleContext, type ConsoleContextValue } from '../components/console-context.tsx'
import { ErrorPanel } from '../components/error-panel.tsx'
import { LoadingState } from '../components/states.tsx'
import { consoleMode } from '../lib/config.ts'
import { paths } from '../lib/paths.ts'
import { endSession } from '../lib/session-store.ts'
import { rememberEnvironment, useAccount } from './account.ts'
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme.ts'

const SECTIONS = [
  { label: 'Servers', to: paths.servers },
  { label: 'Server groups', to: paths.serverGroups },
  { label: 'Clusters', to: paths.clusters },
  { label: 'Applications', to: paths.applications },
  { label: 'Devices', to: paths.devices },
  { label: 'Client applications', to: paths.clientApps },
  { label: 'Activity', to: paths.activity },
] as const

/** Header, navigation and the environment every page below works in. */
export function ConsoleLayout() {
  const { envId = '' } = useParams()
  const { me, environments } = useAccount()
  const environment = environments.data?.find((e) => e.id === envId)

  const value = useMemo<ConsoleContextValue | null>(() => {
    if (!me.data || !environments.data || !environment) return null
    return {
      me: me.data,
      environments: environments.data,
      environment,
      scope: { orgId: me.data.user.organization.id, envId: environment.id },
    }
  }, [me.data, environments.data, environment])

  const knownEnvId = environment?.id
  useEffect(() => {
    if (knownEnvId) rememberEnvironment(knownEnvId)
  }, [knownEnvId])

  const failed = me.error ?? environments.error
  let body
  if (failed) {
    body = (
      <ErrorPanel
        error={failed}
        title="Could not load your organization and environments"
        onRetry={() => void (me.error ? me.refetch() : environments.refetch())}
        retrying={me.isFetching || environments.isFetching}
      />
    )
  } else if (!me.data || !environments.data) {
    body = <LoadingState label="Loading your organization…" />
  } else if (!environment) {
    body = (
      <div className="state">
        <h1>Environment not found</h1>
        <p>
          No environment with the id <code>{envId}</code> exists in {me.data.user.organization.name}
          .
        </p>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {environments.data.map((e) => (
            <li key={e.id}>
              <Link to={paths.servers(e.id)}>Open {e.name}</Link>
            </li>
          ))}
        </ul>
      </div>
    )
  } else {
    body = <Outlet />
  }

  return (
    <div className="shell">
      <header className="shell-header">
        <Link to={paths.home()} className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          Runtime Console
        </Link>
        {environments.data && environment && (
          <EnvironmentSwitcher current={environment.id} environments={environments.data} />
        )}
        {consoleMode === 'demo' && <span className="badge-demo">Demo data</span>}
        <span className="header-spacer" />
        {me.data && (
          <IdentityMenu
            name={me.data.user.username}
            client={me.data.client?.name ?? me.data.client?.client_id}
            org={me.data.user.organization.name}
          />
        )}
      </header>
      <nav className="shell-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.label}>
              <NavLink to={section.to(envId)}>{section.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main" id="main">
        {value ? <ConsoleContext value={value}>{body}</ConsoleContext> : body}
      </main>
    </div>
  )
}

function EnvironmentSwitcher({
  current,
  environments,
}: {
  current: string
  environments: ConsoleContextValue['environments']
}) {
  const navigate = useNavigate()
  const location = useLocation()
  return (
    <select
      aria-label="Environment"
      value={current}
      onChange={(event) => {
        // Keep the section, drop ids: a server id of one environment means nothing in another.
        const section = location.pathname.split('/')[3] ?? 'servers'
        navigate(`${paths.environment(event.target.value)}/${section}`)
      }}
    >
      {environments.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
          {e.isProduction ? ' (production)' : ''}
        </option>
      ))}
    </select>
  )
}

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light theme' },
  { value: 'dark', label: 'Dark theme' },
]

function IdentityMenu({ name, client, org }: { name: string; client?: string; org: string }) {
  const theme = useThemeChoice()
  const queryClient = useQueryClient()
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button type="button" className="btn btn-ghost">
          <span className="visually-hidden">Account: </span>
          <span>{name}</span>
          {client && <span className="muted">· {client}</span>}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu-label">{org}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(v) => setThemeChoice(v === 'light' || v === 'dark' ? v : 'system')}
          >
            {THEMES.map((t) => (
              <DropdownMenu.RadioItem key={t.value} value={t.value} className="menu-item">
                <span aria-hidden="true">{theme === t.value ? '●' : '○'}</span>
                {t.label}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator style={{ height: 1, background: 'var(--border)', margin: 4 }} />
          <DropdownMenu.Item
            className="menu-item"
            onSelect={() => {
              endSession('signed-out')
              queryClient.clear()
            }}
          >
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
