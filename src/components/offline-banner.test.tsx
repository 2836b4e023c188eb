import { act, render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { OfflineBanner } from './offline-banner.tsx'

test('the offline banner shows while the browser is offline, politely, and goes when it is back', () => {
  const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  render(
    <>
      <OfflineBanner />
      <nav aria-label="Sections" />
    </>,
  )
  const region = screen.getByRole('status')
  expect(region).toHaveAttribute('aria-live', 'polite')
  expect(region).toBeEmptyDOMElement()

  online.mockReturnValue(false)
  act(() => {
    window.dispatchEvent(new Event('offline'))
  })
  expect(region).toHaveTextContent('You are offline.')
  // A banner, not a page-blanking error: the rest stays.
  expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument()

  online.mockReturnValue(true)
  act(() => {
    window.dispatchEvent(new Event('online'))
  })
  expect(region).toBeEmptyDOMElement()
})
