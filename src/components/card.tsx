import type { ReactNode } from 'react'

/**
 * A card of a detail page: a section named by its heading, so a screen reader lists it as a
 * landmark under that name. `id` ties the two and must be unique on the page.
 */
export function Card({
  id,
  title,
  className,
  children,
}: {
  id: string
  title: ReactNode
  /** More classes beside `card` (its layout on the page). */
  className?: string
  children: ReactNode
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
