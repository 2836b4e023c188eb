/** 'demo' (msw in the browser, the default) or 'live' (same-origin proxy to real servers). */
export const consoleMode: 'demo' | 'live' = __CONSOLE_MODE__

/** The origin shown in curl commands: where the console itself is served. */
export function apiOrigin(): string {
  return typeof window === 'undefined' ? 'http://localhost:5173' : window.location.origin
}
