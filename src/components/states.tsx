import type { ReactNode } from 'react'

export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span
        className="spinner"
        aria-hidden="true"
        style={{ display: 'inline-block', marginInlineEnd: 8 }}
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
