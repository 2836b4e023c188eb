import { Command } from 'cmdk'
import { Dialog } from 'radix-ui'
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { ApiText } from '../../components/api-text.tsx'
import type { ConsoleContextValue } from '../../components/console-context.tsx'
import { currentOpener, returnFocus, trackFocus } from '../../components/focus-return.ts'
import { useRegisteredCommands, type PageCommand } from '../../components/page-commands.tsx'
import { orderGroups, rankGroups, type RankedGroup } from '../../lib/command-model.ts'
import { paths } from '../../lib/paths.ts'
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../theme.ts'
import { AREAS } from './areas.ts'
import { useEntitySources, type EntityItem, type Families } from './palette-sources.ts'
import { PALETTE_TEXT } from './palette-text.ts'
import './palette.css'

trackFocus()

const T = PALETTE_TEXT

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

/** The words matched against a query: the label, then the subject. */
function commandText(command: PageCommand): string {
  return command.subject ? `${command.label} ${command.subject}` : command.label
}

/** Why a command cannot run, or null when it can. */
function commandBlocked(command: PageCommand): string | null {
  if (command.permission && !command.permission.allowed)
    return command.permission.reason ?? T.notPermitted
  return command.unavailable ?? null
}

/** A row: a command, or a thing to jump to (found in a list, rendered as API text). */
type Row = PaletteItem | EntityItem

const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

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
          <Dialog.Title className="visually-hidden">{T.dialogTitle}</Dialog.Title>
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
  const [search, setSearch] = useState(takeTyped)
  // Ranking 10,000 names waits for a pause in typing, not the other way round.
  const query = useDeferredValue(search)
  const theme = useThemeChoice()
  const pageCommands = useRegisteredCommands()
  const sources = useEntitySources(console?.scope ?? null, query, families)
  const searching = query.trim() !== ''

  const commands = useMemo(() => {
    const goTo = (to: string) => () => go(to)
    const page: PaletteItem[] = pageCommands.map((command) => ({
      value: `page:${command.id}`,
      text: commandText(command),
      label: (
        <>
          {command.label}
          {command.subject !== undefined && (
            <>
              {' '}
              <ApiText>{command.subject}</ApiText>
            </>
          )}
          {command.asks && '…'}
        </>
      ),
      blocked: commandBlocked(command),
      run: command.run,
    }))
    const areas: PaletteItem[] = AREAS.map((area) => ({
      value: `area:${area.id}`,
      text: T.goTo(T.areas[area.id]),
      label: T.goTo(T.areas[area.id]),
      detail: <kbd>g {area.key}</kbd>,
      blocked: null,
      run: goTo(area.to(envId)),
    }))
    const settings: PaletteItem[] = [
      ...(console?.environments ?? []).map((e) => ({
        value: `environment:${e.id}`,
        text: `${T.environment} ${e.name}`,
        label: (
          <>
            {T.environment} <ApiText>{e.name}</ApiText>
            {e.isProduction ? ` ${T.production}` : ''}
          </>
        ),
        detail: e.id === console?.environment.id ? T.currentEnvironment : undefined,
        blocked: null,
        run: goTo(`${paths.environment(e.id)}/${section}`),
      })),
      ...THEME_CHOICES.map((choice) => ({
        value: `theme:${choice}`,
        text: T.theme[choice],
        label: T.theme[choice],
        detail: theme === choice ? '✓' : undefined,
        blocked: null,
        run: () => setThemeChoice(choice),
      })),
      {
        value: 'help:shortcuts',
        text: T.cheatSheet.title,
        label: T.cheatSheet.title,
        detail: <kbd>?</kbd>,
        blocked: null,
        run: onCheatSheet,
      },
    ]
    return [
      { id: 'page', heading: T.groups.page, items: page },
      { id: 'areas', heading: T.groups.areas, items: areas },
      { id: 'settings', heading: T.groups.settings, items: settings },
    ]
  }, [pageCommands, envId, go, section, console, theme, onCheatSheet])
  const ranked = useMemo(() => rankGroups(commands, (item) => item.text, query), [commands, query])
  // The lists come ranked (each again only when it or the query changed); the groups are
  // ordered together, the best match first.
  const groups: Array<RankedGroup<Row>> = orderGroups([...ranked, ...(searching ? sources : [])])
  const loading = searching ? sources.filter((s) => s.loading) : []
  const failed = searching ? sources.filter((s) => s.failed) : []

  return (
    // cmdk names the input by this label (aria-labelledby).
    <Command label={T.inputLabel} shouldFilter={false} loop vimBindings={false}>
      <div className="palette-search">
        <Command.Input value={search} onValueChange={setSearch} placeholder={T.inputPlaceholder} />
      </div>
      {/* Outside the listbox (which may hold only options): read out as the lists arrive. */}
      <div role="status" className="palette-status">
        {loading.map((s) => (
          <div key={s.id} className="palette-loading">
            <span className="spinner" aria-hidden="true" /> {T.loading(s.heading.toLowerCase())}
          </div>
        ))}
        {failed.map((s) => (
          <div key={s.id} className="muted">
            {T.failed(s.heading.toLowerCase())}
          </div>
        ))}
      </div>
      <Command.List label={T.listLabel} className="palette-list">
        <Command.Empty>{loading.length > 0 ? null : T.noResults}</Command.Empty>
        {groups.map((group) => (
          <Command.Group
            key={group.id}
            value={group.id}
            heading={
              <>
                {group.heading}
                {group.total > group.items.length && (
                  <span className="palette-more"> · {T.more(group.items.length, group.total)}</span>
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
                    <span className="palette-item-detail">{T.blocked(item.blocked)}</span>
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
        {T.hint}
      </div>
    </Command>
  )
}
