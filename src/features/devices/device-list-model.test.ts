import { render } from '@testing-library/react'
import { createElement } from 'react'
import { expect, test } from 'vitest'
import {
  APPLICATION_STATUSES,
  SETTABLE_DEVICE_STATUSES,
  TRANSACTION_TYPES,
  type Device,
  type Transaction,
} from '../../api/device-admin/device-schemas.ts'
import { outcomeMessage, type ActionOutcome } from '../../components/outcome-message.tsx'
import { setLanguage } from '../../lib/i18n.ts'
import {
  deviceAppStatusWords,
  deviceStatusAction,
  deviceStatusTone,
  transactionAction,
  transactionStatusTone,
  transactionTypeWords,
  usersOf,
  type DeviceAction,
} from './device-list-model.ts'

/** An action's toast as it reads, and the texts isolated as the API's. */
function toastOf({ messages, values }: DeviceAction, outcome: ActionOutcome) {
  const { container, unmount } = render(
    createElement('p', null, outcomeMessage(messages, values, outcome)),
  )
  const read = {
    text: container.textContent,
    isolated: [...container.querySelectorAll('bdi')].map((b) => b.textContent),
  }
  unmount()
  return read
}
const text = (action: DeviceAction, outcome: ActionOutcome) => toastOf(action, outcome).text

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
  const said = (done: Transaction) => text(transactionAction(done), { kind: 'succeeded' })
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
  const failed = transactionAction(
    tx('CHANGE_DEVICE_STATUS', { status: 'DISABLED', deviceId: 'd-1' }),
  )
  expect(text(failed, { kind: 'failed', message: 'Busy.' })).toBe(
    "Couldn't disable device d-1: Busy.",
  )
})

test('setting a device status reads as the action', () => {
  expect(text(deviceStatusAction("Lena's Pixel", 'ACTIVE'), { kind: 'succeeded' })).toBe(
    "Marked Lena's Pixel as active",
  )
})

test('the console’s own words in a transaction’s toast are not isolated as the API’s; an unknown value is', () => {
  expect(
    toastOf(
      transactionAction(
        tx('CHANGE_DEVICE_APPLICATION_STATUS', { appName: 'AcmeBank', status: 'DISABLED' }),
      ),
      { kind: 'succeeded' },
    ),
  ).toEqual({ text: 'Disabled AcmeBank on an unknown device', isolated: ['AcmeBank'] })
  expect(toastOf(transactionAction(tx('NEW_TYPE', {})), { kind: 'unknown' })).toEqual({
    text: 'Sent run for NEW_TYPE transaction 7; checking the result',
    isolated: ['NEW_TYPE', '7'],
  })
  expect(
    toastOf(deviceStatusAction('d-1', 'EXPIRED'), { kind: 'failed', message: 'Busy.' }),
  ).toEqual({ text: "Couldn't mark d-1 as Expired: Busy.", isolated: ['d-1', 'Busy.'] })
})

test('a device’s users are listed as the language lists them, "—" for none', async () => {
  const device = (users: string[]): Device => ({
    id: 'd-1',
    status: 'ACTIVE',
    userIds: users.map((str) => ({ str })),
  })
  expect(usersOf(device(['lena', 'otto', 'mia']))).toBe('lena, otto, mia')
  expect(usersOf(device([]))).toBe('—')
  await setLanguage('de', { remember: false })
  expect(usersOf(device(['lena', 'otto', 'mia']))).toBe('lena, otto und mia')
})
