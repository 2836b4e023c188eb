import { expect, test } from 'vitest'
import { parseAppId, platformLabel } from './app-id.ts'

test('reads bundle, platform and version from bundle$platform$version', () => {
  expect(parseAppId('com.acme.bank$ios$2.1.0')).toEqual({
    bundleId: 'com.acme.bank',
    platform: 'ios',
    platformLabel: 'iOS',
    version: '2.1.0',
  })
  expect(parseAppId('com.acme.wallet$android$1.5.0-rc.2')).toMatchObject({
    platformLabel: 'Android',
    version: '1.5.0-rc.2',
  })
})

test('keeps unknown platforms as the server spells them', () => {
  expect(parseAppId('com.acme.kiosk$tizen$1.0')).toMatchObject({
    platform: 'tizen',
    platformLabel: 'tizen',
    version: '1.0',
  })
  expect(platformLabel('desktopbrowser')).toBe('Desktop browser')
  expect(platformLabel('IOS')).toBe('iOS')
})

test('an appId in another form is kept whole, with nothing invented', () => {
  for (const odd of ['com.acme.bank', 'a$b', 'a$b$c$d', '']) {
    expect(parseAppId(odd)).toEqual({
      bundleId: odd,
      platform: null,
      platformLabel: null,
      version: null,
    })
  }
})

test('empty parts count as absent', () => {
  expect(parseAppId('com.acme.bank$$')).toEqual({
    bundleId: 'com.acme.bank',
    platform: null,
    platformLabel: null,
    version: null,
  })
  expect(parseAppId('$ios$2.0')).toMatchObject({ bundleId: '$ios$2.0', platform: 'ios' })
})
