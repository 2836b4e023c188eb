import { AxeBuilder } from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import type { FaultSettings } from '../src/demo/faults.ts'

export type Role = 'Administrator' | 'Operator' | 'Monitor'

/** Signs in through the demo identities on the sign-in page and waits for the console. */
export async function signInAs(page: Page, role: Role, path = '/'): Promise<void> {
  await page.goto(path)
  await page.getByRole('button', { name: `Sign in as ${role}` }).click()
  await expect(page.getByRole('combobox', { name: 'Environment' })).toBeVisible()
}

/**
 * Live mode: signs in to MobileFirst or the API Store where a page of that family asks for
 * it in place (each family has its own users; the console's server keeps the sign-in).
 */
export async function signInFamilyInPlace(
  page: Page,
  family: 'MobileFirst' | 'API Store',
  username: string,
  password: string,
): Promise<void> {
  await expect(page.getByRole('heading', { name: `Sign in to ${family}` })).toBeVisible()
  await page.getByLabel('User name').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** A small but real zip archive (its header, then bytes from `seed`): the demo runtime accepts archives only. */
export function zipArtifact(size = 16 * 1024, seed = 7): Buffer {
  const bytes = Buffer.alloc(size)
  bytes.set([0x50, 0x4b, 0x03, 0x04])
  for (let i = 4; i < size; i++) bytes[i] = (i * 31 + seed) % 251
  return bytes
}

/** The navigation's sections, in its order (the names of their links). */
export const SECTION_NAMES = [
  'Servers',
  'Server groups',
  'Clusters',
  'Applications',
  'Devices',
  'Client applications',
  'Activity',
] as const

/**
 * Whether the page is at `path` or below it: a section's link may go on to a page of its
 * own (Devices opens its first runtime).
 */
export function atOrBelow(page: Page, path: string): boolean {
  const now = new URL(page.url()).pathname
  return now === path || now.startsWith(`${path}/`)
}

/** The console's section navigation (the side bar, or the drawer's list on a phone). */
export function sections(page: Page) {
  return page.getByRole('navigation', { name: 'Sections' })
}

/** Switches the demo backend's fault injection from the test, as the demo panel would. */
export async function setFaults(page: Page, faults: Partial<FaultSettings>): Promise<void> {
  await page.evaluate((change) => {
    if (!window.__demo) throw new Error('demo backend not running')
    window.__demo.setFaults(change)
  }, faults)
}

/**
 * Availability-affecting actions ask first (ADR 028): the confirmation names the
 * environment. Clicks its confirm button and returns the dialog (it stays open on failure).
 */
export async function confirmInDialog(page: Page, title: string | RegExp, button: string) {
  const dialog = page.getByRole('dialog', { name: title })
  await expect(dialog.getByText(/^Environment:/)).toBeVisible()
  await dialog.getByRole('button', { name: button, exact: true }).click()
  return dialog
}

/**
 * Irreversible actions need the name typed (ADR 028): the confirm button stays disabled
 * until `text` is typed, then it is clicked. Returns the dialog.
 */
export async function confirmByTyping(
  page: Page,
  title: string | RegExp,
  text: string,
  button: string,
) {
  const dialog = page.getByRole('dialog', { name: title })
  const confirm = dialog.getByRole('button', { name: button, exact: true })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel(/^Type .* to confirm$/).fill(text)
  await confirm.click()
  return dialog
}

/**
 * The link of the first started application on one server (a `prd-` server), from the
 * Applications list filtered to started applications and sorted by name.
 */
export async function firstStartedOnServerLink(page: Page) {
  await page.goto(page.url().split('?')[0] + '?status=started&sort=name')
  return page
    .getByRole('table', { name: 'Applications' })
    .getByRole('row')
    .filter({ hasText: 'prd-' })
    .nth(0)
    .getByRole('link')
    .first()
}

/** Stop from an application's page: the button, then its confirmation. */
export async function stopApplication(page: Page, name: string) {
  await page.getByRole('button', { name: 'Stop…', exact: true }).click()
  return confirmInDialog(page, `Stop ${name}?`, 'Stop')
}

/** Fails on serious or critical axe violations, listing them. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([])
}

declare global {
  interface Window {
    /** Set by the CSP fixture: reports a `securitypolicyviolation` to the test. */
    __reportCspViolation?: (text: string) => void
    /** Set by a responsive journey: each class the Applications table is given, in order. */
    __tableClasses?: string[]
  }
}

/**
 * Chromium logs every HTTP error answer as a console error, whether the page handles it or
 * not; the journeys assert on how the page shows a 404, 409 or 5xx, so those lines are not
 * the page's errors.
 */
const HTTP_ERROR_ANSWER = /^Failed to load resource: the server responded with a status of \d{3}/

/**
 * Console errors that a test expects because it breaks the network on purpose: a request
 * that got no answer at all. Fault tests opt in with
 * `test.use({ allowedConsoleErrors: NETWORK_FAILURES })`.
 */
export const NETWORK_FAILURES: RegExp[] = [/^Failed to load resource: net::ERR_/]

/** What a test may add to the console errors it expects (the file-wide option aside). */
export interface ConsoleErrors {
  /** Allows console lines matching these patterns for the rest of this test. */
  allow(patterns: RegExp[]): void
}

/**
 * Every test gets a fresh browser context, hence a fresh demo backend: its state lives
 * in that context's localStorage, which starts empty.
 *
 * Every test also fails on a Content-Security-Policy violation of any page it visits (the
 * consoles are served with the production server's policy): an init script reports each
 * `securitypolicyviolation` event, and the console's own CSP messages count too.
 *
 * And every test fails on an error in a page's console or an uncaught exception in a page
 * (ADR 023), but for the lines its `allowedConsoleErrors` option (a whole file) or
 * `consoleErrors.allow(...)` (one test) matches.
 */
export const test = base.extend<{
  cspViolations: string[]
  allowedConsoleErrors: RegExp[]
  consoleErrors: ConsoleErrors
}>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = []
      await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
        violations.push(text)
      })
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__reportCspViolation?.(
            `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile || event.documentURI}:${event.lineNumber} ${event.sample}`,
          )
        })
      })
      context.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
          violations.push(message.text())
      })
      await use(violations)
      expect(violations, 'Content-Security-Policy violations').toEqual([])
    },
    { auto: true },
  ],
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ context, allowedConsoleErrors }, use) => {
      const errors: string[] = []
      const patterns = [HTTP_ERROR_ANSWER, ...allowedConsoleErrors]
      const allowed = (text: string) => patterns.some((pattern) => pattern.test(text))
      context.on('console', (message) => {
        const text = message.text()
        // The CSP fixture above reports those.
        if (message.type() !== 'error' || /Content Security Policy/i.test(text)) return
        if (allowed(text)) return
        const { url, lineNumber } = message.location()
        errors.push(`${text} (${url}:${lineNumber})`)
      })
      context.on('weberror', (webError) => {
        const text = String(webError.error())
        if (!allowed(text)) errors.push(`uncaught: ${text}`)
      })
      await use({ allow: (more) => void patterns.push(...more) })
      expect(errors, 'errors in the page console (allowedConsoleErrors if expected)').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }
