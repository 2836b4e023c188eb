import { Component, type ErrorInfo, type ReactNode } from 'react'
import { t } from '../lib/i18n.ts'
import { isChunkLoadError } from '../lib/load-error.ts'

interface State {
  error: unknown
}

/**
 * The last resort around the whole console: what the router's error boundaries cannot
 * catch (providers, the router itself) still ends in a message and a Reload button,
 * never a blank page. Plain DOM and no router: any of those may be what broke. Its words
 * come from lib/i18n's `t` (no hook: it renders once, when the console has stopped).
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Runtime Console crashed', error, info.componentStack)
  }

  override render() {
    const { error } = this.state
    if (error === null) return this.props.children
    const unloadable = isChunkLoadError(error)
    return (
      <main className="state" style={{ paddingTop: 80 }} role="alert">
        <h1>{unloadable ? t('shell.error.updatedTitle') : t('shell.error.crashedTitle')}</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => window.location.reload()}
          >
            {t('shell.error.reload')}
          </button>
        </p>
      </main>
    )
  }
}
