import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { expect, test, vi } from 'vitest'
import { ApiError } from '../lib/api-error.ts'
import { describeRequest } from '../lib/describe-request.ts'
import { OfflineBanner } from './offline-banner.tsx'

function renderBanner(client = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const wrap = (children: ReactNode) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  )
  render(
    wrap(
      <>
        <OfflineBanner />
        <nav aria-label="Sections" />
      </>,
    ),
  )
  return client
}

function failure(kind: 'network' | 'http'): ApiError {
  return new ApiError({
    kind,
    status: kind === 'http' ? 500 : 0,
    message: kind === 'http' ? 'Internal error' : 'No answer',
    request: describeRequest({ method: 'GET', path: '/hybrid/api/v1/servers' }),
  })
}

test('the offline banner shows while the browser is offline, politely, and goes when it is back', () => {
  const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  renderBanner()
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

test('online but a request gets no answer: the banner shows until the next answer; an HTTP error is not offline', async () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  const client = renderBanner()
  const region = screen.getByRole('status')

  // An HTTP error is an answer: the page says it, not the banner.
  await act(() =>
    client.prefetchQuery({ queryKey: ['a'], queryFn: () => Promise.reject(failure('http')) }),
  )
  expect(region).toBeEmptyDOMElement()

  await act(() =>
    client.prefetchQuery({ queryKey: ['b'], queryFn: () => Promise.reject(failure('network')) }),
  )
  expect(region).toHaveTextContent('The backend is not answering.')

  // A change that gets no answer says so too; any answer clears it.
  const mutation = client.getMutationCache().build(client, {
    mutationFn: () => Promise.reject(failure('network')),
  })
  await act(() => mutation.execute(undefined).catch(() => undefined))
  expect(region).toHaveTextContent('The backend is not answering.')

  await act(() => client.prefetchQuery({ queryKey: ['c'], queryFn: () => Promise.resolve(1) }))
  expect(region).toBeEmptyDOMElement()
})
