/**
 * One small JSON call to an upstream, for sign-in, token refresh and readiness checks.
 * Node's http/https rather than fetch so that PROXY_INSECURE and the timeout apply the same
 * way as in the proxy, with no dependency on a particular undici.
 */
import http from 'node:http'
import https from 'node:https'

export interface CallOptions {
  method: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  insecure: boolean
}

export interface CallResult {
  status: number
  json: unknown
}

export class UpstreamError extends Error {
  readonly kind: 'timeout' | 'unreachable'
  constructor(kind: 'timeout' | 'unreachable', message: string) {
    super(message)
    this.kind = kind
  }
}

/** Answers larger than this are not read: no sign-in answer is anywhere near it. */
const MAX_ANSWER = 256 * 1024

export function callUpstream(url: string, options: CallOptions): Promise<CallResult> {
  const target = new URL(url)
  const client = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    if (options.body !== undefined)
      headers['content-length'] = String(Buffer.byteLength(options.body))
    const req = client.request(
      target,
      {
        method: options.method,
        headers,
        rejectUnauthorized: !options.insecure,
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ANSWER) {
            res.destroy()
            reject(new UpstreamError('unreachable', 'the upstream answer is too large'))
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = text ? JSON.parse(text) : undefined
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode ?? 502, json })
        })
        res.on('error', (error) => reject(new UpstreamError('unreachable', error.message)))
      },
    )
    req.on('timeout', () => {
      req.destroy(new UpstreamError('timeout', `no answer within ${options.timeoutMs} ms`))
    })
    req.on('error', (error) => {
      reject(
        error instanceof UpstreamError ? error : new UpstreamError('unreachable', error.message),
      )
    })
    req.end(options.body)
  })
}
