import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ErrorPanel } from './error-panel.tsx'

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span
        className="spinner"
        aria-hidden="true"
        style={{ display: 'inline-block', marginRight: 8 }}
      />
      {label}
    </div>
  )
}

/** Nothing to show, with the next useful action. */
export function EmptyState({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="state">
      <h2>{title}</h2>
      {children}
    </div>
  )
}

/**
 * A detail page whose item does not exist (a bad id, or the API's 404): what was asked
 * for, the backend's answer when there was one, and the way back to the list.
 */
export function NotFoundState({
  title,
  children,
  error,
  back,
}: {
  title: string
  children: ReactNode
  error?: unknown
  back: { to: string; label: string }
}) {
  return (
    <div className="state">
      <h1>{title}</h1>
      <p>{children}</p>
      {error !== undefined && <ErrorPanel error={error} title="The backend answered" />}
      <Link to={back.to}>{back.label}</Link>
    </div>
  )
}
