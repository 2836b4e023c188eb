import { expect, test } from 'vitest'
import { serverStatus, statusWords } from './status-tones.ts'

test('a known status reads from its table', () => {
  expect(statusWords({ UP: { label: 'Up', tone: 'ok' } })('UP')).toEqual({
    label: 'Up',
    tone: 'ok',
  })
  expect(serverStatus('CREATED')).toEqual({ label: 'Waiting for agent', tone: 'neutral' })
})

test('an unknown status shows as the API spelled it, in the fallback colour', () => {
  expect(statusWords({})('NEW_STATE')).toEqual({ label: 'NEW_STATE', tone: 'neutral' })
  expect(statusWords({}, 'progress')('NEW_STATE')).toEqual({ label: 'NEW_STATE', tone: 'progress' })
})

test("a status named like an object's own property is still unknown", () => {
  expect(statusWords({})('constructor')).toEqual({ label: 'constructor', tone: 'neutral' })
  expect(statusWords({})('__proto__')).toEqual({ label: '__proto__', tone: 'neutral' })
})
