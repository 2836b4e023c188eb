import { expect, test } from 'vitest'
import { unreachableIpKind } from './reachable-ip.ts'

test('the demo refuses loopback and unspecified clustering IPs in any spelling', () => {
  for (const ip of ['127.0.0.1', '127.9.9.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
    expect(unreachableIpKind(ip)).toBe('loopback')
  for (const ip of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0'])
    expect(unreachableIpKind(ip)).toBe('unspecified')
  for (const ip of ['10.0.0.1', '128.0.0.1', '::2', 'fe80::1', '::ffff:10.0.0.1', '1::'])
    expect(unreachableIpKind(ip)).toBeNull()
})
