import { Link } from 'react-router'
import { useT } from '../components/i18n.tsx'
import { paths } from '../lib/paths.ts'

export function NotFoundPage() {
  const t = useT()
  return (
    <main className="state" style={{ paddingTop: 80 }}>
      <h1>{t('shell.notFound.title')}</h1>
      <p>{t('shell.notFound.sentence')}</p>
      <p>
        <Link to={paths.home()}>{t('shell.notFound.home')}</Link>
      </p>
    </main>
  )
}
