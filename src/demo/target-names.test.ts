import { expect, test } from 'vitest'
import { isIpAddress, keptApplicationName, targetNameProblem } from './target-names.ts'

test('group and cluster names follow the name schema', () => {
  expect(targetNameProblem('eu-west.1')).toBeNull()
  expect(targetNameProblem('')).toBe('Enter a name.')
  expect(targetNameProblem('-leading')).toMatch(/starting with a letter or digit/)
})

test('IP addresses are IPv4 or IPv6 without port', () => {
  expect(isIpAddress('10.0.0.1')).toBe(true)
  expect(isIpAddress('fe80::1')).toBe(true)
  expect(isIpAddress('10.0.0.1:80')).toBe(false)
  expect(isIpAddress('host')).toBe(false)
})

test('a kept application is named after its server, cut to 42 characters and numbered', () => {
  expect(keptApplicationName('orders', 'Mule Node #1', () => false)).toBe('orders-mule-node-1')
  const taken = new Set(['orders-node', 'orders-node-2'])
  expect(keptApplicationName('orders', 'node', (n) => taken.has(n))).toBe('orders-node-3')
  const long = keptApplicationName('a'.repeat(40), 'node', (n) => n === `${'a'.repeat(40)}-n`)
  expect(long).toBe(`${'a'.repeat(40)}-2`)
  expect(keptApplicationName('x'.repeat(50), '', () => false)).toBe(`${'x'.repeat(42)}`)
})
