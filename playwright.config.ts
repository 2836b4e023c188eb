import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

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

const DEMO_URL = 'http://127.0.0.1:4173'
const LIVE_URL = 'http://127.0.0.1:4174'
const BACKEND_URL = 'http://127.0.0.1:4010'

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
      command: 'npm run build && npx vite preview --port 4173 --strictPort',
      url: DEMO_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      name: 'demo backend',
      command: `${projectNode} scripts/demo-server.ts --port 4010`,
      url: `${BACKEND_URL}/__demo/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      // Live mode is fixed at build time by API_URL: this build has no msw and its
      // preview server proxies the API prefixes to the demo backend above.
      name: 'live console',
      command: `API_URL=${BACKEND_URL} OUT_DIR=dist-live npm run build && API_URL=${BACKEND_URL} npx vite preview --outDir dist-live --port 4174 --strictPort`,
      url: LIVE_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
})
