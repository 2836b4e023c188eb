import { t } from '../../lib/i18n.ts'
import type { Transaction, TransactionResult } from './device-schemas.ts'

/**
 * Where a transaction stands, as the console acts on it. Only `SUCCESS` is a success;
 * `FAILURE` and `CANCELED` are not; every other status, known (`PENDING`, `PREPARING`,
 * `COMMITTING`, `REJECTING`) or not, is still open and worth following.
 */
export type TransactionPhase = 'pending' | 'success' | 'failure' | 'canceled'

export function transactionPhase(status: string): TransactionPhase {
  switch (status) {
    case 'SUCCESS':
      return 'success'
    case 'FAILURE':
      return 'failure'
    case 'CANCELED':
      return 'canceled'
    default:
      return 'pending'
  }
}

/** True once the transaction can no longer change. */
export function isTransactionFinished(status: string): boolean {
  return transactionPhase(status) !== 'pending'
}

/**
 * The outcome of a change's answer. The transaction's status decides, not `ok`: an
 * asynchronous call answers `ok: false` with a PENDING transaction, and an answer that
 * says `ok: true` over a transaction that did not succeed is not taken as a success.
 */
export function resultPhase(result: TransactionResult): TransactionPhase {
  const phase = transactionPhase(result.transaction.status)
  if (phase === 'success' && !result.ok) return 'failure'
  return phase
}

/** The error details a transaction carries, without blanks. */
export function transactionErrors(tx: Transaction): string[] {
  return (tx.errors ?? [])
    .map((e) => e.details?.trim() ?? '')
    .filter((details) => details.length > 0)
}

/** The transaction's main error in one line, with a fallback that names the status. */
export function transactionFailureMessage(tx: Transaction): string {
  const errors = transactionErrors(tx)
  if (errors.length > 0) return errors.join(' ')
  return tx.status === 'CANCELED'
    ? t('devices.transactions.canceled', { id: tx.id })
    : t('devices.transactions.failedNoDetails', { id: tx.id, status: tx.status })
}

/**
 * A change that did not succeed: thrown for a synchronous change that ended in FAILURE
 * (or CANCELED), so mutations report it as the error it is, with the transaction kept.
 */
export class TransactionFailedError extends Error {
  override readonly name = 'TransactionFailedError'
  readonly transaction: Transaction

  constructor(transaction: Transaction) {
    super(transactionFailureMessage(transaction))
    this.transaction = transaction
  }
}

export function isTransactionFailedError(error: unknown): error is TransactionFailedError {
  return error instanceof TransactionFailedError
}
