// oxlint-disable-next-line import/no-unassigned-import -- registers the jest-dom matchers with vitest's expect
import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { toast } from 'sonner'
import { afterEach, beforeEach } from 'vitest'
import { AREAS, loadArea, setLanguage } from '../lib/i18n.ts'
import { resetSessionCache } from '../lib/session-store.ts'
import { checkConsoleErrors, resetConsoleErrors, watchConsoleErrors } from './console-errors.ts'

watchConsoleErrors()

// Every catalog in English, as a page would have it once its route loaded.
await setLanguage('en', { remember: false })
await Promise.all(AREAS.map(loadArea))

// Every test starts signed out with empty browser storage, so no session or demo state leaks.
beforeEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  if (typeof localStorage !== 'undefined') localStorage.clear()
  resetSessionCache()
  resetConsoleErrors()
  // sonner's store is module-wide and replays its open toasts to every new Toaster: without
  // this a test would see the toasts of the one before it (and "no toast" could not be checked).
  toast.dismiss()
})

// A test that switched language leaves the next in English.
afterEach(async () => {
  await setLanguage('en', { remember: false })
})

// After hooks run last-registered first: this check runs after cleanup() below, so a warning
// React logs while unmounting counts for the test that rendered it.
afterEach(() => {
  checkConsoleErrors()
})

afterEach(() => {
  cleanup()
})
