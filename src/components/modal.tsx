import { Dialog } from 'radix-ui'
import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { currentOpener, returnFocus, trackFocus } from './focus-return.ts'

trackFocus()

/** How a page drives a dialog it owns: open or not, and told when it wants to close. */
export interface DialogState {
  open: boolean
  onOpenChange: (open: boolean) => void
}

export interface ModalProps extends DialogState {
  /** Text, or text with API strings isolated in it (`ApiText`). */
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  footer?: ReactNode
  /** While true, Escape and outside clicks do not close it (an action is in flight). */
  locked?: boolean
  wide?: boolean
  /** Above every other dialog (a sign-in asked for over whatever is open). */
  onTop?: boolean
  /** A ✕ button in the title row with this name (a long panel's way out at its top). */
  closeLabel?: string
  /**
   * Where focus goes on close: call `event.preventDefault()` after placing it. Otherwise it
   * goes back to the control that had focus when the dialog opened (the page heading when
   * that control is gone).
   */
  onCloseAutoFocus?: (event: Event) => void
}

/** A modal dialog with a title, an optional description, a body and a footer of actions. */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  locked,
  wide,
  onCloseAutoFocus,
  onTop,
  closeLabel,
}: ModalProps) {
  // The control that opened it, read before the dialog takes focus (layout effects run
  // before Radix's portal mounts the content).
  const opener = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (open) opener.current = currentOpener()
  }, [open])

  const classes = ['dialog', wide && 'dialog-wide', onTop && 'dialog-top'].filter(Boolean)
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => (locked && !next ? undefined : onOpenChange(next))}
    >
      <Dialog.Portal>
        <Dialog.Overlay className={onTop ? 'overlay overlay-top' : 'overlay'} />
        <Dialog.Content
          className={classes.join(' ')}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event)
            if (event.defaultPrevented) return
            event.preventDefault()
            returnFocus(opener.current)
          }}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          {closeLabel ? (
            <div className="dialog-title-row">
              <Dialog.Title className="dialog-title">{title}</Dialog.Title>
              <Dialog.Close asChild>
                <button
                  type="button"
                  className="btn btn-ghost btn-icon"
                  aria-label={closeLabel}
                  disabled={locked}
                >
                  <span aria-hidden="true">✕</span>
                </button>
              </Dialog.Close>
            </div>
          ) : (
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          )}
          {description && (
            <Dialog.Description asChild>
              <div className="muted">{description}</div>
            </Dialog.Description>
          )}
          {children}
          {footer && <div className="dialog-footer">{footer}</div>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
