import { expect, test } from 'vitest'
import { loadArea, setLanguage } from '../../lib/i18n.ts'
import type { Transaction, TransactionResult } from './device-schemas.ts'
import { consoleLanguage, mfpLocale } from './locale.ts'
import {
  isTransactionFailedError,
  isTransactionFinished,
  resultPhase,
  TransactionFailedError,
  transactionFailureMessage,
  transactionPhase,
} from './transaction-state.ts'

function tx(status: string, errors: string[] = []): Transaction {
  return {
    id: 7,
    type: 'CHANGE_DEVICE_APPLICATION_STATUS',
    status,
    errors: errors.map((details) => ({ details })),
  }
}

function result(ok: boolean, status: string): TransactionResult {
  return { ok, transaction: tx(status) }
}

test('only SUCCESS is a success; FAILURE and CANCELED are not; the rest is still open', () => {
  expect(transactionPhase('SUCCESS')).toBe('success')
  expect(transactionPhase('FAILURE')).toBe('failure')
  expect(transactionPhase('CANCELED')).toBe('canceled')
  for (const open of ['PENDING', 'PREPARING', 'COMMITTING', 'REJECTING', 'SOMETHING_NEW'])
    expect(transactionPhase(open)).toBe('pending')
  expect(isTransactionFinished('REJECTING')).toBe(false)
  expect(isTransactionFinished('CANCELED')).toBe(true)
})

test('an answer is judged by its transaction, never by ok alone', () => {
  // The contract's asynchronous answer: ok false, yet nothing has failed.
  expect(resultPhase(result(false, 'PENDING'))).toBe('pending')
  expect(resultPhase(result(true, 'SUCCESS'))).toBe('success')
  expect(resultPhase(result(false, 'FAILURE'))).toBe('failure')
  // Contradictions are not successes.
  expect(resultPhase(result(true, 'FAILURE'))).toBe('failure')
  expect(resultPhase(result(false, 'SUCCESS'))).toBe('failure')
  expect(resultPhase(result(true, 'CANCELED'))).toBe('canceled')
})

test('failure messages carry the error details, or name the status when there are none', () => {
  expect(transactionFailureMessage(tx('FAILURE', ['Version retired.', ' ', 'Update first.']))).toBe(
    'Version retired. Update first.',
  )
  expect(transactionFailureMessage(tx('FAILURE'))).toBe(
    'Transaction 7 failed without error details (status FAILURE).',
  )
  expect(transactionFailureMessage(tx('CANCELED'))).toBe('Transaction 7 was canceled.')
  const error = new TransactionFailedError(tx('FAILURE', ['Version retired.']))
  expect(isTransactionFailedError(error)).toBe(true)
  expect(error.message).toBe('Version retired.')
  expect(error.transaction.id).toBe(7)
  expect(isTransactionFailedError(new Error('x'))).toBe(false)
})

test('the console language becomes the API locale', () => {
  expect(mfpLocale('de-DE')).toBe('de_DE')
  expect(mfpLocale('en-us')).toBe('en_US')
  expect(mfpLocale('fr')).toBe('fr')
  expect(mfpLocale('zh-Hant-TW')).toBe('zh_TW')
  expect(mfpLocale('sr-Latn')).toBe('sr')
  expect(mfpLocale('es-419')).toBe('es_419')
  expect(mfpLocale('')).toBe('en_US')
})

test('the locale follows the page language, taking the browser region when it matches', () => {
  const before = document.documentElement.lang
  try {
    document.documentElement.lang = 'de'
    // jsdom's browser language is en-US: another language, so its region is not borrowed.
    expect(consoleLanguage()).toBe('de')
    expect(mfpLocale()).toBe('de')
    document.documentElement.lang = 'en'
    expect(consoleLanguage()).toBe('en-US')
    expect(mfpLocale()).toBe('en_US')
    document.documentElement.lang = 'fr-CA'
    expect(mfpLocale()).toBe('fr_CA')
  } finally {
    document.documentElement.lang = before
  }
})

test('a failure without details and a cancel are said in the language shown', async () => {
  await setLanguage('de', { remember: false })
  await loadArea('devices')
  try {
    expect(transactionFailureMessage(tx('FAILURE'))).toBe(
      'Transaktion 7 ist ohne Fehlerangaben fehlgeschlagen (Status FAILURE).',
    )
    expect(transactionFailureMessage(tx('CANCELED'))).toBe('Transaktion 7 wurde abgebrochen.')
  } finally {
    await setLanguage('en', { remember: false })
  }
})
