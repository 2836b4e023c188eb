import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { paths } from '../lib/paths.ts'

/** What a crashed or unloadable page shows instead of a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <main className="state" style={{ paddingTop: 80 }}>
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link to={paths.home()}>Go to the console home</Link>
      </main>
    )
  }
  const message =
    error instanceof Error
      ? error.message
      : isRouteErrorResponse(error)
        ? error.statusText
        : String(error)
  return (
    <main className="state" style={{ paddingTop: 80 }} role="alert">
      <h1>Something went wrong on this page</h1>
      <p>The console hit an unexpected error: {message}</p>
      <p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to={paths.home()}>Go to the console home</Link>
      </p>
    </main>
  )
}
