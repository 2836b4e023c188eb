/**
 * `npm start` in live mode runs the production server's own session and proxy code: the
 * Fastify app (without its static files, which Vite serves) is mounted in front of Vite's
 * middleware for the API prefixes and the session API. Demo mode is untouched.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Plugin } from 'vite'
import { buildServer } from './app.ts'
import { AuditStore } from './audit/store.ts'
import { readConfig } from './config.ts'
import { isApiPath } from './paths.ts'

export function consoleServerInDev(mode: 'demo' | 'live'): Plugin {
  return {
    name: 'runtime-console:server-in-dev',
    apply: 'serve',
    async configureServer(server) {
      if (mode !== 'live') return
      const config = readConfig({ LOG_LEVEL: 'warn', ...process.env })
      const audit = new AuditStore({
        file: config.auditDb,
        retentionDays: config.auditRetentionDays,
      })
      const app = await buildServer(config, { skipStatic: true, audit })
      await app.ready()
      const closeVite = server.close.bind(server)
      server.close = async () => {
        await app.close()
        await closeVite()
      }
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/'
        // Everything under the four prefixes (traversal attempts included: the app refuses
        // them), the session API, and the health endpoints.
        const ours =
          isApiPath(path) ||
          /^\/(accounts|hybrid|mfpadmin|api\/am)([/?#%\\.]|$)/.test(path) ||
          path === '/healthz' ||
          path === '/readyz'
        if (!ours) return next()
        app.routing(req, res)
        return undefined
      })
    },
  }
}
