/**
 * The audit trail's `ExchangeObserver`: every change made through the proxy (POST, PUT,
 * PATCH, DELETE on the four families) becomes an entry; MobileFirst transaction reads
 * settle the entry of a queued change. Other reads cost one method check (ADR 015).
 */
import {
  describeChange,
  isRecordedChange,
  isTransactionRead,
  settledTransactions,
} from '../../src/api/console/audit-change.ts'
import type { ExchangeObserver } from '../contract.ts'
import type { AuditStore } from './store.ts'

export interface AuditRecorderOptions {
  /** Called when describing an exchange throws (a bug): the answer has gone out anyway. */
  log?: { error: (details: object, message: string) => void }
}

/**
 * The observer to pass to `buildServer(config, { observers: [auditRecorder(store)] })`.
 * It never throws and never writes synchronously: the store queues the entry.
 */
export function auditRecorder(
  store: AuditStore,
  options: AuditRecorderOptions = {},
): ExchangeObserver {
  return (exchange) => {
    try {
      const method = exchange.method.toUpperCase()
      if (method === 'GET') {
        if (!isTransactionRead(method, exchange.url)) return
        for (const settled of settledTransactions(
          method,
          exchange.url,
          exchange.status,
          exchange.responseText,
        ))
          store.settleTransaction(settled)
        return
      }
      if (!isRecordedChange(method, exchange.url)) return
      // Refused before the upstream (that family is not signed in): nobody changed anything.
      if (!exchange.identities[exchange.family]) return
      const entry = describeChange({
        family: exchange.family,
        method,
        url: exchange.url,
        requestHeaders: exchange.requestHeaders,
        status: exchange.status,
        responseText: exchange.responseText,
        startedAt: exchange.startedAt,
        durationMs: exchange.durationMs,
        requestId: exchange.requestId,
        operator: exchange.identities[exchange.family]?.username ?? 'unknown',
        organization: exchange.identities.arm?.orgId ?? null,
      })
      if (entry) store.record(entry)
    } catch (error) {
      options.log?.error(
        { err: error, requestId: exchange.requestId },
        'audit trail: could not describe a change',
      )
    }
  }
}
