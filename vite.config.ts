import { defineConfig, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'
import { lingui } from '@lingui/vite-plugin'
import { cspSafeStyles, demoBuildMarker, precompress } from './server/vite-build-plugins.ts'
import { consoleServerInDev } from './server/vite-dev-server.ts'

/**
 * Live mode is chosen by configuring an upstream: API_URL for every API family, or
 * ARM_URL (Runtime Manager + Access Management), MFP_URL (device administration) and
 * STORE_URL (API Store) per family. With none of them set, the console runs in demo mode.
 * The mode is fixed at build time so that a live build carries no demo code at all.
 */
function upstreams(env: NodeJS.ProcessEnv): Record<string, string> {
  const api = env.API_URL
  const arm = env.ARM_URL ?? api
  const mfp = env.MFP_URL ?? api
  const store = env.STORE_URL ?? api
  const map: Record<string, string | undefined> = {
    '/accounts': arm,
    '/hybrid': arm,
    '/mfpadmin': mfp,
    '/api/am': store,
  }
  const result: Record<string, string> = {}
  for (const [prefix, target] of Object.entries(map)) if (target) result[prefix] = target
  return result
}

const targets = upstreams(process.env)
const mode = Object.keys(targets).length > 0 ? 'live' : 'demo'
const proxy: Record<string, ProxyOptions> = {}
for (const [prefix, target] of Object.entries(targets)) {
  proxy[prefix] = { target, changeOrigin: true, secure: process.env.PROXY_INSECURE !== '1' }
}
const port = process.env.PORT ? Number(process.env.PORT) : undefined

export default defineConfig({
  plugins: [
    react(),
    lingui({ failOnCompileError: true }),
    cspSafeStyles(),
    consoleServerInDev(mode),
    demoBuildMarker(mode),
    precompress(),
  ],
  define: {
    __CONSOLE_MODE__: JSON.stringify(mode),
  },
  // The dev server proxies through the production server's code (consoleServerInDev);
  // `vite preview` keeps Vite's plain proxy.
  server: { port: port ?? 5173, strictPort: true },
  preview: { port: port ?? 4173, strictPort: true, proxy },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    // Maps are written for error reporting but not referenced from the code; the production
    // server refuses to send any .map file (docs/decisions/013-production-server.md).
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 400,
  },
})
