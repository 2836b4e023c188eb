import type { NewAuditEntry } from '../../src/api/console/audit-schemas.ts'

/** A valid entry for tests and the bench; override what the case is about. */
export function sampleEntry(overrides: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    time: Date.UTC(2026, 11, 1, 12),
    operator: 'ops.lena',
    organization: 'org-1',
    environment: 'env-prd',
    family: 'arm',
    action: 'stop',
    resourceKind: 'application',
    resourceId: '42',
    resourceName: 'orders-api',
    runtime: null,
    summary: 'stop application orders-api on prd-mule-07',
    outcome: 'success',
    status: 200,
    message: null,
    transactionId: null,
    transactionStatus: null,
    details: null,
    durationMs: 12,
    requestId: 'req-1',
    request: { method: 'PATCH', path: '/hybrid/api/v1/applications/42', headers: [], body: null },
    ...overrides,
  }
}
