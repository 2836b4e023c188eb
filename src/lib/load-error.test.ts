import { expect, test } from 'vitest'
import { isChunkLoadError } from './load-error.ts'

test('the messages of every browser for an unloadable chunk are recognised', () => {
  for (const message of [
    'Failed to fetch dynamically imported module: https://console/assets/servers-page-1a2b.js',
    'error loading dynamically imported module: https://console/assets/x.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/devices-9f.css',
  ])
    expect(isChunkLoadError(new TypeError(message))).toBe(true)
})

test('other errors are not taken for a load failure', () => {
  expect(isChunkLoadError(new TypeError('Cannot read properties of undefined'))).toBe(false)
  expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false)
  expect(isChunkLoadError(undefined)).toBe(false)
})
