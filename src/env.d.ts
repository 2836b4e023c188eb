/** Set by vite.config.ts: 'live' when an upstream is configured, otherwise 'demo'. */
declare const __CONSOLE_MODE__: 'demo' | 'live'
