import type { ReactNode } from 'react'
import { formatDateTime, toEpochMs } from '../lib/format.ts'

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

/**
 * A `Field` whose value is a moment as the API sends it (epoch milliseconds or a date
 * string), written as a date and time; an absent or unreadable one shows as a dash.
 */
export function TimeField({
  label,
  at,
}: {
  label: string
  at: number | string | undefined | null
}) {
  return <Field label={label}>{formatDateTime(toEpochMs(at))}</Field>
}
