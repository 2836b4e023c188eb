import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { useEffect, type ReactNode } from 'react'
import {
  isRouteErrorResponse,
  Link,
  useLocation,
  useNavigate,
  useParams,
  useRouteError,
  type Params,
} from 'react-router'
import { ApiText } from '../components/api-text.tsx'
import { useConsole } from '../components/console-context.tsx'
import { ErrorPanel } from '../components/error-panel.tsx'
import { Msg, useT } from '../components/i18n.tsx'
import type { MessageKey } from '../lib/i18n.ts'
import { isApiError } from '../lib/api-error.ts'
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
 * What a detail page's not-found view says, from the address and the error (built as it
 * renders, in the language shown: `t` and `message` of lib/i18n).
 */
export interface NotFoundWords {
  title: string
  /** The sentence under the title. */
  sentence: ReactNode
  back: { to: string; label: ReactNode }
  /** Shows what the backend answered under the sentence. */
  showAnswer?: boolean
}

/** How a detail route's error element speaks of the item its page could not load. */
export interface DetailErrors {
  /** The title of a read that failed (not a 404): "Could not load this server". */
  notLoaded: MessageKey
  /** Whether the error means the item is not there; a 404 from the API by default. */
  isMissing?: (error: unknown) => boolean
  notFound: (at: { params: Params; error: unknown; environment: ReactNode }) => NotFoundWords
}

/**
 * What a crashed or unloadable page shows instead of a blank screen. Placed on each page
 * route, so the shell (header, navigation) stays when only the page failed; the root
 * route has one too, for what fails above the shell. On a detail route (`detail`) a read
 * of its item that failed lands here too (ADR 020): not there, with the page's words, or
 * could not be read, with the API's message, the request and a retry.
 */
export function RouteErrorPage({ detail }: { detail?: DetailErrors }) {
  const error = useRouteError()
  if (detail) {
    const missing =
      (isRouteErrorResponse(error) && error.status === 404) ||
      (detail.isMissing ?? isNotFoundAnswer)(error)
    if (missing) return <DetailNotFound detail={detail} error={error} />
    if (isApiError(error)) return <DetailNotLoaded title={detail.notLoaded} error={error} />
  }
  if (isRouteErrorResponse(error) && error.status === 404) return <RouteNotFound />
  if (isChunkLoadError(error)) return <CodeNotLoadedRoute />
  const message =
    error instanceof Error
      ? error.message
      : isRouteErrorResponse(error)
        ? error.statusText
        : String(error)
  return <PageCrashed message={message} />
}

function RouteNotFound() {
  const t = useT()
  return (
    <div className="state" style={{ paddingTop: 80 }}>
      <h1>{t('shell.notFound.title')}</h1>
      <p>{t('shell.notFound.nothingHere')}</p>
      <Link to={paths.home()}>{t('shell.notFound.home')}</Link>
    </div>
  )
}

function isNotFoundAnswer(error: unknown): boolean {
  return isApiError(error) && error.status === 404
}

/** The one not-found view of the detail pages, inside the shell. */
function DetailNotFound({ detail, error }: { detail: DetailErrors; error: unknown }) {
  const params = useParams()
  const { environment } = useConsole()
  // Also renders this again after a switch of language, so `notFound`'s words follow.
  const t = useT()
  const words = detail.notFound({
    params,
    error,
    environment: <ApiText>{environment.name}</ApiText>,
  })
  return (
    <div className="state">
      <h1>{words.title}</h1>
      <p>{words.sentence}</p>
      {words.showAnswer && isApiError(error) && (
        <ErrorPanel error={error} title={t('shell.error.backendAnswered')} />
      )}
      <Link to={words.back.to}>{words.back.label}</Link>
    </div>
  )
}

/** A read of the page's item that failed for another reason than its absence. */
function DetailNotLoaded({ title, error }: { title: MessageKey; error: unknown }) {
  const loadAgain = useLoadAgain()
  const t = useT()
  const { reset } = useQueryErrorResetBoundary()
  return (
    <ErrorPanel
      error={error}
      title={t(title)}
      onRetry={() => {
        // The page's query reads again when it mounts, instead of rethrowing its error.
        reset()
        loadAgain()
      }}
    />
  )
}

function PageCrashed({ message }: { message: string }) {
  const loadAgain = useLoadAgain()
  const t = useT()
  return (
    <div className="state" style={{ paddingTop: 80 }} role="alert">
      <h1>{t('shell.error.pageCrashedTitle')}</h1>
      <p>
        <Msg id="shell.error.pageCrashedSentence" values={{ message }} />
      </p>
      <p>
        <button type="button" className="btn" onClick={loadAgain}>
          {t('shell.error.tryAgain')}
        </button>{' '}
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('shell.error.reload')}
        </button>{' '}
        <Link to={paths.home()}>{t('shell.notFound.home')}</Link>
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
  const t = useT()
  return (
    <div className="state" style={{ paddingTop: 80 }} role="alert">
      <h1>{t('shell.error.updatedTitle')}</h1>
      <p>{t('shell.error.codeNotLoaded')}</p>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          {t('shell.error.reload')}
        </button>{' '}
        <button type="button" className="btn" onClick={onTryAgain} disabled={trying}>
          {trying ? t('shell.error.tryingAgain') : t('shell.error.tryAgain')}
        </button>{' '}
        <Link to={paths.home()}>{t('shell.notFound.home')}</Link>
      </p>
    </div>
  )
}

function CodeNotLoadedRoute() {
  return <CodeNotLoaded onTryAgain={useLoadAgain()} />
}
