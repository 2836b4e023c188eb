/**
 * The console's keyboard shortcuts (ADR 026), read from key presses: ⌘K / Ctrl+K, `/`,
 * `?` and `g` then a letter, and the rule that single keys wait while the operator types
 * in a field or a dialog or menu is open. Loaded with the shell, so kept small.
 */

/**
 * Elements that take typed characters (not a checkbox or a button, which are inputs too):
 * no single-key shortcut fires while one has focus.
 */
const TYPING =
  'input:not([type=checkbox],[type=radio],[type=button],[type=submit],[type=reset],[type=file],[type=range],[type=color]),textarea,select,[contenteditable]:not([contenteditable=false]),[role=textbox],[role=combobox],[role=searchbox]'

/** Whether key presses at `target` are typing (a field, an editable region). */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING) !== null
}

/** Open dialogs, alert dialogs and menus: shortcuts other than ⌘K and Escape wait for them. */
const OVERLAY = '[role=dialog],[role=alertdialog],[role=menu],[role=listbox]'

/** Whether a dialog or menu is open in `doc`. */
export function overlayOpen(doc: Document): boolean {
  return doc.querySelector(OVERLAY) !== null
}

/** What a key press asks for, once read. */
export type ShortcutAction = 'palette' | 'filter' | 'cheat-sheet' | { go: string }

/** The part of a keyboard event the reader looks at. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** A field or an editable region has focus. */
  typing: boolean
  /** A dialog or menu is open. */
  overlay: boolean
  /** When it happened (ms). */
  at: number
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'])

/** How long after `g` its letter still counts (ms). */
export const SEQUENCE_MS = 1500

/**
 * Reads key presses into shortcut actions. ⌘K / Ctrl+K always counts (it opens the palette
 * from a field or over a dialog); the single keys count only outside fields and overlays
 * and without a modifier: `/` the page's filter, `?` the cheat sheet, `g` then a letter
 * (within `SEQUENCE_MS`) an area. `goKeys` are the letters that follow `g`.
 */
export function createShortcutReader(goKeys: ReadonlySet<string>) {
  let pendingSince: number | null = null
  return (press: KeyPress): ShortcutAction | null => {
    if ((press.metaKey || press.ctrlKey) && !press.altKey && press.key.toLowerCase() === 'k')
      return 'palette'
    // Shift on its way to `?` (or any modifier alone) neither counts nor ends a `g` sequence.
    if (MODIFIERS.has(press.key)) return null
    const pending = pendingSince !== null && press.at - pendingSince <= SEQUENCE_MS
    pendingSince = null
    if (press.ctrlKey || press.metaKey || press.altKey || press.typing || press.overlay) return null
    if (pending && goKeys.has(press.key)) return { go: press.key }
    if (press.key === 'g') {
      pendingSince = press.at
      return null
    }
    if (press.key === '/') return 'filter'
    if (press.key === '?') return 'cheat-sheet'
    return null
  }
}
