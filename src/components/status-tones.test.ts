import { expect, test } from 'vitest'
import {
  applicationStatus,
  runtimeAppStatusWords,
  serverStatus,
  statusWords,
} from './status-tones.ts'

test('a known status reads from its table, with the API value kept as raw', () => {
  expect(statusWords({ UP: { label: 'Up', tone: 'ok' } })('UP')).toEqual({
    label: 'Up',
    tone: 'ok',
    raw: 'UP',
  })
  expect(serverStatus('CREATED')).toEqual({
    label: 'Waiting for agent',
    tone: 'neutral',
    raw: 'CREATED',
  })
})

test('an unknown status shows as the API spelled it, in the fallback colour', () => {
  expect(statusWords({})('NEW_STATE')).toEqual({
    label: 'NEW_STATE',
    tone: 'neutral',
    raw: 'NEW_STATE',
  })
  expect(statusWords({}, 'progress')('NEW_STATE')).toEqual({
    label: 'NEW_STATE',
    tone: 'progress',
    raw: 'NEW_STATE',
  })
})

test("a status named like an object's own property is still unknown", () => {
  expect(statusWords({})('constructor')).toMatchObject({ label: 'constructor', tone: 'neutral' })
  expect(statusWords({})('__proto__')).toMatchObject({ label: '__proto__', tone: 'neutral' })
})

// Runtime Manager parses these as plain strings (a newer backend may add one): these are
// the values the console knows, each of which must read in words, never as the API's enum.
const SERVER_STATUSES = ['RUNNING', 'DISCONNECTED', 'CREATED', 'PARTIALLY_RUNNING']
const APPLICATION_STATUSES = ['STARTED', 'STOPPED', 'UPDATED', 'UNDEPLOYED', 'DEPLOYMENT_FAILED']

test.each([
  ['server', serverStatus, SERVER_STATUSES],
  ['application (desired or reported)', runtimeAppStatusWords, APPLICATION_STATUSES],
] as const)('every known %s status has plain words', (_, words, values) => {
  for (const value of values) {
    const reading = words(value)
    expect(reading.label).not.toBe(value)
    expect(reading.label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/)
    expect(reading.raw).toBe(value)
  }
})

test('an application status pair reads in words, with the API pair as raw', () => {
  expect(applicationStatus('UNDEPLOYED', 'UPDATED')).toEqual({
    label: 'Deploying',
    tone: 'progress',
    raw: 'desired UPDATED · reported UNDEPLOYED',
  })
  expect(applicationStatus('DEPLOYMENT_FAILED', 'STARTED')).toMatchObject({
    label: 'Deployment failed',
    tone: 'danger',
  })
  // A failure the table does not know still reads as one; another unknown value as it came.
  expect(applicationStatus('START_FAILED', 'STARTED').label).toBe('Failed')
  expect(applicationStatus('PAUSED', 'PAUSED')).toMatchObject({
    label: 'PAUSED',
    raw: 'desired PAUSED · reported PAUSED',
  })
  expect(applicationStatus('STARTED').raw).toBe('reported STARTED')
})
