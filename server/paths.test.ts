// @vitest-environment node
import { expect, test } from 'vitest'
import { checkProxyPath } from './paths.ts'

test.each([
  ['/hybrid/api/v1/servers', 'arm'],
  ['/accounts/api/me', 'arm'],
  ['/mfpadmin/management-apis/2.0/runtimes/mfp/devices?pageSize=1', 'mfp'],
  ['/api/am/store/v0.10/applications?query=a%20b&limit=10', 'store'],
  ['/hybrid/api/v1/servers/my%20server', 'arm'],
])('%s is proxied to %s', (url, family) => {
  const check = checkProxyPath(url)
  expect(check).toMatchObject({ ok: true, family, url })
})

test.each([
  '/hybrid/../anything',
  '/hybrid/api/..',
  '/hybrid/%2e%2e/anything',
  '/hybrid/%2E%2e/anything',
  '/hybrid/.%2e/anything',
  '/hybrid/%252e%252e/anything',
  '/hybrid/api%2fv1',
  '/hybrid/api%2Fv1',
  '/hybrid/api%5cv1',
  '/hybrid/api\\v1',
  '/hybrid//evil.example/x',
  '/hybrid/http://evil.example/x',
  '/hybrid/https:evil',
  '/hybrid/./api',
  '/hybrid/api/%00',
  '/hybrid/api/%0d%0aX-Injected:1',
  '/hybrid/%zz',
  '/hybrid-anything',
  '/hybrid',
  '/%68ybrid/api',
  '/HYBRID/api',
  '/api/amx/store',
  '/mfpadmin',
  '/',
])('%s is refused', (url) => {
  expect(checkProxyPath(url).ok).toBe(false)
})
