import { CopyButton } from './copy-button.tsx'

/** Monospaced text with a copy button: tokens, commands, curl. */
export function CodeBlock({
  text,
  copyLabel,
  label,
}: {
  text: string
  copyLabel: string
  label?: string
}) {
  return (
    <div className="code-row">
      <pre className="code-block" aria-label={label}>
        {text}
      </pre>
      <CopyButton text={text} label={copyLabel} />
    </div>
  )
}
