import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { useSearchDraft, useSettledText } from './use-search-draft.ts'

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

/** The box shows `text`, and nothing is written however long typing pauses. */
function expectNoWrite({ hook, writes }: ReturnType<typeof setup>, text: string) {
  expect(hook.result.current[0]).toBe(text)
  act(() => vi.advanceTimersByTime(1000))
  expect(writes).toEqual([])
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
  expectNoWrite({ hook, writes }, 'ledger')
})

test('discard drops the draft, so clearing the filters leaves nothing to write', () => {
  const { hook, writes } = setup('')
  act(() => hook.result.current[1]('abc'))
  act(() => hook.result.current[2]())
  expectNoWrite({ hook, writes }, '')
})

test('an emptied box reaches the URL without waiting for a pause', () => {
  const { hook, writes } = setup('orders')
  act(() => hook.result.current[1](''))
  act(() => vi.advanceTimersByTime(0))
  expect(writes).toEqual([''])
  expect(hook.result.current[0]).toBe('')
})

test('settled text follows once typing pauses, and an emptied search at once', () => {
  const hook = renderHook(({ text }: { text: string }) => useSettledText(text), {
    initialProps: { text: 'le' },
  })
  hook.rerender({ text: 'lena' })
  expect(hook.result.current).toBe('le')
  act(() => vi.advanceTimersByTime(250))
  expect(hook.result.current).toBe('lena')
  hook.rerender({ text: '' })
  expect(hook.result.current).toBe('')
})
