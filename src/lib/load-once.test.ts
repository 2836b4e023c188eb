import { expect, test } from 'vitest'
import { loadOnce } from './load-once.ts'

test('loads once for every caller, and keeps what it loaded', async () => {
  let calls = 0
  const part = loadOnce(async () => ({ n: ++calls }))
  expect(part.loaded()).toBeNull()
  const [a, b] = await Promise.all([part.load(), part.load()])
  expect(a).toBe(b)
  expect(calls).toBe(1)
  expect(part.loaded()).toBe(a)
  expect(await part.load()).toBe(a)
  expect(calls).toBe(1)
})

test('a failed load is forgotten: the next call tries again', async () => {
  let calls = 0
  const part = loadOnce(async () => {
    calls++
    if (calls === 1) throw new Error('offline')
    return 'code'
  })
  await expect(part.load()).rejects.toThrow('offline')
  expect(part.loaded()).toBeNull()
  expect(await part.load()).toBe('code')
  expect(calls).toBe(2)
})
