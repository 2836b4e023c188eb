import type { ChangeLabel } from '../console/audit-change.ts'
import type { AuditAction } from '../console/audit-schemas.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { noContent, type RequestSpec } from '../../lib/request.ts'

/**
 * A hybrid `DELETE` of one resource (application, server, group, cluster): no body, any
 * 2xx answer is success, and the words for the audit trail (ADR 015) in its header.
 */
export function hybridDeleteRequest(
  scope: EnvScope,
  path: string,
  label: ChangeLabel,
  action: AuditAction,
): RequestSpec<unknown> {
  return {
    method: 'DELETE',
    path: `/hybrid/api/v1${path}`,
    scope,
    change: { ...label, action },
    schema: noContent,
  }
}
