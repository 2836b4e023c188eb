import {
  createContext,
  use,
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { Button } from './button.tsx'
import type { Permission } from './console-context.tsx'

/**
 * An action of the page on screen, offered by the command palette (ADR 026). `run` is the
 * handler the page's own button calls, so a confirmation or a permission applies exactly
 * as for the button.
 */
export interface PageCommand {
  /** Unique on the page ("stop", "delete"). */
  id: string
  /** The console's words: "Stop", "Deploy application". */
  label: string
  /** A name from an API the command acts on, shown isolated after the label. */
  subject?: string
  /** The command opens a dialog that asks for more (shown as "…"). */
  asks?: boolean
  /** The button's permission: a denied command is listed, disabled, with the reason. */
  permission?: Permission
  /** Why it cannot run now although permitted (an action in flight), as a disabled button. */
  unavailable?: string | null
  run: () => void
}

/**
 * The commands the mounted pages offer, by the component that registered them. A store
 * outside React so a page's re-render does not re-render the shell: only the palette,
 * while it is open, listens.
 */
export function createPageCommandRegistry() {
  const byOwner = new Map<string, readonly PageCommand[]>()
  const listeners = new Set<() => void>()
  let snapshot: readonly PageCommand[] = []
  const changed = () => {
    snapshot = [...byOwner.values()].flat()
    for (const listener of listeners) listener()
  }
  return {
    /** Sets `owner`'s commands (replacing what it had); returns the unregistration. */
    register(owner: string, commands: readonly PageCommand[]): () => void {
      // A component that offers nothing (a confirm button without a command) costs nothing.
      if (commands.length === 0 && !byOwner.has(owner)) return noUnregister
      byOwner.set(owner, commands)
      changed()
      return () => {
        if (byOwner.get(owner) !== commands) return
        byOwner.delete(owner)
        changed()
      }
    },
    list: (): readonly PageCommand[] => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type PageCommandRegistry = ReturnType<typeof createPageCommandRegistry>

const PageCommandsContext = createContext<PageCommandRegistry | null>(null)

/** Holds the commands of the pages below it (the console layout provides `registry`). */
export function PageCommandsProvider({
  registry,
  children,
}: {
  registry: PageCommandRegistry
  children: ReactNode
}) {
  return <PageCommandsContext value={registry}>{children}</PageCommandsContext>
}

/**
 * Offers the page's actions in the command palette while the calling component is
 * mounted. Called with the commands of every render (their handlers close over the
 * page's state); outside a provider (a page rendered alone in a test) it does nothing.
 */
export function usePageCommands(commands: readonly PageCommand[]): void {
  const registry = use(PageCommandsContext)
  const owner = useId()
  useEffect(() => registry?.register(owner, commands), [registry, owner, commands])
}

/** The registered commands, for the palette. */
export function useRegisteredCommands(): readonly PageCommand[] {
  const registry = use(PageCommandsContext)
  return useSyncExternalStore(
    registry ? registry.subscribe : noSubscribe,
    registry ? registry.list : noCommands,
  )
}

const none: readonly PageCommand[] = []
const noUnregister = () => undefined
const noCommands = () => none
const noSubscribe = () => () => undefined

/**
 * A list page's main action (register, create, deploy): offered in the command palette and
 * drawn as the page's primary button, from one description. The returned function draws
 * the button, in the header with `label` or elsewhere (an empty list) with other words.
 */
export function usePageAction(action: {
  id: string
  label: string
  permission: Permission
  run: () => void
}): (words?: string) => ReactNode {
  usePageCommands([{ ...action, asks: true }])
  return (words = action.label) => (
    <Button variant="primary" permission={action.permission} onClick={action.run}>
      {words}
    </Button>
  )
}

/**
 * A list page's main action that opens a dialog (register, create): `usePageAction` with
 * the dialog's open state, which the dialog takes as `dialog`.
 */
export function useDialogAction(action: { id: string; label: string; permission: Permission }) {
  const [open, setOpen] = useState(false)
  const button = usePageAction({ ...action, run: () => setOpen(true) })
  return { button, open, dialog: { open, onOpenChange: setOpen } }
}
