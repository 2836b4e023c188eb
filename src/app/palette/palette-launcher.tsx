import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import type { ConsoleContextValue } from '../../components/console-context.tsx'
import { PageCommandsProvider, type PageCommandRegistry } from '../../components/page-commands.tsx'
import { useT } from '../../components/i18n.tsx'
import { useFamilyReady } from '../../features/session/family-gate.tsx'
import { loadArea } from '../../lib/i18n.ts'
import {
  createShortcutReader,
  isTypingTarget,
  overlayOpen,
  type ShortcutAction,
} from '../../lib/shortcut-keys.ts'
import { areaForKey, GO_KEYS, TYPED_ENTER } from './areas.ts'
import type { Panel } from './palette-panels.tsx'
import './palette-launcher.css'

// The palette and the cheat sheet are one chunk, fetched when first opened (or when the
// pointer or focus reaches the button): the first visit carries only this file. The words
// of the feature areas the palette shows load with it: the devices' (a device's label in
// its results); the palette's own are the shell's, there already.
const load = async () =>
  (await Promise.all([import('./palette-panels.tsx'), loadArea('devices')]))[0]
const PalettePanels = lazy(async () => ({ default: (await load()).PalettePanels }))

/** The palette's own search box. */
const SEARCH = '[cmdk-input]'

/** The page's filter or search box: the first search field of the main region. */
const FILTER = '#main input[type="search"]'

/**
 * The header's "Search or run a command" button and every keyboard shortcut (ADR 026):
 * ⌘K / Ctrl+K opens the palette, `/` focuses the page's filter, `g` then a letter goes to
 * an area and `?` shows the cheat sheet. `console` is null until the identity and the
 * environment are read (the palette then offers the areas and the theme only).
 */
export function PaletteLauncher({
  envId,
  console,
  commands,
}: {
  envId: string
  console: ConsoleContextValue | null
  /** The registry the pages below register their commands in. */
  commands: PageCommandRegistry
}) {
  const navigate = useNavigate()
  const t = useT()
  // Switching environment keeps the section and drops ids: an id means nothing in another.
  const section = useLocation().pathname.split('/')[3] ?? 'servers'
  const [open, setOpen] = useState<Panel | null>(null)
  // Mounted from the first opening on, so that closing is Radix's own (focus return included).
  const [used, setUsed] = useState(false)
  const families = { mfp: useFamilyReady('mfp'), store: useFamilyReady('store') }
  // What a key press does depends on this render's page and state.
  const act = useRef<(action: ShortcutAction) => boolean>(() => false)
  // Open but still loading: single keys must not act on the page behind it, and what is
  // typed before the palette's search box is there is kept for it.
  const opening = useRef<Panel | null>(null)
  const typed = useRef('')
  useEffect(() => {
    opening.current = open
    act.current = (action) => {
      if (typeof action === 'object') {
        const area = areaForKey(action.go)
        if (area) void navigate(area.to(envId))
        return area !== undefined
      }
      if (action === 'filter') {
        const filter = document.querySelector<HTMLInputElement>(FILTER)
        filter?.focus()
        filter?.select()
        return filter !== null
      }
      setUsed(true)
      typed.current = ''
      // ⌘K again closes the palette.
      setOpen(action === 'palette' && open === 'palette' ? null : action)
      return true
    }
  })

  useEffect(() => {
    const read = createShortcutReader(GO_KEYS)
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const typing = isTypingTarget(event.target)
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey
      // Enter after text typed before the search box is there runs that text's first
      // result once it is shown (as it would have had the box been there).
      if (
        opening.current === 'palette' &&
        !typing &&
        plain &&
        event.key === 'Enter' &&
        typed.current !== '' &&
        document.querySelector(SEARCH) === null
      ) {
        typed.current += TYPED_ENTER
        event.preventDefault()
        return
      }
      if (opening.current === 'palette' && !typing && plain && event.key.length === 1) {
        // Focused now, the search box receives this key's character.
        const input = document.querySelector<HTMLElement>(SEARCH)
        if (input) input.focus()
        else {
          typed.current += event.key
          event.preventDefault()
        }
        return
      }
      const action = read({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        typing,
        overlay: opening.current !== null || overlayOpen(document),
        at: event.timeStamp,
      })
      if (action && act.current(action)) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      <button
        type="button"
        className="btn palette-launcher"
        aria-keyshortcuts="Meta+K Control+K"
        onClick={() => {
          setUsed(true)
          typed.current = ''
          setOpen('palette')
        }}
        onPointerEnter={() => void load()}
        onFocus={() => void load()}
      >
        <i aria-hidden="true" />
        <span>{t('shell.palette.search')}</span>
        <kbd aria-hidden="true">
          {/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : t('shell.keys.controlK')}
        </kbd>
      </button>
      {used && (
        <PageCommandsProvider registry={commands}>
          <Suspense fallback={null}>
            <PalettePanels
              open={open}
              onOpen={setOpen}
              nav={{ envId, section, go: (to) => void navigate(to) }}
              console={console}
              families={families}
              takeTyped={() => {
                const text = typed.current
                typed.current = ''
                return text
              }}
            />
          </Suspense>
        </PageCommandsProvider>
      )}
    </>
  )
}
