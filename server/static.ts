/**
 * The built console: hashed assets cached for a year, everything else revalidated,
 * precompressed brotli/gzip (made at build time), no source maps, and an SPA fallback
 * that answers only HTML navigations (never an API path or a missing asset).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isApiPath } from './paths.ts'
import { DEMO_BUILD_MARKER } from './vite-build-plugins.ts'

export const IMMUTABLE = 'public, max-age=31536000, immutable'

export class NoBuildError extends Error {}

/**
 * Throws a NoBuildError saying what to run when the folder holds no build, or a live build
 * while no upstream is configured (its pages would call APIs nobody answers).
 */
export function checkBuild(distDir: string, mode: 'demo' | 'live'): string {
  const root = resolve(distDir)
  if (!existsSync(join(root, 'index.html')))
    throw new NoBuildError(
      `no build in ${root}: run \`npm run build\` first (with API_URL or ARM_URL/MFP_URL/STORE_URL set for a live build), or set DIST_DIR`,
    )
  if (mode === 'demo' && !isDemoBuild(root))
    throw new NoBuildError(
      `${root} holds a live build but no upstream is configured: set API_URL (or ARM_URL, MFP_URL, STORE_URL)`,
    )
  return root
}

/** A demo build (it carries `demo-build.txt`) served in live mode answers from its own demo. */
export function isDemoBuild(root: string): boolean {
  return existsSync(join(root, DEMO_BUILD_MARKER))
}

/** An HTML navigation: what a browser sends when the address bar goes to a console page. */
function isNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  if (!String(request.headers.accept ?? '').includes('text/html')) return false
  const path = (request.raw.url ?? '/').split('?')[0] ?? '/'
  if (isApiPath(path) || path.startsWith('/assets/')) return false
  // A file extension means a file: a missing one is a 404, not the page. Only extensions
  // of files a build or a browser asks for count, so ids with dots (`anna.schmidt`, a
  // version `2.1.0`) in a deep link still get the page.
  const last = path.slice(path.lastIndexOf('/') + 1)
  return !FILE_EXTENSION.test(last)
}

const FILE_EXTENSION =
  /\.(js|mjs|cjs|css|map|json|html?|svg|png|jpe?g|gif|webp|avif|ico|txt|xml|woff2?|ttf|otf|wasm|webmanifest|br|gz|zip|pdf|php|aspx?|env|ya?ml|ini|bak|sql)$/i

export async function staticPlugin(app: FastifyInstance, options: { root: string }) {
  // Source maps stay on the server's disk (for error reporting), never sent to browsers.
  app.addHook('onRequest', async (request, reply) => {
    const path = (request.raw.url ?? '').split('?')[0] ?? ''
    if (/\.map$/i.test(path) || /%2e?map$/i.test(path))
      return reply.code(404).send({ message: 'Not found.' })
    return undefined
  })

  await app.register(fastifyStatic, {
    root: options.root,
    preCompressed: true,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    etag: true,
    lastModified: true,
    // Dot files and the compressed twins are not resources of their own.
    allowedPath: (pathname) => !pathname.split('/').some((s) => s.startsWith('.')),
    setHeaders: (res, path) => {
      const relative = path.slice(options.root.length).replaceAll('\\', '/')
      res.header('cache-control', relative.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
    },
  })

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (isNavigation(request)) {
      reply.header('cache-control', 'no-cache')
      return reply.sendFile('index.html')
    }
    return reply
      .code(404)
      .send({ message: `Not found: ${request.method} ${request.url.split('?')[0]}` })
  })
}
