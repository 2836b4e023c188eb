/** Set by vite.config.ts: 'live' when an upstream is configured, otherwise 'demo'. */
declare const __CONSOLE_MODE__: 'demo' | 'live'

/** A message catalog compiled at build time by @lingui/vite-plugin (src/lib/i18n.ts). */
declare module '*.json?lingui' {
  import type { Messages } from '@lingui/core'
  export const messages: Messages
}
