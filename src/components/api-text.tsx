import { Fragment, type ReactNode } from 'react'

/**
 * Longer than this, a text is cut by CSS (class `api-long`) where it would otherwise take
 * over its place, and keeps its whole self in a tooltip. Shorter text is left inline and
 * untouched, so it reads (and is named, for assistive tech) exactly as before.
 */
export const LONG = 60

/**
 * Text that came from an API (a name, a status, a message), set inside the console's own
 * words. It is bidi-isolated (`<bdi>`: its direction is its own, so a right-to-left
 * override in a name cannot reorder the text around it) and wraps anywhere (a name of
 * thousands of unbroken characters cannot widen the page). A long text is cut: to one
 * line with `truncate`, to `lines` lines, or as the context's CSS says (dialog titles,
 * toasts); the tooltip then holds all of it.
 */
export function ApiText({
  children,
  truncate,
  lines,
}: {
  children: string
  truncate?: boolean
  lines?: number
}) {
  if (children.length <= LONG) return <bdi className="api-text">{children}</bdi>
  const cut = truncate ? ' api-text-truncate' : lines ? ' api-text-clamp' : ''
  return (
    <bdi
      className={`api-text api-long${cut}`}
      style={lines && !truncate ? { WebkitLineClamp: lines } : undefined}
      title={children}
    >
      {children}
    </bdi>
  )
}

/** For a cell or a slot that may hold other content too: a string is isolated as `ApiText`. */
export function isolated(node: ReactNode): ReactNode {
  return typeof node === 'string' ? <ApiText>{node}</ApiText> : node
}

/**
 * A message (a toast) in the console's words with every interpolated value isolated as
 * API text: apiMessage`Unregistered ${server.name}`. Same text content as the plain
 * template string, so it reads and matches the same.
 */
export function apiMessage(
  strings: TemplateStringsArray,
  ...values: ReadonlyArray<string | number>
): ReactNode {
  return strings.map((text, i) => {
    const value = values[i]
    return (
      <Fragment key={i}>
        {text}
        {value !== undefined && <ApiText>{String(value)}</ApiText>}
      </Fragment>
    )
  })
}
