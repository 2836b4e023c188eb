import './app/styles.css'
import { mountApp } from './app/app.tsx'
import { routesAtOnce } from './app/first-screen.tsx'
import { applyTheme, watchSystemTheme } from './app/theme.ts'
import type { DemoControls } from './demo/start-browser.ts'
import { preferredLanguage, setLanguage } from './lib/i18n.ts'

/** Before React runs, and so before any catalog: a plain English sentence in the page. */
function showBootFailure(root: HTMLElement, text: string): void {
  const message = document.createElement('p')
  message.setAttribute('role', 'alert')
  message.style.padding = '24px'
  message.textContent = text
  root.replaceChildren(message)
}

async function boot() {
  applyTheme()
  watchSystemTheme()
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  // The shell's words in the operator's language load beside the demo backend, not after it.
  const words = setLanguage(preferredLanguage(), { remember: false })
  // The router's code too, when this visit needs it at once (app/first-screen.tsx): fetched
  // beside the words, then found loaded when the console mounts.
  if (routesAtOnce()) void import('./app/console-router.tsx').catch(() => undefined)
  let demo: DemoControls | null = null
  // The define itself, not the re-exported constant: only a literal comparison is folded at
  // build time, so that a live build emits no demo chunk at all.
  if (__CONSOLE_MODE__ === 'demo') {
    try {
      // Loaded only in demo mode: a live build never fetches msw or the demo data.
      const { startDemoBackend } = await import('./demo/start-browser.ts')
      demo = await startDemoBackend()
    } catch (error) {
      showBootFailure(
        root,
        `The demo backend could not start: ${error instanceof Error ? error.message : String(error)}. Demo mode needs a service worker: open the console over http://localhost or https.`,
      )
      return
    }
  }
  try {
    await words
  } catch {
    showBootFailure(
      root,
      'The console could not load its texts. Check the connection, then reload the page.',
    )
    return
  }
  mountApp(root, demo)
}

void boot()
