import { expect, test } from 'vitest'
import { listText } from './list-text.ts'

test('lists up to the limit, then says how many more', () => {
  expect(listText(['a', 'b'])).toBe('a, b')
  expect(listText(['a', 'b', 'c', 'd'], 2)).toBe('a, b, and 2 more')
  expect(listText([])).toBe('')
})
