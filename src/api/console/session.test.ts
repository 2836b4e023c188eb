import { expect, test } from 'vitest'
import { describeRequest, toCurl } from '../../lib/describe-request.ts'
import { familySignInRequest } from './session.ts'

test('a sign-in request described (as an ApiError and its curl view hold it) has no secret', () => {
  const arm = describeRequest(
    familySignInRequest({
      family: 'arm',
      credentials: { clientId: 'arm-client', clientSecret: 'very-secret-1' },
    }),
  )
  const store = describeRequest(
    familySignInRequest({
      family: 'store',
      credentials: { username: 'store-user', password: 'very-secret-2' },
    }),
  )
  for (const description of [arm, store]) {
    expect(JSON.stringify(description)).not.toContain('very-secret')
    expect(toCurl(description, 'http://localhost')).not.toContain('very-secret')
  }
  expect(toCurl(arm, 'http://localhost')).toContain('$CLIENT_SECRET')
  expect(toCurl(arm, 'http://localhost')).toContain('arm-client')
  expect(toCurl(store, 'http://localhost')).toContain('$PASSWORD')
})
