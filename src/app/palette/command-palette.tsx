import { Command } from 'cmdk'
import { Dialog } from 'radix-ui'
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ApiText } from '../../components/api-text.tsx'
import type { ConsoleContextValue } from '../../components/console-context.tsx'
import { currentOpener, returnFocus, trackFocus } from '../../components/focus-return.ts'
import { message, useLanguage, useT } from '../../components/i18n.tsx'
import { useRegisteredCommands, type PageCommand } from '../../components/page-commands.tsx'
import { orderGroups, rankGroups, type RankedGroup } from '../../lib/command-model.ts'
import { LANGUAGE_NAMES, LANGUAGES, t as translate, type MessageKey } from '../../lib/i18n.ts'
import { paths } from '../../lib/paths.ts'
import { chooseLanguage } from '../language-menu.tsx'
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../theme.ts'
import { AREAS, TYPED_ENTER } from './areas.ts'
import { useEntitySources, type EntityItem, type Families } from './palette-sources.ts'
import './palette.css'

trackFocus()

/**
 * Where the palette works: the environment, the section of the page (kept when switching
 * environment) and the navigation. Passed in: the router's hooks here would split the
 * router's code into a chunk of its own on every page's first visit.
 */
export interface PaletteNav {
  envId: string
  section: string
  go: (to: string) => void
}

/** One row of the palette: what it matches on, what it shows, and what it does. */
interface PaletteItem {
  value: string
  text: string
  label: ReactNode
  detail?: ReactNode
  /** Why it cannot run (shown, and the row disabled), or null. */
  blocked: string | null
  run: () => void
}

/** The words matched against a query: the label and the subject, as the row shows them. */
function commandText(command: PageCommand): string {
  return command.subject
    ? translate('shell.palette.command', { action: command.label, subject: command.subject })
    : command.label
}

/** Why a command cannot run, or null when it can. */
function commandBlocked(command: PageCommand): string | null {
  if (command.permission && !command.permission.allowed)
    return command.permission.reason ?? translate('shell.palette.notPermitted')
  return command.unavailable ?? null
}

/** A row: a command, or a thing to jump to (found in a list, rendered as API text). */
type Row = PaletteItem | EntityItem

const THEME_CHOICES: ReadonlyArray<{ choice: ThemeChoice; label: MessageKey }> = [
  { choice: 'system', label: 'shell.palette.theme.system' },
  { choice: 'light', label: 'shell.palette.theme.light' },
  { choice: 'dark', label: 'shell.palette.theme.dark' },
]

/**
 * The command palette (ADR 026): a Radix dialog around a cmdk combobox. cmdk's own
 * filtering is off (`shouldFilter={false}`): `rankGroups` filters and ranks in memory and
 * renders at most `GROUP_LIMIT` rows per group, so 10,000 applications stay fast. A chosen
 * command runs once the dialog has closed and focus is back where the operator was, so a
 * confirmation it opens returns focus there too.
 */
