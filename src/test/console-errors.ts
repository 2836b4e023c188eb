import { format } from 'node:util'

/**
 * A test fails when something logs through `console.error` during it (ADR 023): React's act,
 * key and prop warnings, an error boundary's report and a failed promise nobody showed all
 * arrive there, and a passing test should not hide one. The setup file installs the watch and
 * checks it after each test; a test that expects an error log says so with
 * `expectConsoleError`.
 */

const logged: string[] = []
let expected: RegExp[] = []

/** Routes `console.error` through the watch (still printing it). Called once per test file. */
export function watchConsoleErrors(): void {
  const print = console.error.bind(console)
  console.error = (...args: unknown[]) => {
    const line = format(...args)
    logged.push(line)
    // An expected line stays out of the output; any other one is printed where it happened.
    if (!expected.some((pattern) => pattern.test(line))) print(...args)
  }
}

/** Forgets what the previous test logged and expected. */
export function resetConsoleErrors(): void {
  logged.length = 0
  expected = []
}

/**
 * The narrow opt-out: this test expects `console.error` lines matching `pattern` (say, React's
 * report of an error that an error boundary caught). Lines that match are allowed; the test
 * still fails on any other line, and also when no line matched, so the opt-out cannot outlive
 * the error it was written for.
 */
export function expectConsoleError(pattern: RegExp): void {
  expected.push(pattern)
}

/** Fails the current test on an unexpected `console.error` or an expected one that never came. */
export function checkConsoleErrors(): void {
  const unexpected = logged.filter((line) => !expected.some((pattern) => pattern.test(line)))
  const missing = expected.filter((pattern) => !logged.some((line) => pattern.test(line)))
  resetConsoleErrors()
  if (unexpected.length > 0) {
    throw new Error(
      `console.error during the test (use expectConsoleError if it is intended):\n${unexpected.join('\n---\n')}`,
    )
  }
  if (missing.length > 0) {
    throw new Error(`expectConsoleError: no console.error matched ${missing.join(', ')}`)
  }
}
