import { delay, getResponse, http, HttpResponse } from 'msw'
import { appStoreHandlers } from '../app-store/handlers.ts'
import { storeSignInHandlers } from '../app-store/sign-in.ts'
import type { DemoBackend } from '../backend.ts'
import { isApiPath } from '../families.ts'
import { deviceAdminHandlers } from '../device-admin/handlers.ts'
import { accessManagementHandlers } from './access-management.ts'
import { auditHandlers, recordingHandler } from './audit.ts'
import { tickLifecycle } from '../lifecycle.ts'
import { hybridError, mfpError } from '../responses.ts'
import { applicationHandlers } from './applications.ts'
import { serverHandlers } from './servers.ts'
import { targetHandlers } from './targets.ts'

/**
 * Every handler of the demo backend, in order: the audit trail's API and its recording
 * (which answers each change through the handlers below and records it, ADR 015), fault
 * injection and the lifecycle clock, then each API family, then a 404 for API paths nobody
 * handles (so a missing endpoint fails like a real server instead of falling through to
 * the page server).
 */
export function createHandlers(backend: DemoBackend) {
  const api = apiHandlers(backend)
  return [...auditHandlers(backend), recordingHandler(backend, api), ...api]
}

/**
 * Fault injection and the lifecycle clock, then the API families. A lost answer
 * (`lose-answer-*`) comes from here, so the recording handler sees what the page sees: a
 * 502 is recorded as the failure the proxy saw, a dropped connection is not recorded.
 */
function apiHandlers(backend: DemoBackend) {
  const api = [
    ...accessManagementHandlers(backend),
    ...serverHandlers(backend),
    ...targetHandlers(backend),
    ...applicationHandlers(backend),
    ...appStoreHandlers(backend),
    ...storeSignInHandlers(backend),
    ...deviceAdminHandlers(backend),
    http.all('*', ({ request }) => {
      const url = new URL(request.url)
      if (!isApiPath(url.pathname)) return undefined
      return hybridError(404, `No resource at ${request.method} ${url.pathname}.`)
    }),
  ]
  return [
    http.all('*', async ({ request }) => {
      const url = new URL(request.url)
      if (!isApiPath(url.pathname)) return undefined
      const faults = backend.faults.get()
      if (faults.offline) return HttpResponse.error()
      const wait = faults.latencyMs + backend.ambientLatencyMs
      if (wait > 0) await delay(wait)
      const rule = backend.faults.take(`${request.method} ${url.pathname}`)
      if (rule?.effect === 'fail-502' || rule?.effect === 'fail-503') {
        const status = rule.effect === 'fail-502' ? 502 : 503
        return gatewayError(status)
      }
      if (rule?.effect === 'lose-answer-502' || rule?.effect === 'lose-answer-network') {
        // The backend does the work (a change is applied), then its answer is lost.
        tickLifecycle(backend.db)
        await getResponse(api, request)
        return rule.effect === 'lose-answer-502' ? gatewayError(502) : HttpResponse.error()
      }
      const targeted =
        faults.failMatching !== '' &&
        `${request.method} ${url.pathname}`.includes(faults.failMatching)
      if (targeted || (faults.failureRate > 0 && Math.random() < faults.failureRate)) {
        // Each API family fails with its own error body.
        if (url.pathname.startsWith('/mfpadmin/'))
          return mfpError(500, 'INJECTED_FAILURE', {}, url.searchParams.get('locale'))
        return hybridError(
          500,
          'Injected failure (demo fault injection): the backend could not process the request.',
        )
      }
      tickLifecycle(backend.db)
      return undefined
    }),
    ...api,
  ]
}

/** What a gateway in front of the backend answers when it has no answer to pass on. */
function gatewayError(status: 502 | 503): Response {
  const text = status === 502 ? 'Bad Gateway' : 'Service Unavailable'
  return new HttpResponse(`<html><body><h1>${status} ${text}</h1></body></html>`, {
    status,
    statusText: text,
    headers: { 'Content-Type': 'text/html' },
  })
}
