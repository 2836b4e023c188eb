import { expect, test } from 'vitest'
import {
  APPLICATION_STATUSES,
  SETTABLE_DEVICE_STATUSES,
  TRANSACTION_TYPES,
  type Transaction,
} from '../../api/device-admin/device-schemas.ts'
import { t } from '../../lib/i18n.ts'
import {
  deviceAppStatusWords,
  deviceStatusOutcome,
  deviceStatusTone,
  transactionOutcome,
  transactionStatusTone,
  transactionTypeWords,
  type Said,
} from './device-list-model.ts'

const text = ({ key, values }: Said) => t(key, values)

// Plain words: capitalized English, never the API's enum spelling.
const WORDS = /^[A-Z][a-z]+( [a-z]+)*$/

test.each([
  ['device status', deviceStatusTone, [...SETTABLE_DEVICE_STATUSES, 'EXPIRED']],
  ['application status on a device', deviceAppStatusWords, APPLICATION_STATUSES],
  ['transaction type', transactionTypeWords, TRANSACTION_TYPES],
  [
    'transaction status',
    transactionStatusTone,
    ['SUCCESS', 'FAILURE', 'CANCELED', 'PENDING', 'PREPARING', 'COMMITTING', 'REJECTING'],
  ],
] as const)('every %s of the API has plain words and keeps its value', (_, words, values) => {
  for (const value of values) {
    const reading = words(value)
    expect(reading.label).toMatch(WORDS)
    expect(reading.label).not.toBe(value)
    expect(reading.raw).toBe(value)
  }
})

test('an unknown value shows itself, never a blank', () => {
  for (const words of [deviceStatusTone, deviceAppStatusWords, transactionTypeWords])
    expect(words('SOMETHING_NEW').label).toBe('SOMETHING_NEW')
  expect(transactionStatusTone('QUEUED')).toEqual({
    label: 'QUEUED',
    tone: 'progress',
    raw: 'QUEUED',
  })
})

test('an application status reads as what it means on this device', () => {
  expect(deviceAppStatusWords('DISABLED').label).toBe('Disabled on this device')
  expect(transactionStatusTone('FAILURE').label).toBe('Failed')
})

const tx = (type: string, description: Transaction['description']): Transaction => ({
  id: 7,
  type,
  status: 'SUCCESS',
  description,
})

test('a transaction says what it did in outcome words', () => {
  const said = (done: Transaction) => text(transactionOutcome(done, { kind: 'succeeded' }))
  expect(
    said(
      tx('CHANGE_DEVICE_APPLICATION_STATUS', {
        appName: 'AcmeBank',
        status: 'DISABLED',
        deviceId: 'd-1',
      }),
    ),
  ).toBe('Disabled AcmeBank on d-1')
  expect(said(tx('CHANGE_DEVICE_STATUS', { status: 'LOST', deviceId: 'd-1' }))).toBe(
    'Marked d-1 as lost',
  )
  expect(said(tx('REMOVE_DEVICE', { deviceId: 'd-1' }))).toBe('Removed device d-1')
  expect(said(tx('NEW_TYPE', {}))).toBe('Ran NEW_TYPE transaction 7')
  const failed = transactionOutcome(
    tx('CHANGE_DEVICE_STATUS', { status: 'DISABLED', deviceId: 'd-1' }),
    { kind: 'failed', message: 'Busy.' },
  )
  expect(text(failed)).toBe("Couldn't disable device d-1: Busy.")
})

test('setting a device status reads as the action', () => {
  expect(text(deviceStatusOutcome("Lena's Pixel", 'ACTIVE', { kind: 'succeeded' }))).toBe(
    "Marked Lena's Pixel as active",
  )
})
