import { Suspense, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiText } from './api-text.tsx'
import { PageHeader } from './page-header.tsx'
import { LoadingState } from './states.tsx'

/**
 * The frame of a detail page whose read starts in the route's loader (ADR 020): the page
 * suspends on that read and says what it is loading; a 404 is the route's, not the page's.
 */
export function DetailFrame({ loading, children }: { loading: string; children: ReactNode }) {
  return <Suspense fallback={<LoadingState label={loading} />}>{children}</Suspense>
}

/**
 * A detail page's header: a breadcrumb back to the list, the item's name (from the API, so
 * rendered as text) beside its status, and the page's own subtitle and actions.
 */
export function DetailHeader({
  back,
  name,
  badge,
  subtitle,
  actions,
}: {
  back: { to: string; label: ReactNode }
  name: string
  badge: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
}) {
  return (
    <PageHeader
      breadcrumbs={
        <>
          <Link to={back.to}>{back.label}</Link> / <ApiText truncate>{name}</ApiText>
        </>
      }
      title={
        <>
          <ApiText lines={3}>{name}</ApiText> {badge}
        </>
      }
      subtitle={subtitle}
      actions={actions}
    />
  )
}
