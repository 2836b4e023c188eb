import { useId, type ComponentPropsWithRef, type MouseEvent } from 'react'
import type { Permission } from './console-context.tsx'
import { Tooltip } from './tooltip.tsx'

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: 'default' | 'primary' | 'danger' | 'ghost'
  size?: 'default' | 'small'
  /** Shows a spinner and blocks clicks while an action is pending. */
  busy?: boolean
  /**
   * When not allowed, the button stays focusable but inert, and a tooltip (also its
   * accessible description) names what is missing, rather than failing after the click.
   */
  permission?: Permission
}

export function Button({
  variant = 'default',
  size = 'default',
  busy = false,
  permission,
  className,
  children,
  onClick,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  const reasonId = useId()
  const denied = permission !== undefined && !permission.allowed
  const classes = [
    'btn',
    variant !== 'default' && `btn-${variant}`,
    size === 'small' && 'btn-small',
    className,
  ]
    .filter(Boolean)
    .join(' ')
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (denied || busy) {
      event.preventDefault()
      return
    }
    onClick?.(event)
  }
  const button = (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-disabled={denied || undefined}
      aria-busy={busy || undefined}
      aria-describedby={denied ? reasonId : rest['aria-describedby']}
      onClick={handleClick}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  )
  if (!denied) return button
  return (
    <>
      <Tooltip content={permission.reason}>{button}</Tooltip>
      <span id={reasonId} className="visually-hidden">
        {permission.reason}
      </span>
    </>
  )
}
