import { describeRequest, pathWithQuery } from './describe-request.ts'
import {
  networkError,
  parseAnswer,
  parseBodyText,
  requestHeaders,
  type ApiResponse,
  type RequestSpec,
  MAX_SIGN_IN_RESENDS,
} from './request.ts'
import { resendAfterSignIn, sessionTicket } from './session-store.ts'

/** Bytes sent so far of a request body, and the total when known. */
export interface UploadProgress {
  loaded: number
  total: number
}

export interface UploadSpec<T> extends RequestSpec<T> {
  body: FormData
  onProgress?: (progress: UploadProgress) => void
}

/**
 * Sends a multipart request with upload progress (fetch cannot report it), through the
 * same headers, errors and schema parsing as `send`. The browser sets the multipart
 * boundary. Aborting `signal` cancels the upload and rejects with an AbortError.
 */
export function sendMultipart<T>(spec: UploadSpec<T>): Promise<ApiResponse<T>> {
  return upload(spec, 0)
}

function upload<T>(spec: UploadSpec<T>, resends: number): Promise<ApiResponse<T>> {
  const description = describeRequest(spec)
  const ticket = sessionTicket()
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(spec.method, pathWithQuery(spec.path, spec.query))
    requestHeaders(spec).forEach((value, name) => xhr.setRequestHeader(name, value))
    const abort = () => xhr.abort()
    if (spec.signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'))
      return
    }
    spec.signal?.addEventListener('abort', abort, { once: true })
    const done = () => spec.signal?.removeEventListener('abort', abort)

    xhr.upload.addEventListener('progress', (event) => {
      spec.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 })
    })
    xhr.addEventListener('abort', () => {
      done()
      reject(new DOMException('The upload was cancelled.', 'AbortError'))
    })
    xhr.addEventListener('error', () => {
      done()
      reject(networkError(description))
    })
    xhr.addEventListener('load', () => {
      done()
      const headers = new Headers()
      for (const line of xhr
        .getAllResponseHeaders()
        .trim()
        .split(/[\r\n]+/)) {
        const at = line.indexOf(':')
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
      }
      const body = parseBodyText(xhr.responseText)
      const settle = () => {
        try {
          resolve({
            data: parseAnswer(spec.schema, xhr.status, xhr.statusText, body, description),
            status: xhr.status,
            headers,
          })
        } catch (error) {
          reject(error)
        }
      }
      if (xhr.status === 401 && spec.auth !== 'none' && resends < MAX_SIGN_IN_RESENDS) {
        // As in `send`: the sign-in is asked for over the page, and an upload refused with
        // 401 (so not applied) is sent again from the start once signed in.
        resendAfterSignIn(ticket, { path: spec.path, headers, body }, spec.signal, true).then(
          (again) => (again ? resolve(upload(spec, resends + 1)) : settle()),
          reject,
        )
        return
      }
      settle()
    })
    xhr.send(spec.body)
  })
}

/** True for the rejection of a cancelled request or upload. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}
