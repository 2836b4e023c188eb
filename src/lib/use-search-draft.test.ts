import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { useSearchDraft } from './use-search-draft.ts'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A hook under test whose "URL" is a prop the test (or the write) changes. */
function setup(initial: string) {
  const writes: string[] = []
  const hook = renderHook(
    ({ url }: { url: string }) =>
      useSearchDraft(url, (value) => {
        writes.push(value)
        hook.rerender({ url: value })
      }),
    { initialProps: { url: initial } },
  )
  return { hook, writes }
}

test('typed text shows at once and reaches the URL once typing pauses, in one write', () => {
  const { hook, writes } = setup('')
  act(() => hook.result.current[1]('o'))
  act(() => vi.advanceTimersByTime(100))
  act(() => hook.result.current[1]('or'))
  expect(hook.result.current[0]).toBe('or')
  expect(writes).toEqual([])
  act(() => vi.advanceTimersByTime(300))
  expect(writes).toEqual(['or'])
  expect(hook.result.current[0]).toBe('or')
})

test('a URL changed by other means (Back, a link) wins over a pending draft', () => {
  const { hook, writes } = setup('orders')
  act(() => hook.result.current[1]('orders-x'))
  hook.rerender({ url: 'ledger' })
  expect(hook.result.current[0]).toBe('ledger')
  act(() => vi.advanceTimersByTime(1000))
  expect(writes).toEqual([])
})

test('discard drops the draft, so clearing the filters leaves nothing to write', () => {
  const { hook, writes } = setup('')
  act(() => hook.result.current[1]('abc'))
  act(() => hook.result.current[2]())
  expect(hook.result.current[0]).toBe('')
  act(() => vi.advanceTimersByTime(1000))
  expect(writes).toEqual([])
})

test('an emptied box reaches the URL without waiting for a pause', () => {
  const { hook, writes } = setup('orders')
  act(() => hook.result.current[1](''))
  act(() => vi.advanceTimersByTime(0))
  expect(writes).toEqual([''])
  expect(hook.result.current[0]).toBe('')
})
