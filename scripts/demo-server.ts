/**
 * Serves the demo backend's msw handlers over real HTTP, so that a live build of the
 * console (vite preview with API_URL pointing here) can be tested against a real server.
 *
 *   node scripts/demo-server.ts [--port 4010] [--host 127.0.0.1] [--fleet small|large]
 *                               [--separate-families] [--no-etag] [--gzip]
 *
 * --no-etag: hybrid GETs carry no ETag (nor Last-Modified) and never answer 304, as the
 * vendor documents its server: a stand-in for a backend without validators (ADR 016).
 * --gzip: JSON answers are gzip-encoded for clients that accept it, as a real server or
 * its gateway does; what an uncompressed backend costs is its answers' full size.
 *
 * Control endpoints that exist only here (not part of any documented API):
 *   GET  /__demo/health  200 {"ok":true}
 *   POST /__demo/reset   204, rebuilds the fleet from its seed and clears the faults
 *   GET  /__demo/faults  200, the fault settings now in force (counted rules as left)
 *   POST /__demo/faults  200, changes the fault settings named in the JSON body, e.g.
 *                        {"rules":[{"matching":"POST /hybrid/api/v1/applications",
 *                        "effect":"lose-answer-502","times":1}]} (see src/demo/faults.ts)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { getResponse } from 'msw'
import { DemoBackend } from '../src/demo/backend.ts'
import { createHandlers } from '../src/demo/handlers/create-handlers.ts'
import type { FleetSize } from '../src/demo/model.ts'
import { memoryStorage } from '../src/demo/storage.ts'
import { faultChangeFrom, NO_FAULTS } from '../src/demo/faults.ts'

const USAGE =
  'usage: node scripts/demo-server.ts [--port 4010] [--host 127.0.0.1] [--fleet small|large] [--separate-families] [--no-etag] [--gzip]'

function fail(message: string): never {
  console.error(`demo-server: ${message}\n${USAGE}`)
  process.exit(2)
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        // Loopback only unless asked: the demo hands out admin tokens to anyone.
        host: { type: 'string', default: '127.0.0.1' },
        fleet: { type: 'string', default: 'small' },
        // Each family accepts only its own credentials, as the real systems do (the
        // production server's sessions); without it the demo's one token works everywhere.
        'separate-families': { type: 'boolean', default: false },
        'no-etag': { type: 'boolean', default: false },
        gzip: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
}

const values = readArgs()

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`invalid --port ${values.port}`)
const host = values.host
const fleetArg = values.fleet
const fleet: FleetSize =
  fleetArg === 'small' || fleetArg === 'large' ? fleetArg : fail(`--fleet must be small or large`)

const backend = new DemoBackend({
  fleet,
  storage: memoryStorage(),
  separateFamilies: values['separate-families'],
  etags: !values['no-etag'],
})
const gzip = values.gzip
const handlers = createHandlers(backend)
// Handlers only look at the path; the origin just has to be absolute and stable.
const origin = `http://127.0.0.1:${port}`

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]
    const value = raw[i + 1]
    if (name !== undefined && value !== undefined) headers.append(name, value)
  }
  return headers
}

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  const body = hasBody ? await readBody(req) : undefined
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers: toHeaders(req),
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal,
  })
}

/** Whether the request accepts gzip (`Accept-Encoding: gzip, br` and the like, not `gzip;q=0`). */
function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding']
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  return text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .some((part) => part === 'gzip' || (part.startsWith('gzip;') && !/q=0(\.0*)?$/.test(part)))
}

async function sendResponse(
  req: IncomingMessage,
  res: ServerResponse,
  response: Response,
  method: string,
): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  const type = response.headers.get('content-type') ?? ''
  if (gzip && response.body && method !== 'HEAD' && type.includes('json') && acceptsGzip(req)) {
    // Whole answers only (JSON is built at once): a streamed, delayed answer is not JSON here.
    const body = gzipSync(new Uint8Array(await response.arrayBuffer()), { level: 6 })
    headers['content-encoding'] = 'gzip'
    headers['content-length'] = String(body.length)
    headers.vary = 'Accept-Encoding'
    res.writeHead(response.status, response.statusText, headers)
    res.end(body)
    return
  }
  res.writeHead(response.status, response.statusText, headers)
  if (!response.body || method === 'HEAD') {
    res.end()
    return
  }
  // Chunk by chunk, so a slow (delayed or streamed) answer reaches the client as it comes.
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value)) await Promise.race([once(res, 'drain'), once(res, 'close')])
      if (res.destroyed) {
        await reader.cancel()
        return
      }
    }
    res.end()
  } finally {
    reader.releaseLock()
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET'
  const pathname = new URL(req.url ?? '/', origin).pathname

  if (pathname === '/__demo/health' && (method === 'GET' || method === 'HEAD')) {
    sendJson(res, 200, { ok: true })
    return
  }
  if (pathname === '/__demo/reset' && method === 'POST') {
    backend.reset()
    backend.faults.set(NO_FAULTS)
    res.writeHead(204).end()
    return
  }
  if (pathname === '/__demo/faults' && method === 'GET') {
    sendJson(res, 200, backend.faults.get())
    return
  }
  if (pathname === '/__demo/faults' && method === 'POST') {
    let body: unknown
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      sendJson(res, 400, { message: 'The body must be JSON fault settings.' })
      return
    }
    sendJson(res, 200, backend.faults.set(faultChangeFrom(body)))
    return
  }

  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const request = await toRequest(req, controller.signal)
  const response = await getResponse(handlers, request, { quiet: true })
  if (!response) {
    sendJson(res, 404, { message: `No resource at ${method} ${pathname}` })
    return
  }
  if (response.type === 'error') {
    // The offline fault: look like an unreachable backend, not like an HTTP error.
    req.socket.destroy()
    return
  }
  await sendResponse(req, res, response, method)
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(`demo-server: ${req.method} ${req.url} failed`, error)
    if (!res.headersSent) sendJson(res, 500, { message: 'Demo server error (see its log).' })
    else res.destroy()
  })
})

server.on('error', (error) => fail(error.message))
server.listen(port, host, () => {
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  const extras = [values['no-etag'] ? 'no ETags' : '', gzip ? 'gzip' : ''].filter(Boolean)
  console.info(
    `demo-server: ${fleet} fleet${extras.length > 0 ? ` (${extras.join(', ')})` : ''} on http://${host}:${bound} (pid ${process.pid})`,
  )
})

function shutdown(signal: string): void {
  console.info(`demo-server: ${signal}, closing`)
  server.close(() => process.exit(0))
  server.closeAllConnections()
  setTimeout(() => process.exit(0), 2000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
