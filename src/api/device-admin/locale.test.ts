import { expect, test } from 'vitest'
import { setLanguage } from '../../lib/i18n.ts'
import { mfpLocale } from './locale.ts'

test("the MobileFirst locale follows the console's chosen language, so its errors come in it", async () => {
  await setLanguage('de', { remember: false })
  expect(mfpLocale()).toMatch(/^de(_[A-Z]{2})?$/)
  await setLanguage('ar', { remember: false })
  expect(mfpLocale()).toMatch(/^ar(_[A-Z]{2})?$/)
  await setLanguage('en', { remember: false })
  expect(mfpLocale()).toMatch(/^en(_[A-Z]{2})?$/)
})
