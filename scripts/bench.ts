/**
 * `npm run bench`: measures the console at fleet scale, beside a bare React page built in
 * the same run, and checks the budgets. Not part of `npm test`: it reports figures.
 *
 *   npm run bench                      3 runs, 40 s idle windows (visible, then hidden)
 *   BENCH_RUNS=5 BENCH_IDLE_SECONDS=30 npm run bench
 *
 * Writes bench-results.json (git-ignored) and prints a table. Exits 1 when a budget fails.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'

const ROOT = process.cwd()
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 40)
const PORTS = { demo: 4701, live: 4702, backend: 4703, baseline: 4704 }
const WORK = join(ROOT, '.bench')
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p))
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name)

declare global {
  interface Window {
    __firstRows?: Record<string, number>
    __lat?: number[]
    __t0?: number | null
  }
}

// ---------------------------------------------------------------- helpers

function log(message: string) {
  process.stdout.write(`${message}\n`)
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'pipe',
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  }
}

const children: ChildProcess[] = []
function serve(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: 'ignore',
  })
  children.push(child)
}

async function waitFor(url: string, timeoutMs = 30_000) {
  const start = Date.now()
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not come up`)
}

export interface Stat {
  median: number
  min: number
  max: number
  runs: number[]
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, runs: values }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

// ---------------------------------------------------------------- builds

function buildAll() {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  log('building the console (demo and live) and the bare React baseline…')
  run(BIN('vite'), ['build', '--outDir', join(WORK, 'demo'), '--emptyOutDir'])
  run(BIN('vite'), ['build', '--outDir', join(WORK, 'live'), '--emptyOutDir'], {
    API_URL: `http://127.0.0.1:${PORTS.backend}`,
  })
  // The baseline: React + ReactDOM rendering one element, built by the same Vite.
  const base = join(WORK, 'baseline-src')
  mkdirSync(base, { recursive: true })
  writeFileSync(
    join(base, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
  )
  writeFileSync(
    join(base, 'main.js'),
    "import { createElement } from 'react'\nimport { createRoot } from 'react-dom/client'\ncreateRoot(document.getElementById('root')).render(createElement('h1', null, 'Hello'))\n",
  )
  writeFileSync(join(base, 'vite.config.mjs'), 'export default {}\n')
  run(BIN('vite'), [
    'build',
    base,
    '--config',
    join(base, 'vite.config.mjs'),
    '--outDir',
    join(WORK, 'baseline'),
    '--emptyOutDir',
  ])
}

function startServers() {
  serve(process.execPath, [
    'scripts/demo-server.ts',
    '--port',
    String(PORTS.backend),
    '--fleet',
    'large',
  ])
  serve(BIN('vite'), [
    'preview',
    '--outDir',
    join(WORK, 'demo'),
    '--port',
    String(PORTS.demo),
    '--strictPort',
  ])
  serve(
    BIN('vite'),
    ['preview', '--outDir', join(WORK, 'live'), '--port', String(PORTS.live), '--strictPort'],
    {
      API_URL: `http://127.0.0.1:${PORTS.backend}`,
    },
  )
  serve(BIN('vite'), [
    'preview',
    '--outDir',
    join(WORK, 'baseline'),
    '--port',
    String(PORTS.baseline),
    '--strictPort',
  ])
  return Promise.all([
    waitFor(`http://127.0.0.1:${PORTS.backend}/__demo/health`),
    waitFor(`http://127.0.0.1:${PORTS.demo}/`),
    waitFor(`http://127.0.0.1:${PORTS.live}/`),
    waitFor(`http://127.0.0.1:${PORTS.baseline}/`),
  ])
}

// ---------------------------------------------------------------- measurements

/** gzip bytes of the JS and CSS a first visit to `url` loads, read from the built files. */
async function firstVisitBytes(browser: Browser, url: string, dist: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const files = new Set<string>()
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type === 'script' || type === 'stylesheet') files.add(new URL(response.url()).pathname)
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await context.close()
  let total = 0
  for (const path of files) {
    const file = join(dist, path)
    if (existsSync(file)) total += gzipSync(readFileSync(file), { level: 9 }).length
  }
  return total
}

