/**
 * Where the e2e servers listen. E2E_PORT_BASE moves them all (demo console, live console,
 * demo backend over HTTP, the production server on a live build, and the demo backend
 * with separate families behind it) so that several suites can run side by side.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4173)

export const E2E_PORTS = {
  demo: base,
  live: base + 1,
  backend: base + 2,
  served: base + 3,
  separateBackend: base + 4,
}
export const DEMO_URL = `http://127.0.0.1:${E2E_PORTS.demo}`
export const LIVE_URL = `http://127.0.0.1:${E2E_PORTS.live}`
export const BACKEND_URL = `http://127.0.0.1:${E2E_PORTS.backend}`
export const SERVED_URL = `http://127.0.0.1:${E2E_PORTS.served}`
export const SEPARATE_BACKEND_URL = `http://127.0.0.1:${E2E_PORTS.separateBackend}`
