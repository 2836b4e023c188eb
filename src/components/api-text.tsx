import { Fragment, type ReactNode } from 'react'

/** Longer than this, a text may be cut by CSS somewhere and gets a tooltip. */
const LONG = 60

/**
 * Text that came from an API (a name, a status, a message), set inside the console's own
 * words. It is bidi-isolated (`<bdi>`: its direction is its own, so a right-to-left
 * override in a name cannot reorder the text around it) and wraps anywhere (a name of
 * thousands of unbroken characters cannot widen the page). `truncate` keeps it to one
 * line (`lines` to a few) with an ellipsis; the tooltip then holds all of it.
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
  // Where CSS may cut it (truncate, lines, or a dialog title or toast, see styles.css),
  // a long text keeps its whole self in the tooltip.
  const cut = truncate === true || lines !== undefined || children.length > LONG
  return (
    <bdi
      className={
        truncate ? 'api-text api-text-truncate' : lines ? 'api-text api-text-clamp' : 'api-text'
      }
      style={lines ? { WebkitLineClamp: lines } : undefined}
      title={cut ? children : undefined}
    >
      {children}
    </bdi>
  )
}

/** `ApiText` for a cell or a slot that may hold other content too: strings are isolated. */
export function isolated(node: ReactNode): ReactNode {
  return typeof node === 'string' ? <bdi className="api-text">{node}</bdi> : node
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
        {value !== undefined && (
          <bdi className="api-text" title={String(value).length > LONG ? String(value) : undefined}>
            {String(value)}
          </bdi>
        )}
      </Fragment>
    )
  })
}
