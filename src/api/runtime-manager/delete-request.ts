import type { ChangeLabel } from '../console/audit-change.ts'
import type { AuditAction } from '../console/audit-schemas.ts'
import type { EnvScope } from '../../lib/describe-request.ts'
import { sendAndVerify, verifyGone, type VerifyOptions } from '../../lib/outcome.ts'
import { noContent, request, type RequestSpec } from '../../lib/request.ts'

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

/**
 * The delete of one hybrid resource with its read-back: sends `requestOf`'s request and,
 * after a lost answer, a 404 on `read` means it is gone. `label` names it for the audit
 * trail (ADR 015).
 */
export function hybridDeleter(
  requestOf: (scope: EnvScope, id: number, label: ChangeLabel) => RequestSpec<unknown>,
  read: (scope: EnvScope, id: number) => Promise<unknown>,
) {
  return (
    scope: EnvScope,
    id: number,
    label: ChangeLabel = {},
    options: VerifyOptions = {},
  ): Promise<unknown> =>
    sendAndVerify(
      () => request(requestOf(scope, id, label)),
      verifyGone(() => read(scope, id), true),
      options,
    )
}
