import { act, render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { setLanguage } from '../lib/i18n.ts'
import { Msg, message } from './i18n.tsx'

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
