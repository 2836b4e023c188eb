import { ApiText } from '../components/api-text.tsx'
import { isolateText } from '../lib/isolate-text.ts'
import { useQueryClient } from '@tanstack/react-query'
import { Dialog, DropdownMenu } from 'radix-ui'
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router'
import { ConsoleContext, type ConsoleContextValue } from '../components/console-context.tsx'
import { ErrorPanel } from '../components/error-panel.tsx'
import { createPageCommandRegistry, PageCommandsProvider } from '../components/page-commands.tsx'
import { RejectedRecords } from '../components/rejected-records.tsx'
import { OfflineBanner } from '../components/offline-banner.tsx'
import { LoadingState } from '../components/states.tsx'
import { PHONE_QUERY } from '../components/use-media-query.ts'
import { consoleMode } from '../lib/config.ts'
import { isTransientError } from '../lib/outcome.ts'
import { paths } from '../lib/paths.ts'
import { FAMILY_NAMES, useSignOut } from '../api/console/session.ts'
import {
  FamilyGate,
  useFamilyReady,
  useFamilyViews,
  type FamilyView,
} from '../features/session/family-gate.tsx'
import { askSignIn, endSession, FAMILIES, type Family } from '../lib/session-store.ts'
import { rememberEnvironment, useAccount } from './account.ts'
import { PaletteLauncher } from './palette/palette-launcher.tsx'
import { useDemo } from './demo-context.ts'
import { setDemoPanelOpen } from './demo-panel-state.ts'
import { LanguageMenuItems } from './language-menu.tsx'
import { Msg, useT } from '../components/i18n.tsx'
import type { MessageKey } from '../lib/i18n.ts'
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme.ts'
import { showToasts } from './toasts.tsx'
import { preloadTooltip } from '../components/tooltip.tsx'
import { preloadSessionPrompt } from '../features/session/session-prompt.tsx'
import { preloadListReads, preloadSection, startSectionRead, type Section } from './routes.tsx'

// What the sign-in page leaves out of the first visit (ADR 027), the signed-in shell loads
// as its own code does: the toaster (its pages' outcomes are toasts), the tooltips' code
// (so that a denied button has its tooltip from its first render) and the dialog that asks
// for a lost sign-in (so that it opens at once).
showToasts()
preloadTooltip().catch(() => undefined)
preloadSessionPrompt().catch(() => undefined)
// And the modules of the reads the Servers and Applications routes start.
preloadListReads()

const SECTIONS: ReadonlyArray<{
  label: MessageKey
  to: (envId: string) => string
  section: Section
}> = [
  { label: 'shell.areas.servers', to: paths.servers, section: 'servers' },
  { label: 'shell.areas.serverGroups', to: paths.serverGroups, section: 'server-groups' },
  { label: 'shell.areas.clusters', to: paths.clusters, section: 'clusters' },
  { label: 'shell.areas.applications', to: paths.applications, section: 'applications' },
  { label: 'shell.areas.devices', to: paths.devices, section: 'devices' },
  { label: 'shell.areas.clientApps', to: paths.clientApps, section: 'client-apps' },
  { label: 'shell.areas.activity', to: paths.activity, section: 'activity' },
]

/** Which family's sign-in a section's pages need (the shell itself needs Runtime Manager). */
function familyOfSection(section: string | undefined): Family {
  if (section === 'devices') return 'mfp'
  if (section === 'client-apps') return 'store'
  return 'arm'
}

