export type Tone = 'ok' | 'danger' | 'warn' | 'neutral' | 'progress'

/**
 * A status as text plus colour (never colour alone), in operator words; `raw` is the API's
 * own value, kept in the tooltip when the words differ from it. The label may be the API's
 * own word (an unknown value), so it is bidi-isolated (`.status` has `unicode-bidi: isolate`).
 */
export function StatusBadge({ label, tone, raw }: { label: string; tone: Tone; raw?: string }) {
  return (
    <span
      className={`status tone-${tone}`}
      dir="auto"
      title={raw !== undefined && raw !== label ? raw : undefined}
    >
      {label}
    </span>
  )
}
