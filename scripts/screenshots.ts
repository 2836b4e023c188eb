/**
 * npm run screenshots: every route and main dialog of the demo console at 1440, 1024 and
 * 390 px wide, light and dark, into screenshots/ (git-ignored), to review a change by eye.
 * It builds the demo console, serves it with the production server (the strict CSP
 * included) on SCREENSHOTS_PORT (default 5790) and drives Chromium. Not part of npm test.
 *
 * Each shot is named <width>-<theme>-<name>.png. The run also lists every shot where the
 * page scrolls sideways (a layout bug) with the elements past the edge, and exits 1 when
 * there is one. SCREENSHOTS_ONLY (a regular expression) keeps the shots whose name matches.
 * SCREENSHOTS_LANG=de (or ar) shoots the pages in that language, named
 * <width>-<theme>-<lang>-<name>.png; dialogs are opened by their English names, so a
 * language run shoots the pages only. SCREENSHOTS_FULL=1 shoots each page (not a dialog)
 * whole: the window is made as tall as the page's content for that shot, so what lies
 * below the fold (a second table, a panel) can be reviewed too.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Locator, type Page } from '@playwright/test'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'screenshots')
const DIST = 'dist-screenshots'
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 5790)
const URL_BASE = `http://127.0.0.1:${PORT}`
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p))
/** SCREENSHOTS_WIDTHS=360,1440: other widths than the review's three. */
const WIDTHS: readonly number[] = process.env.SCREENSHOTS_WIDTHS
  ? process.env.SCREENSHOTS_WIDTHS.split(',').map(Number)
  : [1440, 1024, 390]
const THEMES = ['light', 'dark'] as const
/** SCREENSHOTS_ONLY=cluster: only the shots whose name matches (a regular expression). */
const ONLY = process.env.SCREENSHOTS_ONLY ? new RegExp(process.env.SCREENSHOTS_ONLY) : null
const LANG = process.env.SCREENSHOTS_LANG ?? ''
const FULL = process.env.SCREENSHOTS_FULL === '1'

function log(message: string) {
  process.stdout.write(`${message}\n`)
}

