// oxlint-disable-next-line import/no-unassigned-import -- registers the jest-dom matchers with vitest's expect
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { resetSessionCache } from '../lib/session-store.ts'
import { checkConsoleErrors, resetConsoleErrors, watchConsoleErrors } from './console-errors.ts'

watchConsoleErrors()

// Every test starts signed out with empty browser storage, so no session or demo state leaks.
beforeEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  if (typeof localStorage !== 'undefined') localStorage.clear()
  resetSessionCache()
  resetConsoleErrors()
})

// After hooks run last-registered first: this check runs after cleanup() below, so a warning
// React logs while unmounting counts for the test that rendered it.
afterEach(() => {
  checkConsoleErrors()
})

afterEach(() => {
  cleanup()
})
