import { use, useState, type ReactNode } from 'react'
import type { RequestInit_ } from '../lib/describe-request.ts'
import { Button, type ButtonProps } from './button.tsx'
import { ConsoleContext } from './console-context.tsx'
import { usePageCommands, type PageCommand } from './page-commands.tsx'
import { CurlPreview } from './curl-preview.tsx'
import { ErrorPanel } from './error-panel.tsx'
import { Msg, useT } from './i18n.tsx'
import { Modal } from './modal.tsx'
import './confirm.css'

/**
 * How much an action can hurt decides what its confirmation asks (ADR 028):
 * - `irreversible` (delete, unregister, remove a device): the operator types the name;
 * - `availability` (stop, disable, redeploy, any bulk change): a confirmation that says the
 *   consequence in plain words and names the environment, production marked.
 * Reversible, harmless actions (start, enable) are not confirmed at all.
 */
export type ConfirmRisk =
  | { risk: 'availability'; typeToConfirm?: undefined }
  | {
      risk: 'irreversible'
      /** The text the operator types before confirming: the name of what goes. */
      typeToConfirm: string
    }

interface ConfirmDialogBase {
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
  /** The exact request(s), shown as curl, folded. */
  requests?: readonly RequestInit_[]
  tone?: 'danger' | 'primary'
}

export type ConfirmDialogProps = ConfirmDialogBase & ConfirmRisk

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
  risk,
  typeToConfirm,
  tone = 'danger',
}: ConfirmDialogProps) {
  // Outside the console layout (a test of the dialog alone) there is no environment to name.
  const environment = use(ConsoleContext)?.environment
  const t = useT()
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
            {t('ui.confirm.cancel')}
          </Button>
          <Button variant={tone} busy={pending} disabled={!ready} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="confirm-body">{children}</div>
      {environment && (
        <p className="confirm-where">
          <Msg id="ui.confirm.environment" values={{ name: environment.name }} />
          {/* The header's production mark, the same words for a screen reader. */}
          {environment.isProduction && (
            <span className="badge-prod">
              <span aria-hidden="true">{t('ui.confirm.prod')}</span>
              <span className="visually-hidden">{t('ui.confirm.production')}</span>
            </span>
          )}
        </p>
      )}
      {risk === 'irreversible' && (
        <div className="field">
          <label htmlFor="confirm-typed">
            <Msg id="ui.confirm.typeToConfirm" values={{ text: <code>{typeToConfirm}</code> }} />
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
      {requests && requests.length > 0 && (
        <CurlPreview
          requests={requests.slice(0, 1)}
          note={
            requests.length > 1
              ? t('ui.confirm.firstOfRequests', { count: requests.length })
              : undefined
          }
        />
      )}
      {error !== undefined && error !== null && (
        <ErrorPanel error={error} title={t('ui.confirm.failed', { action: confirmLabel })} />
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

/** What a confirmation bound to a mutation is given, besides whether it is open. */
type MutationConfirmProps<V, R> = Omit<
  ConfirmDialogBase,
  'open' | 'onOpenChange' | 'pending' | 'error' | 'onConfirm'
> &
  ConfirmRisk & {
    mutation: ConfirmedMutation<V, R>
    variables: V
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
}: MutationConfirmProps<V, R> & {
  open: boolean
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
  command,
  onSuccess,
  ...dialog
}: MutationConfirmProps<V, R> & {
  /** The button's look, permission and label; a click opens the confirmation. */
  trigger: Omit<ButtonProps, 'onClick'>
  /**
   * Also offered in the command palette (ADR 026): with the button's permission, and
   * running it opens this same confirmation.
   */
  command?: Pick<PageCommand, 'id' | 'label' | 'subject' | 'unavailable'>
  onSuccess: (result: R, close: () => void) => void
}) {
  const [open, setOpen] = useState(false)
  const close = () => setOpen(false)
  usePageCommands(
    command
      ? [{ ...command, asks: true, permission: trigger.permission, run: () => setOpen(true) }]
      : NO_COMMANDS,
  )
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

const NO_COMMANDS: readonly PageCommand[] = []
