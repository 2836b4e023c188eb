/**
 * Where focus goes when a dialog closes. Radix returns focus to a `Dialog.Trigger`, but our
 * dialogs are controlled (opened by a button's click handler, a menu item or a page's
 * state), so without this focus fell to the page body on Escape, Close and after success.
 */

/** Containers focus is never returned into once they close: menus and listboxes vanish. */
const TRANSIENT = '[role="menu"], [role="listbox"]'
const DIALOG = '[role="dialog"], [role="alertdialog"]'

let lastOutside: HTMLElement | null = null
let tracking = false

/**
 * Remembers the last element focused outside any dialog or menu, so a dialog opened from a
 * menu item (gone once the menu closes) or one that replaces another (a confirmation
 * followed by its results) can go back to the control the operator started from.
 */
export function trackFocus(): void {
  if (tracking || typeof document === 'undefined') return
  tracking = true
  document.addEventListener(
    'focusin',
    (event) => {
      const target = event.target
      if (target instanceof HTMLElement && !target.closest(`${DIALOG}, ${TRANSIENT}`))
        lastOutside = target
    },
    true,
  )
}

/** What a dialog opening now should return focus to when it closes. */
export function currentOpener(): HTMLElement | null {
  const active = document.activeElement
  if (active instanceof HTMLElement && active !== document.body && !active.closest(TRANSIENT))
    return active
  return lastOutside
}

function canTakeFocus(el: HTMLElement | null): el is HTMLElement {
  return (
    el !== null &&
    el.isConnected &&
    !el.matches(':disabled') &&
    // Shown (not display:none, not in a closed <details>); a DOM without layout says yes.
    (typeof el.checkVisibility !== 'function' || el.checkVisibility()) &&
    el.closest('[inert], [aria-hidden="true"]') === null
  )
}

function tryFocus(el: HTMLElement | null): boolean {
  if (!canTakeFocus(el)) return false
  el.focus()
  return document.activeElement === el
}

/**
 * Puts focus back after a dialog closed: on its opener when that is still on screen (and
 * not behind another dialog that is open), otherwise on the page's heading, otherwise on
 * the main region (a deleted row's button, or a page left after a delete).
 */
export function returnFocus(opener: HTMLElement | null): void {
  const openDialogs = [...document.querySelectorAll<HTMLElement>(DIALOG)]
  const inOpenDialog = (el: HTMLElement) => openDialogs.some((d) => d.contains(el))
  if (openDialogs.length > 0) {
    // Another dialog is still open (this one was replaced, or sat on top of it): focus stays
    // inside that one, on the opener if it is there.
    if (opener && inOpenDialog(opener) && tryFocus(opener)) return
    const active = document.activeElement
    if (active instanceof HTMLElement && inOpenDialog(active)) return
    openDialogs.at(-1)?.focus()
    return
  }
  if (tryFocus(opener)) return
  focusMain()
}

/** Focuses the main region's heading, or the region itself (the skip link's target). */
export function focusMain(): void {
  const main = document.getElementById('main')
  if (!main) return
  const heading = main.querySelector<HTMLElement>('h1')
  if (heading && canTakeFocus(heading)) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
    heading.focus()
    if (document.activeElement === heading) return
  }
  main.focus()
}