/** Records when the first data row of each named table appears (ms since navigation start). */
const FIRST_ROWS_SCRIPT = `
  window.__firstRows = {}
  new MutationObserver(() => {
    for (const table of document.querySelectorAll('table[aria-label]')) {
      const name = table.getAttribute('aria-label')
      if (!(name in window.__firstRows) && table.querySelector('tbody tr[aria-rowindex]')) {
        window.__firstRows[name] = performance.now()
      }
    }
  }).observe(document, { childList: true, subtree: true })
`

async function signIn(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/?fleet=large`)
  await page.getByRole('button', { name: 'Sign in as Administrator' }).click()
  await page.getByRole('table', { name: 'Servers' }).waitFor({ timeout: 60_000 })
  return new URL(page.url()).pathname.split('/')[2] ?? ''
}

async function timeToFirstRows(page: Page, url: string, table: string): Promise<number> {
  await page.goto(url)
  await page
    .getByRole('table', { name: table })
    .locator('tbody tr[aria-rowindex]')
    .first()
    .waitFor({ timeout: 60_000 })
  return page.evaluate((name) => window.__firstRows?.[name] ?? Number.NaN, table)
}

/**
 * In-app navigation to a list whose data is not cached yet: a fresh load of `from`, then
 * a click on the section link, timed to the first row of `table`. This is what an operator
 * waits for moving between pages; a cold load also pays for the scripts and, in demo mode,
 * for generating the whole fleet in the browser (reported separately).
 */
async function firstRowsAfterNavigation(
  page: Page,
  from: { url: string; table: string },
  link: string,
  table: string,
): Promise<number> {
  await page.goto(from.url)
  await page
    .getByRole('table', { name: from.table })
    .locator('tbody tr[aria-rowindex]')
    .first()
    .waitFor({ timeout: 60_000 })
  await page.waitForTimeout(500)
  return page.evaluate(
    ({ linkText, tableName }) => {
      const anchor = [...document.querySelectorAll('nav a')].find((a) => a.textContent === linkText)
      if (!(anchor instanceof HTMLElement)) return Number.NaN
      const hasRow = () =>
        document.querySelector(`table[aria-label="${tableName}"] tbody tr[aria-rowindex]`) !== null
      return new Promise<number>((resolve) => {
        const t0 = performance.now()
        const observer = new MutationObserver(() => {
          if (!hasRow()) return
          observer.disconnect()
          resolve(performance.now() - t0)
        })
        observer.observe(document, { childList: true, subtree: true })
        anchor.click()
      })
    },
    { linkText: link, tableName: table },
  )
}

/** Keystroke → rows updated and painted, for each character typed into the filter. */
async function filterLatencies(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window
    w.__lat = []
    w.__t0 = null
    const input = document.querySelector('input[aria-label="Filter applications"]')
    input?.addEventListener('keydown', (e) => {
      w.__t0 = e.timeStamp
    })
    // Only what the keystroke changes counts: the "updated N s ago" clock also mutates the
    // page, and a keystroke that changes no row must not be timed to its next tick.
    const observer = new MutationObserver((records) => {
      const t0 = w.__t0
      if (t0 === null || t0 === undefined) return
      const relevant = records.some((r) => {
        const node = r.target instanceof Element ? r.target : r.target.parentElement
        return node !== null && node.closest('.updated') === null
      })
      if (!relevant) return
      w.__t0 = null
      requestAnimationFrame(() => setTimeout(() => w.__lat?.push(performance.now() - t0), 0))
    })
    const region = document.querySelector('main')
    if (region) observer.observe(region, { childList: true, subtree: true, characterData: true })
  })
  const search = page.getByRole('searchbox', { name: 'Filter applications' })
  for (const text of ['orders', 'payments-sapi', 'ledger-x', 'claims-0']) {
    await search.fill('')
    await page.waitForTimeout(300)
    for (const ch of text) {
      await search.press(ch === '-' ? 'Minus' : ch)
      await page.waitForTimeout(120)
    }
  }
  await search.fill('')
  return page.evaluate(() => window.__lat ?? [])
}

async function sortLatency(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('th button')].find((b) =>
      b.textContent?.startsWith('Updated'),
    )
    const tbody = document.querySelector('table[aria-label="Applications"] tbody')
    if (!(button instanceof HTMLElement) || !tbody) return Number.NaN
    return new Promise<number>((resolve) => {
      const t0 = performance.now()
      const observer = new MutationObserver(() => {
        observer.disconnect()
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
      })
      observer.observe(tbody, { childList: true, subtree: true, characterData: true })
      button.click()
    })
  })
}

/** Frame durations while scrolling the whole list at a steady pace for two seconds. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const scroller = document.querySelector('.table-wrap')
    if (!(scroller instanceof HTMLElement)) return []
    scroller.scrollTop = 0
    const frames: number[] = []
    let last = performance.now()
    const end = last + 2000
    const step = scroller.scrollHeight / 120
    return new Promise<number[]>((resolve) => {
      const tick = (now: number) => {
        frames.push(now - last)
        last = now
        scroller.scrollTop += step
        if (now < end) requestAnimationFrame(tick)
        else resolve(frames.slice(1))
      }
      requestAnimationFrame(tick)
    })
  })
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / 1024 / 1024
}

/**
 * Bytes received per minute by an idle Applications page (live build, real HTTP), then
 * requests per minute once the tab is hidden.
 */
/** Signs in to the live build (client credentials) and returns the environment id. */
async function signInLive(page: Page): Promise<string> {
  await page.goto(`http://127.0.0.1:${PORTS.live}/signin`)
  await page.getByLabel('Client ID').fill('demo-administrator')
  await page.getByLabel('Client secret').fill('demo-administrator-secret')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('table', { name: 'Servers' }).waitFor({ timeout: 60_000 })
  return new URL(page.url()).pathname.split('/')[2] ?? ''
}

