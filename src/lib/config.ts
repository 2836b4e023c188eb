/** 'demo' (msw in the browser, the default) or 'live' (same-origin proxy to real servers). */
export const consoleMode: 'demo' | 'live' = __CONSOLE_MODE__

let modeOverride: 'demo' | 'live' | undefined

/**
 * The mode behaviour is chosen by at run time (sessions, sign-in forms). Always the
 * build-time `consoleMode` in the product; tests can switch it with `setConsoleModeForTests`.
 * Code that must vanish from a live build (msw, the demo panel) keeps testing the constant.
 */
export function getConsoleMode(): 'demo' | 'live' {
  return modeOverride ?? consoleMode
}

/** Tests only: run the session code as in the other mode (`undefined` restores the build's). */
export function setConsoleModeForTests(mode: 'demo' | 'live' | undefined): void {
  modeOverride = mode
}

/** The origin shown in curl commands: where the console itself is served. */
export function apiOrigin(): string {
  return typeof window === 'undefined' ? 'http://localhost:5173' : window.location.origin
}