export function CommandPalette({
  open,
  onOpenChange,
  nav,
  console,
  families,
  takeTyped,
  onCheatSheet,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  nav: PaletteNav
  console: ConsoleContextValue | null
  families: Families
  takeTyped: () => string
  onCheatSheet: () => void
}) {
  const opener = useRef<HTMLElement | null>(null)
  const pending = useRef<(() => void) | null>(null)
  const t = useT()
  useLayoutEffect(() => {
    if (open) opener.current = currentOpener()
  }, [open])
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content
          className="palette"
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            returnFocus(opener.current)
            const run = pending.current
            pending.current = null
            run?.()
          }}
        >
          <Dialog.Title className="visually-hidden">{t('shell.palette.title')}</Dialog.Title>
          <PaletteBody
            nav={nav}
            console={console}
            families={families}
            takeTyped={takeTyped}
            onCheatSheet={onCheatSheet}
            onRun={(run) => {
              pending.current = run
              onOpenChange(false)
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function PaletteBody({
  nav: { envId, section, go },
  console,
  families,
  takeTyped,
  onRun,
  onCheatSheet,
}: {
  nav: PaletteNav
  console: ConsoleContextValue | null
  families: Families
  takeTyped: () => string
  onRun: (run: () => void) => void
  onCheatSheet: () => void
}) {
  // What was typed before the search box was there, and whether Enter followed it.
  const [typedFirst] = useState(() => takeTyped().split(TYPED_ENTER))
  const [search, setSearch] = useState(typedFirst[0] ?? '')
  // Ranking 10,000 names waits for a pause in typing, not the other way round.
  const query = useDeferredValue(search)
  const theme = useThemeChoice()
  const language = useLanguage()
  const t = useT()
  const pageCommands = useRegisteredCommands()
  const sources = useEntitySources(console?.scope ?? null, query, families)
  const searching = query.trim() !== ''

  const commands = useMemo(() => {
    const goTo = (to: string) => () => go(to)
    const page: PaletteItem[] = pageCommands.map((command) => ({
      value: `page:${command.id}`,
      text: commandText(command),
      // The action and its subject in the language's order ("Stop orders-api"); the
      // subject is API text, isolated.
      label: (
        <>
          {command.subject === undefined
            ? command.label
            : message('shell.palette.command', {
                action: command.label,
                subject: <ApiText>{command.subject}</ApiText>,
              })}
          {command.asks && '…'}
        </>
      ),
      blocked: commandBlocked(command),
      run: command.run,
    }))
    const areas: PaletteItem[] = AREAS.map((area) => ({
      value: `area:${area.id}`,
      text: t(area.goTo),
      label: t(area.goTo),
      detail: <kbd>g {area.key}</kbd>,
      blocked: null,
      run: goTo(area.to(envId)),
    }))
    const settings: PaletteItem[] = [
      ...(console?.environments ?? []).map((e) => ({
        value: `environment:${e.id}`,
        text: t('shell.palette.environment', { name: e.name }),
        label: message(
          e.isProduction ? 'shell.palette.environmentProduction' : 'shell.palette.environment',
          { name: e.name },
        ),
        detail:
          e.id === console?.environment.id ? t('shell.palette.currentEnvironment') : undefined,
        blocked: null,
        run: goTo(`${paths.environment(e.id)}/${section}`),
      })),
      ...THEME_CHOICES.map(({ choice, label }) => ({
        value: `theme:${choice}`,
        text: t(label),
        label: t(label),
        detail: theme === choice ? '✓' : undefined,
        blocked: null,
        run: () => setThemeChoice(choice),
      })),
      // Each language by its own name, marked as that language, so that an operator who
      // cannot read the language shown finds theirs ("English", "Deutsch").
      ...LANGUAGES.map((choice) => ({
        value: `language:${choice}`,
        text: t('shell.palette.language', { language: LANGUAGE_NAMES[choice] }),
        label: message('shell.palette.language', {
          language: <span lang={choice}>{LANGUAGE_NAMES[choice]}</span>,
        }),
        detail: language === choice ? '✓' : undefined,
        blocked: null,
        run: () => chooseLanguage(choice),
      })),
      {
        value: 'help:shortcuts',
        text: t('shell.cheatSheet.title'),
        label: t('shell.cheatSheet.title'),
        detail: <kbd>?</kbd>,
        blocked: null,
        run: onCheatSheet,
      },
    ]
    return [
      { id: 'page', heading: t('shell.palette.groups.page'), items: page },
      { id: 'areas', heading: t('shell.palette.groups.areas'), items: areas },
      { id: 'settings', heading: t('shell.palette.groups.settings'), items: settings },
    ]
  }, [pageCommands, envId, go, section, console, theme, language, t, onCheatSheet])
  const ranked = useMemo(() => rankGroups(commands, (item) => item.text, query), [commands, query])
  // The lists come ranked (each again only when it or the query changed); the groups are
  // ordered together, the best match first.
  const groups: Array<RankedGroup<Row>> = orderGroups([...ranked, ...(searching ? sources : [])])
  const loading = searching ? sources.filter((s) => s.loading) : []
  const failed = searching ? sources.filter((s) => s.failed) : []

  // Enter typed before the results caught up with the text ("theme dark⏎" in one go, or a
  // busy page) would run what the last results had selected. It waits for the results of
  // what was typed and runs their first, as cmdk selects the first.
  // A ref: the render that brings the caught-up results runs the effect anyway.
  const caughtUp = query === search
  const enterWaiting = useRef(typedFirst.length > 1)
  useLayoutEffect(() => {
    if (!enterWaiting.current || !caughtUp) return
    enterWaiting.current = false
    const first = groups
      .flatMap((group) => group.items)
      .find((row) => 'to' in row || row.blocked === null)
    if (!first) return
    if ('to' in first) onRun(() => go(first.to))
    else onRun(first.run)
  }, [caughtUp, groups, onRun, go])

  return (
    // cmdk names the input by this label (aria-labelledby).
    <Command
      label={t('shell.palette.search')}
      shouldFilter={false}
      loop
      vimBindings={false}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || caughtUp) return
        // cmdk leaves an Enter whose default is prevented alone.
        event.preventDefault()
        enterWaiting.current = true
      }}
    >
      <div className="palette-search">
        <Command.Input
          value={search}
          onValueChange={setSearch}
          placeholder={t('shell.palette.placeholder')}
        />
      </div>
      {/* Outside the listbox (which may hold only options): read out as the lists arrive. */}
      <div role="status" className="palette-status">
        {loading.map((s) => (
          <div key={s.id} className="palette-loading">
            <span className="spinner" aria-hidden="true" />{' '}
            {t('shell.palette.loading', { source: s.id })}
          </div>
        ))}
        {failed.map((s) => (
          <div key={s.id} className="muted">
            {t('shell.palette.failed', { source: s.id })}
          </div>
        ))}
      </div>
      <Command.List label={t('shell.palette.list')} className="palette-list">
        <Command.Empty>{loading.length > 0 ? null : t('shell.palette.noResults')}</Command.Empty>
        {groups.map((group) => (
          <Command.Group
            key={group.id}
            value={group.id}
            heading={
              <>
                {group.heading}
                {group.total > group.items.length && (
                  <span className="palette-more">
                    {' · '}
                    {t('shell.palette.more', { shown: group.items.length, total: group.total })}
                  </span>
                )}
              </>
            }
          >
            {group.items.map((item) =>
              'to' in item ? (
                <Command.Item
                  key={item.value}
                  value={item.value}
                  onSelect={() => onRun(() => go(item.to))}
                  className="palette-item"
                >
                  <span className="palette-item-label">
                    <ApiText truncate>{item.name}</ApiText>
                  </span>
                  {item.detail && (
                    <span className="palette-item-detail">
                      <ApiText truncate>{item.detail}</ApiText>
                    </span>
                  )}
                </Command.Item>
              ) : (
                <Command.Item
                  key={item.value}
                  value={item.value}
                  disabled={item.blocked !== null}
                  onSelect={() => onRun(item.run)}
                  className="palette-item"
                >
                  <span className="palette-item-label">{item.label}</span>
                  {item.blocked !== null ? (
                    <span className="palette-item-detail">
                      {t('shell.palette.blocked', { reason: item.blocked })}
                    </span>
                  ) : (
                    item.detail !== undefined && (
                      <span className="palette-item-detail">{item.detail}</span>
                    )
                  )}
                </Command.Item>
              ),
            )}
          </Command.Group>
        ))}
      </Command.List>
      <div className="palette-hint muted" aria-hidden="true">
        {t('shell.palette.hint')}
      </div>
    </Command>
  )
}
