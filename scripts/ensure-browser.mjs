/**
 * Makes sure Playwright has a Chromium to drive, in this order:
 *   1. $CHROMIUM_PATH, when it names an existing file;
 *   2. /usr/bin/chromium (Debian's package);
 *   3. as root on Debian: apt-get install chromium (Playwright's own download is blocked
 *      on closed networks that still reach the Debian mirrors);
 *   4. a browser Playwright already installed, else `npx playwright install chromium`.
 * playwright.config.ts makes the same choice between 1, 2 and Playwright's own browser.
 * Prints one line naming the browser; exits non-zero when none can be had.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

function isFile(path) {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function run(command, args, env = process.env) {
  console.info(`ensure-browser: running ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: root })
  if (result.error) console.error(`ensure-browser: ${command} failed: ${result.error.message}`)
  return result.status === 0
}

function version(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  return result.status === 0 ? result.stdout.trim() : null
}

function accept(executable, how) {
  const name = version(executable)
  if (!name) {
    console.error(`ensure-browser: ${executable} exists but \`${executable} --version\` failed`)
    return false
  }
  console.info(`ensure-browser: using ${name} at ${executable} (${how})`)
  return true
}

/** Where Playwright's own Chromium is (or would be) installed, or null if Playwright is missing. */
function playwrightChromium() {
  try {
    const require = createRequire(join(root, 'package.json'))
    const { chromium } = require('playwright-core')
    return chromium.executablePath()
  } catch {
    return null
  }
}

function main() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (isFile(fromEnv)) return accept(fromEnv, 'CHROMIUM_PATH')
    console.warn(`ensure-browser: CHROMIUM_PATH=${fromEnv} is not a file; looking elsewhere`)
  }

  if (isFile(SYSTEM_CHROMIUM) && accept(SYSTEM_CHROMIUM, 'system package')) return true

  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/etc/debian_version') && onPath('apt-get')) {
    console.info('ensure-browser: no Chromium found; installing Debian package "chromium"')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    if (
      run('apt-get', ['update'], env) &&
      run('apt-get', ['install', '-y', 'chromium'], env) &&
      isFile(SYSTEM_CHROMIUM)
    ) {
      return accept(SYSTEM_CHROMIUM, 'installed with apt-get')
    }
    console.warn('ensure-browser: apt-get could not install chromium; trying Playwright')
  }

  const bundled = playwrightChromium()
  if (bundled && isFile(bundled)) return accept(bundled, 'installed by Playwright')

  const local = join(root, 'node_modules', '.bin', 'playwright')
  const installed = existsSync(local)
    ? run(local, ['install', 'chromium'])
    : run('npx', ['playwright', 'install', 'chromium'])
  const after = playwrightChromium()
  if (installed && after && isFile(after)) return accept(after, 'installed by Playwright')

  console.error(
    [
      'ensure-browser: no Chromium for Playwright could be found or installed.',
      `  Tried: $CHROMIUM_PATH, ${SYSTEM_CHROMIUM}, apt-get (root on Debian only), playwright install.`,
      '  Fix: install Chromium (Debian: `apt-get install chromium` as root) or set CHROMIUM_PATH',
      '  to a Chromium/Chrome executable, or run `npx playwright install chromium` with internet access.',
    ].join('\n'),
  )
  return false
}

process.exit(main() ? 0 : 1)
