export type Tone = 'ok' | 'danger' | 'warn' | 'neutral' | 'progress'

/** A status as text plus colour (never colour alone). */
export function StatusBadge({ label, tone }: { label: string; tone: Tone }) {
  return <span className={`status tone-${tone}`}>{label}</span>
}
