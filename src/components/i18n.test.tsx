import { act, render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../lib/i18n.ts'
import { listText } from '../lib/list-text.ts'
import { ApiList, Msg, message } from './i18n.tsx'

test('a value in a message is isolated as API text, and the message follows a switch of language', async () => {
  const hostile = '\u202Eevil\u202C name'
  const { container } = render(<Msg id="shell.language.failed" values={{ language: hostile }} />)
  expect(container).toHaveTextContent(`Couldn't switch to ${hostile}: its texts did not load.`)
  expect(container.querySelector('bdi')).toHaveTextContent(hostile)

  await act(() => setLanguage('de', { remember: false }))
  expect(container).toHaveTextContent(`Der Wechsel zu ${hostile} ist fehlgeschlagen`)
  expect(document.documentElement).toHaveAttribute('lang', 'de')
  expect(document.documentElement).toHaveAttribute('dir', 'ltr')

  await act(() => setLanguage('ar', { remember: false }))
  expect(container).toHaveTextContent('تعذّر التبديل إلى')
  expect(container.querySelector('bdi')).toHaveTextContent(hostile)
  expect(document.documentElement).toHaveAttribute('dir', 'rtl')
})

test('an element can be a value, and a message without values is plain text', () => {
  render(<p>{message('shell.language.failed', { language: <code>de</code> })}</p>)
  expect(screen.getByText('de').tagName).toBe('CODE')
  expect(message('shell.language.label')).toBe('Language')
})

test('a list of names cut after a few says how many more in the language shown', async () => {
  const names = ['\u202Eevil\u202C', 'b', 'c', 'd']
  const { container } = render(<ApiList names={names} max={2} />)
  expect(container.textContent).toBe(`${names[0]}, b, and 2 more`)
  expect([...container.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(
    names.slice(0, 2),
  )

  await act(() => setLanguage('de', { remember: false }))
  expect(container.textContent).toBe(`${names[0]}, b und 2 weitere`)
  expect(listText(names, 3)).toBe(`${names[0]}, b, c und 1 weitere`)
  await act(() => setLanguage('en', { remember: false }))
})