function build() {
  log(`building the demo console into ${DIST}/…`)
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: DIST },
    stdio: 'pipe',
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`)
}

function serve(): ChildProcess {
  return spawn(
    join(ROOT, 'node_modules', '.bin', 'node'),
    ['--max-semi-space-size=1', 'server/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DIST_DIR: DIST,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'inherit',
    },
  )
}

async function waitFor(url: string, timeoutMs = 30_000) {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

interface Shot {
  name: string
  /** Path to open (after signing in). */
  path: string
  /** What shows once the page is ready. */
  ready: (page: Page) => Locator
  /** Opens a dialog (or the drawer) and returns it. */
  open?: (page: Page) => Promise<Locator>
  /** Only at these widths. */
  widths?: readonly number[]
}

const table = (name: string) => (page: Page) =>
  page.getByRole('table', { name }).getByRole('link').first()
const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 }).first()
const button = (name: string | RegExp, dialog: string | RegExp) => async (page: Page) => {
  await page.getByRole('button', { name }).first().click()
  const d = page.getByRole('dialog', { name: dialog })
  await d.waitFor()
  return d
}

/** Finds the first item of a list and returns its page's path (the seed decides the ids). */
async function firstItem(page: Page, list: string, tableName: string): Promise<string> {
  await page.goto(`${URL_BASE}${list}`)
  const link = page.getByRole('table', { name: tableName }).getByRole('link').first()
  await link.waitFor({ timeout: 30_000 })
  const href = await link.getAttribute('href')
  if (!href) throw new Error(`no link in ${tableName}`)
  return href
}

async function signIn(page: Page): Promise<string> {
  await page.goto(`${URL_BASE}/`)
  await page.getByRole('button', { name: 'Sign in as Administrator' }).click()
  await page.getByRole('combobox', { name: 'Environment' }).waitFor()
  const match = /\/env\/[^/]+/.exec(new URL(page.url()).pathname)
  if (!match) throw new Error(`unexpected address after sign-in: ${page.url()}`)
  return match[0]
}

async function shots(env: string, page: Page): Promise<Shot[]> {
  const server = await firstItem(page, `${env}/servers?q=prd-gw`, 'Servers')
  const application = await firstItem(page, `${env}/applications`, 'Applications')
  const group = await firstItem(page, `${env}/server-groups`, 'Server groups')
  const cluster = await firstItem(page, `${env}/clusters`, 'Clusters')
  const device = await firstItem(page, `${env}/devices`, 'Devices')
  const clientApp = await firstItem(page, `${env}/client-apps`, 'Client applications')
  return [
    { name: 'servers', path: `${env}/servers`, ready: table('Servers') },
    {
      name: 'servers-drawer',
      path: `${env}/servers`,
      ready: table('Servers'),
      widths: [390],
      open: async (p) => {
        await p.getByRole('button', { name: 'Menu', exact: true }).click()
        const d = p.getByRole('dialog', { name: 'Runtime Console' })
        await d.waitFor()
        return d
      },
    },
    {
      name: 'servers-account-menu',
      path: `${env}/servers`,
      ready: table('Servers'),
      open: async (p) => {
        await p.getByRole('button', { name: /^Account:/ }).click()
        const m = p.getByRole('menu')
        await m.waitFor()
        return m
      },
    },
    {
      name: 'register-server',
      path: `${env}/servers`,
      ready: table('Servers'),
      open: button('Register server', 'Register a server'),
    },
    { name: 'server', path: server, ready: heading },
    {
      name: 'unregister-server',
      path: server,
      ready: heading,
      open: button('Unregister…', /^Unregister/),
    },
    { name: 'server-groups', path: `${env}/server-groups`, ready: table('Server groups') },
    {
      name: 'create-group',
      path: `${env}/server-groups`,
      ready: table('Server groups'),
      open: button('Create server group', 'Create a server group'),
    },
    { name: 'server-group', path: group, ready: heading },
    {
      // An irreversible confirmation (ADR 028): the name typed before the button is enabled.
      name: 'delete-group',
      path: group,
      ready: heading,
      open: button('Delete group…', /^Delete/),
    },
    { name: 'clusters', path: `${env}/clusters`, ready: table('Clusters') },
    {
      name: 'create-cluster',
      path: `${env}/clusters`,
      ready: table('Clusters'),
      open: button('Create cluster', 'Create a cluster'),
    },
    { name: 'cluster', path: cluster, ready: heading },
    { name: 'applications', path: `${env}/applications`, ready: table('Applications') },
    {
      name: 'deploy',
      path: `${env}/applications`,
      ready: table('Applications'),
      open: button('Deploy application', 'Deploy an application'),
    },
    { name: 'application', path: application, ready: heading },
    {
      // An availability confirmation (ADR 028): the consequence, the environment, curl folded.
      name: 'redeploy-application',
      path: application,
      ready: heading,
      open: button('Redeploy…', /^Redeploy/),
    },
    {
      // A bulk confirmation: three rows selected, then Stop from the selection bar.
      name: 'bulk-stop',
      path: `${env}/applications?status=started&sort=name`,
      ready: table('Applications'),
      open: async (p) => {
        const rows = p.getByRole('table', { name: 'Applications' }).getByRole('row')
        for (let i = 1; i <= 3; i++) await rows.nth(i).getByRole('checkbox').check()
        await p
          .getByRole('region', { name: 'Selection' })
          .getByRole('button', { name: 'Stop…' })
          .click()
        const d = p.getByRole('dialog', { name: /^Stop 3 applications/ })
        await d.waitFor()
        return d
      },
    },
    {
      name: 'cheat-sheet',
      path: `${env}/applications`,
      ready: table('Applications'),
      open: async (p) => {
        await p.locator('body').press('?')
        const d = p.getByRole('dialog', { name: 'Keyboard shortcuts' })
        await d.waitFor()
        return d
      },
    },
    {
      name: 'command-palette',
      path: `${env}/applications`,
      ready: table('Applications'),
      open: async (p) => {
        await p.keyboard.press('Control+k')
        const d = p.getByRole('dialog').first()
        await d.getByRole('combobox').waitFor()
        await p.keyboard.type('orders')
        return d
      },
    },
    { name: 'devices', path: `${env}/devices`, ready: table('Devices') },
    {
      name: 'change-app-for-user',
      path: `${env}/devices`,
      ready: table('Devices'),
      open: button('Change an app for a user…', 'Change an application on every device of a user'),
    },
    { name: 'device', path: device, ready: heading },
    {
      // A route's not-found view: the lookup read every page of the runtime's devices.
      name: 'device-not-found',
      path: `${env}/devices/mfp/no-such-device`,
      ready: heading,
    },
    { name: 'client-apps', path: `${env}/client-apps`, ready: table('Client applications') },
    {
      name: 'create-client-app',
      path: `${env}/client-apps`,
      ready: table('Client applications'),
      open: button('Create application', 'Create a client application'),
    },
    { name: 'client-app', path: clientApp, ready: heading },
    {
      name: 'delete-client-app',
      path: clientApp,
      ready: heading,
      open: button('Delete…', /^Delete/),
    },
    { name: 'activity', path: `${env}/activity`, ready: heading },
    {
      name: 'demo-controls',
      path: `${env}/servers`,
      ready: table('Servers'),
      // Through the account menu: on a phone the floating button is hidden (ADR 025).
      open: async (p) => {
        await p.getByRole('button', { name: /^Account:/ }).click()
        await p.getByRole('menuitem', { name: 'Demo controls…' }).click()
        const d = p.getByRole('dialog', { name: 'Demo controls' })
        await d.waitFor()
        return d
      },
    },
  ]
}

async function shootTheme(browser: Browser, theme: (typeof THEMES)[number], wide: string[]) {
  const context = await browser.newContext({ colorScheme: theme, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const env = await signIn(page)
  const list = await shots(env, page)
  if (LANG) {
    // The console reads the remembered choice at boot (src/lib/i18n.ts).
    await page.addInitScript((language) => {
      localStorage.setItem('runtime-console.language', language)
    }, LANG)
  }
  let count = 0
  for (const width of WIDTHS) {
    const height = width < 768 ? 844 : 900
    await page.setViewportSize({ width, height })
    for (const shot of list) {
      if (shot.widths && !shot.widths.includes(width)) continue
      if (ONLY && !ONLY.test(shot.name)) continue
      if (LANG && shot.open) continue
      const file = `${width}-${theme}-${LANG ? `${LANG}-` : ''}${shot.name}.png`
      try {
        await page.goto(`${URL_BASE}${shot.path}`)
        await (LANG ? page.locator('main h1').first() : shot.ready(page)).waitFor({
          timeout: 30_000,
        })
        if (LANG) await page.waitForLoadState('networkidle')
        if (shot.open) await shot.open(page)
        // Let toasts, tooltips and fonts settle.
        await page.waitForTimeout(300)
        if (FULL && !shot.open) {
          // The main region scrolls, not the document: grow the window to its content.
          const tall = await page.evaluate(() => {
            const main = document.getElementById('main')
            return main ? main.getBoundingClientRect().top + main.scrollHeight : 0
          })
          if (tall > height) {
            await page.setViewportSize({ width, height: Math.min(Math.ceil(tall), 16_000) })
            await page.waitForTimeout(200)
          }
        }
        await page.screenshot({ path: join(OUT, file) })
        await page.setViewportSize({ width, height })
        const sideways = await page.evaluate(() => {
          const main = document.getElementById('main')
          if (
            document.documentElement.scrollWidth <= window.innerWidth &&
            (main === null || main.scrollWidth <= main.clientWidth)
          )
            return null
          // Name candidates: the last elements past the main region’s right edge.
          const right = main?.getBoundingClientRect().right ?? window.innerWidth
          return [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > right + 1)
            .slice(-3)
            .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
            .join(', ')
        })
        if (sideways !== null) wide.push(`${file}: ${sideways}`)
        count++
      } catch (error) {
        log(`  ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
        wide.push(`${file} (failed)`)
      }
    }
  }
  log(`${theme}: ${count} screenshots`)
  await context.close()
}

async function run() {
  // A partial run (SCREENSHOTS_ONLY) keeps the other shots of the last full run.
  if (!ONLY) rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  build()
  const server = serve()
  const problems: string[] = []
  try {
    await waitFor(`${URL_BASE}/healthz`)
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    })
    try {
      for (const theme of THEMES) await shootTheme(browser, theme, problems)
    } finally {
      await browser.close()
    }
  } finally {
    server.kill('SIGTERM')
    rmSync(join(ROOT, DIST), { recursive: true, force: true })
  }
  log(`screenshots in ${OUT}`)
  if (problems.length > 0) {
    log(`scrolls sideways or failed (${problems.length}):\n  ${problems.join('\n  ')}`)
    process.exitCode = 1
  }
}

await run()
