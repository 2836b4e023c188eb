import { useEffect } from 'react'
import { isRouteErrorResponse, Link, useLocation, useNavigate, useRouteError } from 'react-router'
import { isChunkLoadError } from '../lib/load-error.ts'
import { paths } from '../lib/paths.ts'

/**
 * Navigates to the current address again: the router loads the route's lazy module
 * anew (a failed load is not cached) and renders the page from scratch.
 */
function useLoadAgain(): () => void {
  const navigate = useNavigate()
  const location = useLocation()
  const here = `${location.pathname}${location.search}${location.hash}`
  return () => void navigate(here, { replace: true, state: location.state })
}

/**
 * What a crashed or unloadable page shows instead of a blank screen. Placed on each page
 * route, so the shell (header, navigation) stays when only the page failed; the root
 * route has one too, for what fails above the shell.
 */
export function RouteErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="state" style={{ paddingTop: 80 }}>
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link to={paths.home()}>Go to the console home</Link>
      </div>
    )
  }
  if (isChunkLoadError(error)) return <CodeNotLoadedRoute />
  const message =
    error instanceof Error
      ? error.message
      : isRouteErrorResponse(error)
        ? error.statusText
        : String(error)
  return <PageCrashed message={message} />
}

function PageCrashed({ message }: { message: string }) {
  const loadAgain = useLoadAgain()
  return (
    <div className="state" style={{ paddingTop: 80 }} role="alert">
      <h1>Something went wrong on this page</h1>
      <p>The console hit an unexpected error: {message}</p>
      <p>
        <button type="button" className="btn" onClick={loadAgain}>
          Try again
        </button>{' '}
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to={paths.home()}>Go to the console home</Link>
      </p>
    </div>
  )
}

/**
 * The page's code could not be fetched: offline, or an old tab after a redeploy (its
 * hashed chunk is gone). Offline heals by itself: the load is tried again as soon as
 * the browser is back online. A redeploy needs a reload, which the button offers.
 */
export function CodeNotLoaded({
  onTryAgain,
  trying = false,
}: {
  onTryAgain: () => void
  trying?: boolean
}) {
  useEffect(() => {
    window.addEventListener('online', onTryAgain)
    return () => window.removeEventListener('online', onTryAgain)
  }, [onTryAgain])
  return (
    <div className="state" style={{ paddingTop: 80 }} role="alert">
      <h1>The console was updated, or the network is down</h1>
      <p>
        This page’s code could not be loaded. When the network is back it loads by itself; if the
        console was updated, reload to get the new version (nothing you saved is lost).
      </p>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <button type="button" className="btn" onClick={onTryAgain} disabled={trying}>
          {trying ? 'Trying again…' : 'Try again'}
        </button>{' '}
        <Link to={paths.home()}>Go to the console home</Link>
      </p>
    </div>
  )
}

function CodeNotLoadedRoute() {
  return <CodeNotLoaded onTryAgain={useLoadAgain()} />
}
