import {
  useSuspenseQuery,
  type QueryKey,
  type UseSuspenseQueryOptions,
} from '@tanstack/react-query'
import { Suspense, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ApiText } from './api-text.tsx'
import { Freshness } from './freshness.tsx'
import { PageHeader } from './page-header.tsx'
import { LoadingState } from './states.tsx'

/** What a detail page's view gets: its loaded item and the item's "updated N s ago". */
export interface DetailViewProps<TData> {
  item: TData
  freshness: ReactNode
}

/**
 * The frame of a detail page whose read starts in the route's loader (ADR 020): the page
 * suspends on that read and says what it is loading, then renders the item, in the page's
 * box, with its "updated N s ago". A 404 is the route's error, not the page's. The query
 * comes in as options, so this piece knows no API.
 */
export function DetailFrame<TData, TKey extends QueryKey>({
  loading,
  query,
  children,
}: {
  loading: string
  query: UseSuspenseQueryOptions<TData, Error, TData, TKey>
  children: (data: TData, freshness: ReactNode) => ReactNode
}) {
  return (
    <Suspense fallback={<LoadingState label={loading} />}>
      <DetailRead query={query}>{children}</DetailRead>
    </Suspense>
  )
}

function DetailRead<TData, TKey extends QueryKey>({
  query,
  children,
}: {
  query: UseSuspenseQueryOptions<TData, Error, TData, TKey>
  children: (data: TData, freshness: ReactNode) => ReactNode
}) {
  const read = useSuspenseQuery(query)
  return <div className="page">{children(read.data, <Freshness query={read} />)}</div>
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
