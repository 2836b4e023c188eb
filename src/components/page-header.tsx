import type { ReactNode } from 'react'
import { ApiText } from './api-text.tsx'
import { useT } from './i18n.tsx'

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
  const t = useT()
  return (
    <header className="page-header">
      <div className="titles">
        {breadcrumbs && (
          <nav aria-label={t('ui.pageHeader.breadcrumb')} className="breadcrumbs">
            {breadcrumbs}
          </nav>
        )}
        <h1>{typeof title === 'string' ? <ApiText lines={3}>{title}</ApiText> : title}</h1>
        {subtitle && <div className="subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="toolbar">{actions}</div>}
    </header>
  )
}
