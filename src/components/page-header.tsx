import type { ReactNode } from 'react'

export function PageHeader({
  title,
  subtitle,
  breadcrumbs,
  actions,
}: {
  title: ReactNode
  subtitle?: ReactNode
  breadcrumbs?: ReactNode
  actions?: ReactNode
}) {
  return (
    <header className="page-header">
      <div className="titles">
        {breadcrumbs && (
          <nav aria-label="Breadcrumb" className="breadcrumbs">
            {breadcrumbs}
          </nav>
        )}
        <h1>{title}</h1>
        {subtitle && <div className="subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="toolbar">{actions}</div>}
    </header>
  )
}
