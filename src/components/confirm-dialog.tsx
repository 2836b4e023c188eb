import { useState, type ReactNode } from 'react'
import type { RequestInit_ } from '../lib/describe-request.ts'
import { ApiText } from './api-text.tsx'
import { Button, type ButtonProps } from './button.tsx'
import { CurlPreview } from './curl-preview.tsx'
import { ErrorPanel } from './error-panel.tsx'
import { Modal } from './modal.tsx'

export interface ConfirmDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: ReactNode
  /** What will happen, in the operator's terms (consequences included). */
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  pending: boolean
  /** The failure of the last attempt; the dialog stays open to show it. */
  error?: unknown
  /** The exact request(s), shown as curl. */
  requests?: readonly RequestInit_[]
  /** When set, the operator must type this text before confirming. */
  typeToConfirm?: string
  tone?: 'danger' | 'primary'
}

/** Confirmation for a consequential action: says what happens, shows the request, stays busy until done. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  pending,
  error,
  requests,
  typeToConfirm,
  tone = 'danger',
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('')
  const ready = !typeToConfirm || typed === typeToConfirm
  const close = (next: boolean) => {
    if (!next) setTyped('')
    onOpenChange(next)
  }
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={title}
      locked={pending}
      footer={
        <>
          <Button onClick={() => close(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant={tone} busy={pending} disabled={!ready} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div>{children}</div>
      {typeToConfirm && (
        <div className="field">
          <label htmlFor="confirm-typed">
            Type <code>{typeToConfirm}</code> to confirm
          </label>
          <input
            id="confirm-typed"
            type="text"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
      )}
      {requests && requests.length > 0 && <CurlPreview request={requests[0]!} />}
      {requests && requests.length > 1 && (
        <div className="muted">…and {requests.length - 1} more like it.</div>
      )}
      {error !== undefined && error !== null && (
        <ErrorPanel error={error} title={`${confirmLabel} failed`} />
      )}
    </Modal>
  )
}

/** What a confirmation needs of the mutation it sends (a react-query mutation fits). */
export interface ConfirmedMutation<V, R> {
  isPending: boolean
  error: unknown
  reset: () => void
  mutate: (variables: V, options: { onSuccess: (result: R) => void }) => void
}

/** A confirmation's title: the action and the item it acts on, named as the API spells it. */
export function confirmTitle(action: string, name: string): ReactNode {
  return (
    <>
      {action} <ApiText>{name}</ApiText>?
    </>
  )
}

/**
 * A confirmation bound to one mutation: confirming sends it with `variables`, it is busy
 * while pending, its failure shown, and closing forgets that failure so the next opening
 * starts clean. `onSuccess` gets the mutation's result (to toast it, close or leave).
 */
function MutationConfirmDialog<V, R>({
  mutation,
  variables,
  onSuccess,
  onClose,
  ...props
}: Omit<ConfirmDialogProps, 'onOpenChange' | 'pending' | 'error' | 'onConfirm'> & {
  mutation: ConfirmedMutation<V, R>
  variables: V
  onSuccess: (result: R) => void
  onClose: () => void
}) {
  return (
    <ConfirmDialog
      {...props}
      onConfirm={() => mutation.mutate(variables, { onSuccess })}
      onOpenChange={(next) => {
        if (!next) {
          onClose()
          mutation.reset()
        }
      }}
      pending={mutation.isPending}
      error={mutation.error ?? undefined}
    />
  )
}

/**
 * A button that opens a confirmation bound to one mutation (`MutationConfirmDialog`). The
 * dialog's body mounts only while it is open, so what the body reads (the applications
 * removed with a target) is read only then. `onSuccess` gets the mutation's result and a
 * way to close the dialog (a page that navigates away needs none).
 */
export function MutationConfirmButton<V, R>({
  trigger,
  onSuccess,
  ...dialog
}: Omit<Parameters<typeof MutationConfirmDialog<V, R>>[0], 'open' | 'onClose' | 'onSuccess'> & {
  /** The button's look, permission and label; a click opens the confirmation. */
  trigger: Omit<ButtonProps, 'onClick'>
  onSuccess: (result: R, close: () => void) => void
}) {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  return (
    <>
      <Button {...trigger} onClick={() => setOpen(true)} />
      <MutationConfirmDialog
        {...dialog}
        open={open}
        onClose={close}
        onSuccess={(result) => onSuccess(result, close)}
      />
    </>
  )
}
