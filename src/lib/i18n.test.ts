import { expect, test } from 'vitest'
import { browserLanguage, currentLanguage, preferredLanguage, setLanguage } from './i18n.ts'
import { formatNumber } from './format.ts'

test("the browser's first language the console speaks, by its primary subtag, else English", () => {
  expect(browserLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de')
  expect(browserLanguage(['ar-EG'])).toBe('ar')
  expect(browserLanguage(['fr', 'ja'])).toBe('en')
  expect(browserLanguage([])).toBe('en')
})

test('a chosen language is remembered and preferred over the browser; a bad stored value is ignored', async () => {
  localStorage.setItem('runtime-console.language', 'xx')
  expect(preferredLanguage()).toBe(browserLanguage())
  await setLanguage('de')
  expect(localStorage.getItem('runtime-console.language')).toBe('de')
  expect(preferredLanguage()).toBe('de')
  expect(currentLanguage()).toBe('de')
})

test('numbers follow the chosen language', async () => {
  await setLanguage('de', { remember: false })
  expect(formatNumber(50000)).toBe('50.000')
  await setLanguage('en', { remember: false })
  expect(formatNumber(50000)).toBe('50,000')
})

test('a language switch that cannot load its catalogs leaves the console as it was', async () => {
  await setLanguage('en', { remember: false })
  // @ts-expect-error: a language the console does not have has no catalogs
  await expect(setLanguage('xx')).rejects.toThrow('No xx catalog')
  expect(currentLanguage()).toBe('en')
  expect(document.documentElement).toHaveAttribute('lang', 'en')
})