/** Header, navigation and the environment every page below works in. */
export function ConsoleLayout() {
  const { envId = '' } = useParams()
  const location = useLocation()
  const t = useT()
  // Live mode: the organization and environments come from Runtime Manager; until it is
  // signed in, its sign-in takes the page's place (and nothing asks it for anything).
  const armReady = useFamilyReady('arm')
  const families = useFamilyViews()
  const { me, environments } = useAccount(armReady)
  const environment = environments.data?.items.find((e) => e.id === envId)

  const value = useMemo<ConsoleContextValue | null>(() => {
    if (!me.data || !environments.data || !environment) return null
    return {
      me: me.data,
      environments: environments.data.items,
      environment,
      scope: { orgId: me.data.user.organization.id, envId: environment.id },
    }
  }, [me.data, environments.data, environment])

  // The pages' commands, offered by the palette in the header (ADR 026).
  const [commands] = useState(createPageCommandRegistry)

  const knownEnvId = environment?.id
  useEffect(() => {
    if (knownEnvId) rememberEnvironment(knownEnvId)
  }, [knownEnvId])

  // A failed refresh of what is already here (a 401 whose sign-in was put off, say) keeps
  // the page: only a first load that failed has nothing to show.
  const failed = (me.data ? null : me.error) ?? (environments.data ? null : environments.error)
  let body
  if (!armReady) {
    body = <FamilyGate family="arm">{null}</FamilyGate>
  } else if (failed) {
    body = (
      <>
        <ErrorPanel
          error={failed}
          title={t('shell.layout.accountFailed')}
          onRetry={() => void (me.error ? me.refetch() : environments.refetch())}
          retrying={me.isFetching || environments.isFetching}
        />
        {isTransientError(failed) && (
          <p className="muted" role="status">
            {t('shell.layout.retryingByItself')}
          </p>
        )}
      </>
    )
  } else if (!me.data || !environments.data) {
    body = <LoadingState label={t('shell.layout.loadingOrganization')} />
  } else if (!environment) {
    body = (
      <div className="state">
        <h1>{t('shell.environment.notFoundTitle')}</h1>
        <p>
          <Msg
            id="shell.environment.notFoundSentence"
            values={{
              id: (
                <code>
                  <ApiText>{envId}</ApiText>
                </code>
              ),
              organization: me.data.user.organization.name,
            }}
          />
        </p>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {environments.data.items.map((e) => (
            <li key={e.id}>
              <Link to={paths.servers(e.id)}>
                <Msg id="shell.environment.open" values={{ name: e.name }} />
              </Link>
            </li>
          ))}
        </ul>
      </div>
    )
  } else {
    body = (
      <FamilyGate family={familyOfSection(location.pathname.split('/')[3])}>
        <Outlet />
      </FamilyGate>
    )
  }

  return (
    <div className="shell">
      {/* First in the tab order: past the header and the navigation to the page. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        {t('shell.layout.skipLink')}
      </a>
      <header className="shell-header">
        <NavDrawer envId={envId} />
        <Link to={paths.home()} className="brand" aria-label={t('shell.layout.homeLabel')}>
          {/* The mark drawn in the page (public/favicon.svg's): an <img> of it made the
              page parse a separate SVG document, ~10 ms of its thread on a first load. */}
          <svg viewBox="0 0 32 32" width={22} height={22} aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="#1f6feb" />
            <path
              d="M8 10h16M8 16h16M8 22h10"
              stroke="#fff"
              strokeWidth="3"
              strokeLinecap="round"
            />
          </svg>
          <span className="brand-name">Runtime Console</span>
        </Link>
        {environments.data && environment ? (
          <EnvironmentSwitcher current={environment.id} environments={environments.data.items} />
        ) : (
          // Until the environments are read (or while they cannot be), say which one the
          // address names instead of leaving a gap where the picker goes. The id is the
          // address's own (one token), so the sentence stays one text.
          <span className="muted">
            {t(failed ? 'shell.environment.unavailable' : 'shell.environment.named', { id: envId })}
          </span>
        )}
        {consoleMode === 'demo' && (
          // Two wordings, not "Demo" plus a word: a narrow header shows the short one.
          <span className="badge-demo">
            <span className="badge-demo-short">{t('shell.layout.demoBadgeShort')}</span>
            <span className="badge-demo-more">{t('shell.layout.demoBadge')}</span>
          </span>
        )}
        <span className="header-spacer" />
        <PaletteLauncher envId={envId} console={value} commands={commands} />
        {(me.data || families) && (
          <IdentityMenu
            name={me.data?.user.username ?? t('shell.account.notSignedIn')}
            client={me.data?.client?.name ?? me.data?.client?.client_id}
            org={me.data?.user.organization.name}
            families={families}
          />
        )}
      </header>
      <nav className="shell-nav" aria-label={t('shell.nav.label')}>
        <SectionLinks envId={envId} />
      </nav>
      <main className="shell-main" id="main" tabIndex={-1}>
        <OfflineBanner />
        <RejectedRecords
          rejected={environments.data?.rejected}
          noun={['environment', 'environments']}
        />
        <PageCommandsProvider registry={commands}>
          {value ? <ConsoleContext value={value}>{body}</ConsoleContext> : body}
        </PageCommandsProvider>
      </main>
    </div>
  )
}

