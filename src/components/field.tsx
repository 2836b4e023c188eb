import type { ReactNode } from 'react'

/**
 * One label/value pair of a detail page's definition list (`<dl>`). A value the API left
 * out (or empty) shows as a dash, so a missing fact is visibly missing rather than blank.
 */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children === null || children === undefined || children === '' ? '—' : children}</dd>
    </>
  )
}
