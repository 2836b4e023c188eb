import { expect, test } from 'vitest'
import { checkConsoleErrors, expectConsoleError } from './console-errors.ts'

// Each test calls the check itself (as the setup file's afterEach does), which also clears
// what it saw, so the setup's own check after the test finds nothing left.

test('a console.error nobody expected fails the test with its message', () => {
  console.error('Warning: Each child in a list should have a unique "key" prop.')
  expect(() => checkConsoleErrors()).toThrow(/unique "key" prop/)
})

test('an expected console.error passes, and only lines matching the pattern are allowed', () => {
  expectConsoleError(/was not found/)
  console.error('ApiError: Server 7 was not found.')
  expect(() => checkConsoleErrors()).not.toThrow()
  expectConsoleError(/was not found/)
  console.error('ApiError: Server 7 was not found.')
  console.error('Warning: An update to Page inside a test was not wrapped in act(...)')
  expect(() => checkConsoleErrors()).toThrow(/not wrapped in act/)
})

test('an expected console.error that never came fails the test', () => {
  expectConsoleError(/was not found/)
  expect(() => checkConsoleErrors()).toThrow(/no console.error matched/)
})
