import { expect, test } from 'vitest'
import { createClientAppRequest, updateClientAppRequest } from './client-apps.ts'

const cleared = { name: 'web', throttlingTier: 'Gold', description: '', callbackUrl: '' }

test('an update leaves empty optional fields out instead of sending ""', () => {
  expect(updateClientAppRequest('app-1', cleared, '"v1"').body).toEqual({
    name: 'web',
    throttlingTier: 'Gold',
  })
  expect(
    updateClientAppRequest(
      'app-1',
      { ...cleared, description: 'Shop', callbackUrl: 'https://shop.example/cb' },
      null,
    ).body,
  ).toEqual({
    name: 'web',
    throttlingTier: 'Gold',
    description: 'Shop',
    callbackUrl: 'https://shop.example/cb',
  })
})

test('a create leaves empty optional fields out too', () => {
  expect(createClientAppRequest(cleared).body).toEqual({ name: 'web', throttlingTier: 'Gold' })
})
