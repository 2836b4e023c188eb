/**
 * `npm run serve`: the production server on the build in DIST_DIR (see `--help`).
 * SIGTERM/SIGINT drain: the listener closes, in-flight requests finish, then the process exits.
 */
import { pino } from 'pino'
import { buildServer } from './app.ts'
import { AuditStore } from './audit/store.ts'
import { ConfigError, helpText, readConfig } from './config.ts'
import { NoBuildError } from './static.ts'

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.info(helpText())
  process.exit(0)
}

/** How long a drain may take before the process exits anyway. */
const DRAIN_LIMIT_MS = 30_000
/**
 * The log goes to stdout asynchronously, in writes of at least 4 kB (about 20 request lines)
 * or every second, whichever comes first: a synchronous write of each request's line was
 * about 7 % of the server's time under load (ADR 013, "Load budget"). pino writes what is
 * left synchronously when the process exits (its exit handler for an asynchronous
 * destination), so a drain, a crash or `process.exit` loses no line.
 */
const LOG_MIN_WRITE = 4096
const LOG_FLUSH_MS = 1000

async function main() {
  const config = readConfig(process.env)
  // The audit trail records what passes through the proxy: live mode only. Its failures go
  // to the server's log once there is one (the store opens first, the server takes it).
  let log: { error: (details: object, message: string) => void } = {
    error: (details, message) => console.error(`serve: ${message}`, details),
  }
  const audit =
    config.mode === 'live'
      ? new AuditStore({
          file: config.auditDb,
          retentionDays: config.auditRetentionDays,
          log: { error: (details, message) => log.error(details, message) },
        })
      : undefined
  const logStream = pino.destination({ dest: 1, sync: false, minLength: LOG_MIN_WRITE })
  setInterval(() => logStream.flush(), LOG_FLUSH_MS).unref()
  const app = await buildServer(config, { audit, logStream })
  log = app.log
  let closing = false
  const drain = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'draining: no new connections, finishing in-flight requests')
    setTimeout(() => {
      app.log.warn('drain took too long, exiting')
      process.exit(1)
    }, DRAIN_LIMIT_MS).unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'close failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => drain('SIGTERM'))
  process.on('SIGINT', () => drain('SIGINT'))
  await app.listen({ port: config.port, host: config.host })
  app.log.info(
    {
      mode: config.mode,
      upstreams: config.upstreams,
      dist: config.distDir,
      tls: Boolean(config.tls),
    },
    'runtime console serving',
  )
  // Whoever waits for that line (a supervisor, the tests) gets it now, not within a second.
  logStream.flush()
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof NoBuildError) {
    console.error(`serve: ${error.message}`)
    process.exit(2)
  }
  console.error('serve: failed to start', error)
  process.exit(1)
})
