import { Link } from 'react-router'
import { paths } from '../lib/paths.ts'

export function NotFoundPage() {
  return (
    <main className="state" style={{ paddingTop: 80 }}>
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have been mistyped or removed.</p>
      <p>
        <Link to={paths.home()}>Go to the console home</Link>
      </p>
    </main>
  )
}
