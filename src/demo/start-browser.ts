import { defineNetwork } from 'msw/experimental'
import { DemoBackend } from './backend.ts'
import { PageRequestSource } from './page-source.ts'
import type { FaultSettings } from './faults.ts'
import { createHandlers } from './handlers/create-handlers.ts'
import type { DemoIdentity, FleetSize } from './model.ts'
import { DEMO_IDENTITIES } from './seed.ts'
import { browserStorage } from './storage.ts'

const FLEET_KEY = 'runtime-console-demo:fleet'

/** What the console (demo panel, sign-in presets) and Playwright tests may do with the demo. */
export interface DemoControls {
  readonly fleet: FleetSize
  readonly identities: readonly DemoIdentity[]
  getFaults(): FaultSettings
  setFaults(change: Partial<FaultSettings>): FaultSettings
  subscribeFaults(listener: () => void): () => void
  /** Forgets every change made in the demo and rebuilds the fleet from its seed. */
  reset(): void
  /** Switches fleet size; the caller reloads the page. */
  setFleet(fleet: FleetSize): void
  /** Rejects every token issued so far (as if they had expired). */
  expireSessions(): void
  /** Moves the demo's lifecycle clock forward. */
  advanceClock(ms: number): void
  /** Runs a server's agent setup command on a simulated host. */
  runSetupCommand(command: string): { ok: true; name: string } | { ok: false; message: string }
}

declare global {
  interface Window {
    __demo?: DemoControls
  }
}

/**
 * Earlier demo builds ran msw as a service worker (`/mockServiceWorker.js`). One left
 * registered from such a visit would still see every request this page makes, so it is
 * unregistered; the page needs none.
 */
function forgetServiceWorker() {
  void navigator.serviceWorker?.getRegistrations().then((registrations) => {
    for (const registration of registrations) {
      const script = registration.active ?? registration.waiting ?? registration.installing
      if (script?.scriptURL.endsWith('/mockServiceWorker.js')) void registration.unregister()
    }
  })
}

function chooseFleet(): FleetSize {
  const url = new URL(window.location.href)
  const asked = url.searchParams.get('fleet')
  if (asked === 'large' || asked === 'small') {
    localStorage.setItem(FLEET_KEY, asked)
    return asked
  }
  return localStorage.getItem(FLEET_KEY) === 'large' ? 'large' : 'small'
}

/**
 * Starts the in-browser backend before the console renders. msw intercepts `fetch` and
 * `XMLHttpRequest` in the page itself rather than through a service worker (ADR 030): a
 * 10 MB answer is handed over as it is instead of crossing to the worker and back, the
 * page's own files load without a detour through the page's main thread, and there is no
 * worker to register, start or update before the first request.
 */
export async function startDemoBackend(): Promise<DemoControls> {
  const fleet = chooseFleet()
  const backend = new DemoBackend({
    fleet,
    storage: browserStorage(),
    persistDelayMs: 250,
    // A little latency makes the demo honest about loading states; automated browsers get none.
    ambientLatencyMs: navigator.webdriver ? 0 : 120,
  })
  const network = defineNetwork({
    sources: [new PageRequestSource()],
    handlers: createHandlers(backend),
    onUnhandledFrame: 'bypass',
    // msw would otherwise log every exchange, reading each answer's body to do so.
    context: { quiet: true },
  })
  await network.enable()
  forgetServiceWorker()
  window.addEventListener('pagehide', () => backend.db.persistNow())

  const controls: DemoControls = {
    fleet,
    identities: DEMO_IDENTITIES,
    getFaults: () => backend.faults.get(),
    setFaults: (change) => backend.faults.set(change),
    subscribeFaults: (listener) => backend.faults.subscribe(listener),
    reset: () => backend.reset(),
    setFleet: (next) => localStorage.setItem(FLEET_KEY, next),
    expireSessions: () => {
      backend.db.tokensNotBefore = backend.db.now() + 1
      backend.db.changed()
    },
    advanceClock: (ms) => backend.db.advanceClock(ms),
    runSetupCommand: (command) => backend.runSetupCommand(command),
  }
  window.__demo = controls
  return controls
}
