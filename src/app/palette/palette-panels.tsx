import type { ConsoleContextValue } from '../../components/console-context.tsx'
import { CheatSheet } from './cheat-sheet.tsx'
import { CommandPalette, type PaletteNav } from './command-palette.tsx'

/** What the launcher opens. */
export type Panel = 'palette' | 'cheat-sheet'

/**
 * The palette and the cheat sheet: one lazily loaded chunk (ADR 026), mounted from the
 * first opening on. `families`: whether the device and store sign-ins are there to search.
 */
export function PalettePanels({
  open,
  onOpen,
  nav,
  console,
  families,
  takeTyped,
}: {
  open: Panel | null
  onOpen: (panel: Panel | null) => void
  nav: PaletteNav
  console: ConsoleContextValue | null
  families: { mfp: boolean; store: boolean }
  /** What was typed while the palette's code loaded (once; empty afterwards). */
  takeTyped: () => string
}) {
  const openChange = (panel: Panel) => (next: boolean) =>
    onOpen(next ? panel : open === panel ? null : open)
  return (
    <>
      <CommandPalette
        open={open === 'palette'}
        onOpenChange={openChange('palette')}
        nav={nav}
        console={console}
        families={families}
        takeTyped={takeTyped}
        onCheatSheet={() => onOpen('cheat-sheet')}
      />
      <CheatSheet open={open === 'cheat-sheet'} onOpenChange={openChange('cheat-sheet')} />
    </>
  )
}
