export type Tone = 'ok' | 'danger' | 'warn' | 'neutral' | 'progress'

/**
 * A status as text plus colour (never colour alone). The label may be the API's own
 * status word, so it is bidi-isolated (`.status` has `unicode-bidi: isolate`).
 */
export function StatusBadge({ label, tone }: { label: string; tone: Tone }) {
  return (
    <span className={`status tone-${tone}`} dir="auto">
      {label}
    </span>
  )
}
