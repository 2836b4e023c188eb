import { Dialog } from 'radix-ui'
import type { ReactNode } from 'react'

export interface ModalProps {
  open: boolean
  onOpenChange: (open: boolean) => void
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
  /** Where focus goes on close; `event.preventDefault()` keeps Radix from moving it. */
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
}: ModalProps) {
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => (locked && !next ? undefined : onOpenChange(next))}
    >
      <Dialog.Portal>
        <Dialog.Overlay className={onTop ? 'overlay overlay-top' : 'overlay'} />
        <Dialog.Content
          className={onTop ? 'dialog dialog-top' : 'dialog'}
          onCloseAutoFocus={onCloseAutoFocus}
          style={wide ? { width: 'min(860px, calc(100vw - 32px))' } : undefined}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
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
