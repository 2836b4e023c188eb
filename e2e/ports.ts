/**
 * Where the e2e servers listen. E2E_PORT_BASE moves all three (demo console, live
 * console, demo backend over HTTP) so that several suites can run side by side.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4173)

export const E2E_PORTS = { demo: base, live: base + 1, backend: base + 2 }
export const DEMO_URL = `http://127.0.0.1:${E2E_PORTS.demo}`
export const LIVE_URL = `http://127.0.0.1:${E2E_PORTS.live}`
export const BACKEND_URL = `http://127.0.0.1:${E2E_PORTS.backend}`