function SectionLinks({ envId, onFollow }: { envId: string; onFollow?: () => void }) {
  const t = useT()
  const queryClient = useQueryClient()
  // A press of the main mouse button (or a pen) without a key that opens another tab; a
  // finger's press may be the start of a scroll.
  const pressed = (event: PointerEvent<HTMLAnchorElement>, section: Section) => {
    const plain = !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey
    if (event.button === 0 && event.pointerType !== 'touch' && plain)
      startSectionRead(queryClient, section, envId)
  }
  return (
    <ul>
      {SECTIONS.map((section) => (
        <li key={section.label}>
          <NavLink
            to={section.to(envId)}
            onClick={onFollow}
            onPointerEnter={() => preloadSection(section.section)}
            onFocus={() => preloadSection(section.section)}
            onPointerDown={(event) => pressed(event, section.section)}
          >
            {t(section.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

/** Below the drawer breakpoint (styles.css) the navigation opens from a menu button. */
const NARROW = PHONE_QUERY

/**
 * The navigation on a narrow screen: a modal drawer (Radix Dialog: focus kept inside while
 * open, Escape closes, focus back on the menu button). Following a link closes it too.
 */
function NavDrawer({ envId }: { envId: string }) {
  const [open, setOpen] = useState(false)
  const t = useT()
  // Widened past the breakpoint with the drawer open: the side navigation is back, so the
  // drawer (and its focus trap) goes.
  useEffect(() => {
    if (!open) return
    const query = window.matchMedia(NARROW)
    const onChange = () => {
      if (!query.matches) setOpen(false)
    }
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [open])
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button
          type="button"
          className="btn btn-ghost menu-button"
          aria-label={t('shell.nav.menu')}
        >
          <span aria-hidden="true" className="menu-icon" />
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="drawer" aria-describedby={undefined}>
          <div className="drawer-header">
            <Dialog.Title className="dialog-title">Runtime Console</Dialog.Title>
            <Dialog.Close asChild>
              <button type="button" className="btn btn-ghost" aria-label={t('shell.nav.closeMenu')}>
                <span aria-hidden="true">✕</span>
              </button>
            </Dialog.Close>
          </div>
          <nav className="shell-nav drawer-nav" aria-label={t('shell.nav.label')}>
            <SectionLinks envId={envId} onFollow={() => setOpen(false)} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
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
  const t = useT()
  const production = environments.find((e) => e.id === current)?.isProduction ?? false
  // The option is the environment's name alone, so the picker is as wide as the longest
  // name and a phone shows it whole; production is a tag beside it (and its description).
  return (
    <span className="env-picker">
      {/* The chevron is drawn by the wrapper (styles.css) so the select's padding says
          exactly how much room the name has; the browser's own arrow took more. */}
      <span className="env-select">
        <select
          aria-label={t('shell.environment.label')}
          aria-describedby={production ? 'env-production' : undefined}
          value={current}
          onChange={(event) => {
            // Keep the section, drop ids: a server id of one environment means nothing in another.
            const section = location.pathname.split('/')[3] ?? 'servers'
            navigate(`${paths.environment(event.target.value)}/${section}`)
          }}
        >
          {environments.map((e) => (
            <option key={e.id} value={e.id}>
              {isolateText(e.name)}
            </option>
          ))}
        </select>
      </span>
      {production && (
        <span
          id="env-production"
          className="badge-prod"
          title={t('shell.environment.productionTitle')}
        >
          <span aria-hidden="true">{t('shell.environment.productionTag')}</span>
          <span className="visually-hidden">{t('shell.environment.production')}</span>
        </span>
      )}
    </span>
  )
}

const THEMES: ReadonlyArray<{ value: ThemeChoice; label: MessageKey }> = [
  { value: 'system', label: 'shell.theme.system' },
  { value: 'light', label: 'shell.theme.light' },
  { value: 'dark', label: 'shell.theme.dark' },
]

function IdentityMenu({
  name,
  client,
  org,
  families,
}: {
  name: string
  client?: string
  org?: string
  /** Live mode: each family's sign-in (null in demo mode's one sign-in). */
  families: Record<Family, FamilyView> | null
}) {
  const theme = useThemeChoice()
  const queryClient = useQueryClient()
  const signOut = useSignOut()
  const demo = useDemo()
  const trigger = useRef<HTMLButtonElement>(null)
  const t = useT()
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        {/* The initials always; beside them, from 768 px up, the name, cut with an ellipsis
            when long (the tooltip, the accessible name and the menu keep all of it). */}
        <button
          ref={trigger}
          type="button"
          className="btn btn-ghost identity-button"
          title={client ? `${isolateText(name)} · ${isolateText(client)}` : name}
        >
          <span className="visually-hidden">{t('shell.account.label')} </span>
          <span className="avatar" aria-hidden="true">
            {initials(name)}
          </span>
          <bdi className="identity-name">{name}</bdi>
          {client && (
            <span className="muted identity-client">
              · <bdi>{client}</bdi>
            </span>
          )}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu-label menu-identity">
            <ApiText>{name}</ApiText>
            {client && (
              <>
                {' · '}
                <ApiText>{client}</ApiText>
              </>
            )}
          </DropdownMenu.Label>
          {org && (
            <DropdownMenu.Label className="menu-label">
              <ApiText>{org}</ApiText>
            </DropdownMenu.Label>
          )}
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(v) => setThemeChoice(v === 'light' || v === 'dark' ? v : 'system')}
          >
            {THEMES.map((choice) => (
              <DropdownMenu.RadioItem key={choice.value} value={choice.value} className="menu-item">
                <span aria-hidden="true">{theme === choice.value ? '●' : '○'}</span>
                {t(choice.label)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu-separator" />
          <LanguageMenuItems />
          <DropdownMenu.Separator className="menu-separator" />
          {demo && (
            <>
              <DropdownMenu.Item
                className="menu-item"
                // On close the panel gives focus back to the account button (the menu item
                // is gone by then).
                onSelect={() => setDemoPanelOpen(true, trigger.current)}
              >
                {t('shell.account.demoControls')}
              </DropdownMenu.Item>
              <DropdownMenu.Separator className="menu-separator" />
            </>
          )}
          {families ? (
            <>
              {FAMILIES.map((family) => (
                <FamilyMenuItems
                  key={family}
                  view={families[family]}
                  onSignOut={() => signOut.mutate(family)}
                />
              ))}
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item" onSelect={() => signOut.mutate('all')}>
                {t('shell.account.signOutAll')}
              </DropdownMenu.Item>
            </>
          ) : (
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() => {
                endSession('signed-out')
                queryClient.clear()
              }}
            >
              {t('shell.account.signOut')}
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}

/** Up to two letters for the account button: "otto.neumann" → "ON", "admin" → "AD". */
export function initials(name: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const [first = '', second = ''] = words
  const letters = second
    ? [...first].slice(0, 1).concat([...second].slice(0, 1))
    : [...first].slice(0, 2)
  return letters.join('').toUpperCase() || '?'
}

/** Live mode: one family's state in the account menu, with its sign-in or sign-out. */
function FamilyMenuItems({ view, onSignOut }: { view: FamilyView; onSignOut: () => void }) {
  const name = FAMILY_NAMES[view.family]
  const state = view.state
  return (
    <DropdownMenu.Group>
      <DropdownMenu.Label className="menu-label">
        {state.signedIn ? (
          <Msg id="shell.account.familySignedIn" values={{ family: name, user: state.username }} />
        ) : (
          <Msg id="shell.account.familySignedOut" values={{ family: name }} />
        )}
      </DropdownMenu.Label>
      {state.signedIn ? (
        <DropdownMenu.Item className="menu-item" onSelect={onSignOut}>
          <Msg id="shell.account.familySignOut" values={{ family: name }} />
        </DropdownMenu.Item>
      ) : (
        <DropdownMenu.Item className="menu-item" onSelect={() => askSignIn(view.family)}>
          <Msg id="shell.account.familySignIn" values={{ family: name }} />
        </DropdownMenu.Item>
      )}
    </DropdownMenu.Group>
  )
}