async function idleTraffic(browser: Browser): Promise<{ visible: number; hiddenRequests: number }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInLive(page)
  await page.getByRole('link', { name: 'Applications', exact: true }).click()
  await page.getByRole('table', { name: 'Applications' }).waitFor({ timeout: 60_000 })
  await page.waitForTimeout(2000)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  let bytes = 0
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength
  })
  await page.waitForTimeout(IDLE_SECONDS * 1000)
  const visible = (bytes / IDLE_SECONDS) * 60
  // The same page in a background tab: the document reports itself hidden, as a browser
  // does for a tab the operator left, and polling must stop altogether.
  let requests = 0
  cdp.on('Network.requestWillBeSent', () => {
    requests++
  })
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    document.dispatchEvent(new Event('visibilitychange'))
  })
  await page.waitForTimeout(IDLE_SECONDS * 1000)
  await context.close()
  return { visible, hiddenRequests: (requests / IDLE_SECONDS) * 60 }
}

// ---------------------------------------------------------------- main

interface Results {
  date: string
  runs: number
  figures: Record<string, Stat>
  budgets: Array<{ name: string; value: string; limit: string; pass: boolean }>
}

async function main() {
  if (!CHROMIUM) log('no system Chromium found: using Playwright’s own browser')
  buildAll()
  await startServers()
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const samples: Record<string, number[]> = {}
  const add = (name: string, value: number) => {
    if (Number.isFinite(value)) (samples[name] ??= []).push(value)
  }
  try {
    for (let i = 1; i <= RUNS; i++) {
      log(`run ${i} of ${RUNS}…`)
      add(
        'baseline first visit (gzip kB)',
        (await firstVisitBytes(
          browser,
          `http://127.0.0.1:${PORTS.baseline}/`,
          join(WORK, 'baseline'),
        )) / 1024,
      )
      add(
        'live first visit (gzip kB)',
        (await firstVisitBytes(browser, `http://127.0.0.1:${PORTS.live}/`, join(WORK, 'live'))) /
          1024,
      )
      add(
        'demo first visit (gzip kB)',
        (await firstVisitBytes(browser, `http://127.0.0.1:${PORTS.demo}/`, join(WORK, 'demo'))) /
          1024,
      )

      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      await context.addInitScript(FIRST_ROWS_SCRIPT)
      const page = await context.newPage()
      const base = `http://127.0.0.1:${PORTS.demo}`
      const env = await signIn(page, base)
      const serversUrl = `${base}/env/${env}/servers`
      const appsUrl = `${base}/env/${env}/applications`
      add(
        'servers first rows (ms)',
        await firstRowsAfterNavigation(
          page,
          { url: appsUrl, table: 'Applications' },
          'Servers',
          'Servers',
        ),
      )
      add(
        'servers cold load to first rows (ms)',
        await timeToFirstRows(page, serversUrl, 'Servers'),
      )
      add('servers heap (MB)', await heapMb(page))
      add(
        'applications first rows (ms)',
        await firstRowsAfterNavigation(
          page,
          { url: serversUrl, table: 'Servers' },
          'Applications',
          'Applications',
        ),
      )
      add(
        'applications cold load to first rows (ms)',
        await timeToFirstRows(page, appsUrl, 'Applications'),
      )
      add('applications heap (MB)', await heapMb(page))
      const latencies = await filterLatencies(page)
      add('filter p50 (ms)', percentile(latencies, 50))
      add('filter p95 (ms)', percentile(latencies, 95))
      add('sort (ms)', await sortLatency(page))
      const frames = await scrollFrames(page)
      add('scroll frame p50 (ms)', percentile(frames, 50))
      add('scroll frame p95 (ms)', percentile(frames, 95))
      const devices = await page.goto(`${base}/env/${env}/devices`).then(() =>
        page
          .getByRole('table', { name: 'Devices' })
          .locator('tbody tr')
          .first()
          .waitFor({ timeout: 30_000 })
          .then(
            () => true,
            () => false,
          ),
      )
      if (devices) {
        add(
          'devices first rows (ms)',
          await firstRowsAfterNavigation(
            page,
            { url: serversUrl, table: 'Servers' },
            'Devices',
            'Devices',
          ),
        )
        add(
          'devices cold load to first rows (ms)',
          await timeToFirstRows(page, `${base}/env/${env}/devices`, 'Devices'),
        )
        add('devices heap (MB)', await heapMb(page))
      }
      await context.close()

      // The same navigation in the live build: the backend answers over real HTTP from its
      // own process, as a server would, so the figure is the console's own work.
      const liveContext = await browser.newContext({ viewport: { width: 1400, height: 900 } })
      const livePage = await liveContext.newPage()
      const liveEnv = await signInLive(livePage)
      add(
        'applications first rows, live build (ms)',
        await firstRowsAfterNavigation(
          livePage,
          { url: `http://127.0.0.1:${PORTS.live}/env/${liveEnv}/servers`, table: 'Servers' },
          'Applications',
          'Applications',
        ),
      )
      await liveContext.close()

      const idle = await idleTraffic(browser)
      add('idle applications page (kB/min)', idle.visible / 1024)
      add('hidden applications page (requests/min)', idle.hiddenRequests)
    }
  } finally {
    await browser.close()
    for (const child of children) child.kill('SIGTERM')
  }

  const figures: Record<string, Stat> = {}
  for (const [name, values] of Object.entries(samples)) figures[name] = stat(values)
  const m = (name: string) => figures[name]?.median ?? Number.NaN
  const ratio = m('live first visit (gzip kB)') / m('baseline first visit (gzip kB)')
  const budgets = [
    {
      name: 'first visit vs bare React (live build)',
      value: `${ratio.toFixed(2)}x`,
      limit: '≤ 3x (aim 2x)',
      pass: ratio <= 3,
    },
    {
      name: 'filter p95 at 10,000 applications',
      value: `${m('filter p95 (ms)').toFixed(1)} ms`,
      limit: '< 50 ms',
      pass: m('filter p95 (ms)') < 50,
    },
    {
      name: 'first rows at 10,000 applications (navigation)',
      value: `${m('applications first rows (ms)').toFixed(0)} ms`,
      limit: '< 1000 ms',
      pass: m('applications first rows (ms)') < 1000,
    },
    {
      name: 'idle applications page',
      value: `${m('idle applications page (kB/min)').toFixed(1)} kB/min`,
      limit: '< 10 kB/min',
      pass: m('idle applications page (kB/min)') < 10,
    },
    {
      name: 'hidden tab polling',
      value: `${m('hidden applications page (requests/min)').toFixed(1)} req/min`,
      limit: '0 req/min',
      pass: m('hidden applications page (requests/min)') === 0,
    },
  ]
  const results: Results = { date: new Date().toISOString(), runs: RUNS, figures, budgets }
  writeFileSync(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2))

  log('\nfigure                                   median      min      max')
  for (const [name, s] of Object.entries(figures)) {
    log(
      `${name.padEnd(38)} ${s.median.toFixed(1).padStart(9)} ${s.min.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}`,
    )
  }
  log('\nbudget                                   value          limit          result')
  for (const b of budgets)
    log(
      `${b.name.padEnd(40)} ${b.value.padEnd(14)} ${b.limit.padEnd(14)} ${b.pass ? 'pass' : 'FAIL'}`,
    )
  log('\nwritten to bench-results.json')
  process.exitCode = budgets.every((b) => b.pass) ? 0 : 1
}

process.on('SIGINT', () => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(130)
})

await main()
