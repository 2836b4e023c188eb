import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import {
  BACKEND_URL,
  DEMO_URL,
  E2E_PORTS,
  LIVE_URL,
  SEPARATE_BACKEND_URL,
  SERVED_URL,
} from './e2e/ports.ts'

/**
 * Same choice as scripts/ensure-browser.mjs: $CHROMIUM_PATH, then Debian's chromium, else
 * (undefined) the browser `playwright install` put in its cache.
 */
function chromiumPath(): string | undefined {
  for (const path of [process.env.CHROMIUM_PATH, '/usr/bin/chromium']) {
    if (path && existsSync(path)) return path
  }
  return undefined
}

// The demo server is TypeScript run by Node's type stripping, so it needs the project's
// Node 24 even when Playwright itself was started by an older `node` on the PATH.
const projectNode = existsSync('node_modules/.bin/node') ? 'node_modules/.bin/node' : 'node'

// Each port set builds into its own folders, so parallel suites never serve each other's build.
const demoOut = `dist-e2e-${E2E_PORTS.demo}`
const liveOut = `dist-e2e-${E2E_PORTS.live}-live`
const servedOut = `dist-e2e-${E2E_PORTS.served}-served`
// The production server, quiet unless something goes wrong.
const serve = (env: string) => `${env} HOST=127.0.0.1 LOG_LEVEL=warn npm run serve`
// Each live server keeps its own audit trail, new for every run (outside the served folder).
const auditDb = (port: number) => {
  const file = `.e2e-data/audit-${port}.sqlite`
  return { reset: `rm -f ${file} ${file}-wal ${file}-shm`, env: `AUDIT_DB=${file}` }
}

export default defineConfig({
  testDir: 'e2e',
  // Two cores here and on CI: more workers only make the browsers and servers fight.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: DEMO_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath(),
          // A closed network: without these, Chromium keeps calling home (updates, sync,
          // QUIC probes) and floods the log with refused connections.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: 'demo console',
      // Served by the production server in demo mode (static files and security headers,
      // no proxy, no sessions), so every journey runs under the Content-Security-Policy.
      command: `OUT_DIR=${demoOut} npm run build && ${serve(`DIST_DIR=${demoOut} PORT=${E2E_PORTS.demo}`)}`,
      url: DEMO_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      name: 'demo backend',
      command: `${projectNode} scripts/demo-server.ts --port ${E2E_PORTS.backend}`,
      url: `${BACKEND_URL}/__demo/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      // Live mode is fixed at build time by API_URL: this build has no msw, and the
      // production server (sessions per family, the strict proxy) fronts the demo backend
      // above, as it would front the real systems.
      name: 'live console',
      command: `API_URL=${BACKEND_URL} OUT_DIR=${liveOut} npm run build && ${auditDb(E2E_PORTS.live).reset} && ${serve(`API_URL=${BACKEND_URL} DIST_DIR=${liveOut} PORT=${E2E_PORTS.live} ${auditDb(E2E_PORTS.live).env}`)}`,
      url: `${LIVE_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      // The demo backend as the three real systems are: each family accepts only its own
      // credentials. It stands behind the production server below.
      name: 'demo backend, separate families',
      command: `${projectNode} scripts/demo-server.ts --port ${E2E_PORTS.separateBackend} --separate-families`,
      url: `${SEPARATE_BACKEND_URL}/__demo/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      // `npm run serve` on a live build: sessions per family and the strict proxy.
      name: 'served live console',
      command: `API_URL=${SEPARATE_BACKEND_URL} OUT_DIR=${servedOut} npm run build && ${auditDb(E2E_PORTS.served).reset} && ${serve(`API_URL=${SEPARATE_BACKEND_URL} DIST_DIR=${servedOut} PORT=${E2E_PORTS.served} ${auditDb(E2E_PORTS.served).env}`)}`,
      url: `${SERVED_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
})
